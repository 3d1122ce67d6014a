/** The applicant's notice of a status change, in the language they applied in. */
import { isLang } from "~/i18n";
import type { NoticeFor } from "~/models/case.server";
import { getI18n } from "./i18n.server";

export function statusNotice(publicUrl: string): NoticeFor {
  return ({ reference, language }) => {
    const lang = isLang(language) ? language : "en";
    const { t } = getI18n(lang);
    return {
      subject: t("mail:statusChanged.subject", { reference }),
      text: [t("mail:statusChanged.body", { reference }), `${publicUrl}/${lang}/track`, `${t("mail:signature")}\n${t("mail:doNotReply")}`].join("\n\n"),
    };
  };
}
