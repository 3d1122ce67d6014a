/** The applicant's notice that their application changed status; the tracking page says how. */
import { isLang } from "~/i18n";
import type { NoticeFor } from "~/models/case.server";
import { getI18n } from "~/utils/i18n.server";
import { composeMail } from "./compose.server";

export function statusNotice(publicUrl: string): NoticeFor {
  return ({ reference, language }) => {
    const lang = isLang(language) ? language : "en";
    const { t } = getI18n(lang);
    return composeMail(lang, t("mail:statusChanged.subject", { reference }), [
      t("mail:statusChanged.body", { reference }),
      { link: `${publicUrl}/${lang}/track` },
    ]);
  };
}
