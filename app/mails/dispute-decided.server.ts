/** A supervisor decided the holder's dispute of their certificate: the decision and its explanation. */
import type { Lang } from "~/i18n";
import type { DisputeDecision } from "~/domain/certificate";
import { isolate } from "~/utils/bidi";
import { getI18n } from "~/utils/i18n.server";
import { type ComposedMail, composeMail } from "./compose.server";

export function disputeDecidedMail(
  lang: Lang,
  {
    reference,
    number,
    decision,
    outcome,
    trackLink,
  }: { reference: string; number: string; decision: DisputeDecision; outcome: string; trackLink: string },
): ComposedMail {
  const { t } = getI18n(lang);
  return composeMail(lang, t("mail:disputeDecided.subject", { reference }), [
    t(`mail:disputeDecided.${decision}`, { number }),
    // The supervisor's words, in whatever direction they were typed.
    isolate(outcome),
    t("mail:disputeDecided.track"),
    { link: trackLink },
  ]);
}
