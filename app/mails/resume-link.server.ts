/** The link to a saved application, sent when the applicant saves to come back later. */
import type { Lang } from "~/i18n";
import { formatDate } from "~/utils/format";
import { getI18n } from "~/utils/i18n.server";
import { type ComposedMail, composeMail } from "./compose.server";

export function resumeLinkMail(lang: Lang, { link, expiresAt }: { link: string; expiresAt: string }): ComposedMail {
  const { t } = getI18n(lang);
  return composeMail(lang, t("mail:resume.subject"), [
    t("mail:resume.body"),
    { link },
    t("mail:resume.expires", { date: formatDate(lang, expiresAt) }),
    t("mail:resume.warning"),
  ]);
}
