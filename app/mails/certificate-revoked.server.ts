/** The holder's certificate was revoked by a supervisor; the tracking page gives the reason. */
import type { Lang } from "~/i18n";
import { getI18n } from "~/utils/i18n.server";
import { type ComposedMail, composeMail } from "./compose.server";

export function certificateRevokedMail(
  lang: Lang,
  { reference, number, trackLink }: { reference: string; number: string; trackLink: string },
): ComposedMail {
  const { t } = getI18n(lang);
  return composeMail(lang, t("mail:certificateRevoked.subject", { number }), [
    t("mail:certificateRevoked.body", { number, reference }),
    { link: trackLink },
  ]);
}
