/** To the holder, when a relative applies for them: confirm the e-authority by following the link. */
import type { Lang } from "~/i18n";
import { isolate } from "~/utils/bidi";
import { getI18n } from "~/utils/i18n.server";
import { type ComposedMail, composeMail } from "./compose.server";

export function authorityRequestMail(
  lang: Lang,
  { relativeName, relationship, consentLink }: { relativeName: string; relationship: string; consentLink: string },
): ComposedMail {
  const { t } = getI18n(lang);
  const relative = isolate(relativeName);
  return composeMail(lang, t("mail:authority.subject", { relative }), [
    t("mail:authority.body", { relative, relationship: t(`certificate:authority.relationships.${relationship}`) }),
    { label: t("mail:authority.link"), link: consentLink },
    t("mail:authority.ignore"),
  ]);
}
