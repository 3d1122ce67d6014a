/** The receipt an applicant gets on sending an application: the reference and a link to track it. */
import type { Lang } from "~/i18n";
import { PROCESSING_WORKING_DAYS } from "~/domain/certificate-journey";
import { isolate } from "~/utils/bidi";
import { getI18n } from "~/utils/i18n.server";
import { type ComposedMail, composeMail } from "./compose.server";

export function receiptMail(
  lang: Lang,
  { name, reference, trackLink }: { name: string; reference: string; trackLink: string },
): ComposedMail {
  const { t } = getI18n(lang);
  return composeMail(lang, t("mail:receipt.subject", { reference }), [
    // Typed names keep their own direction inside the translated sentence.
    t("mail:receipt.greeting", { name: isolate(name) }),
    t("mail:receipt.body", { reference }),
    t("mail:receipt.next", { days: PROCESSING_WORKING_DAYS }),
    { label: t("mail:receipt.track"), link: trackLink },
  ]);
}
