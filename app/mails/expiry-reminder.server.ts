/** Before a certificate expires: a single-use link to apply again with the same answers. */
import type { Lang } from "~/i18n";
import { formatDate } from "~/utils/format";
import { getI18n } from "~/utils/i18n.server";
import { type ComposedMail, composeMail } from "./compose.server";

export function expiryReminderMail(
  lang: Lang,
  { number, expiresAt, link }: { number: string; expiresAt: string; link: string },
): ComposedMail {
  const { t } = getI18n(lang);
  const date = formatDate(lang, expiresAt);
  return composeMail(lang, t("mail:expiryReminder.subject", { date }), [
    t("mail:expiryReminder.body", { number, date }),
    t("mail:expiryReminder.link"),
    { link },
    t("mail:expiryReminder.warning"),
  ]);
}
