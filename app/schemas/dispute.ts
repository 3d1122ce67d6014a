/** A supervisor's decision on a holder's dispute (the holder's own form is DisputeSchema in ./verify). */
import * as z from "zod/mini";
import { DISPUTE_TEXT_MAX } from "~/domain/certificate";

/** Uphold (the certificate was wrong: it is revoked) or dismiss, with a note the holder reads. */
export const DISPUTE_INTENTS = ["uphold", "dismiss"] as const;

export const DisputeDecisionSchema = z.object({
  intent: z.enum(DISPUTE_INTENTS),
  disputeId: z.string().check(z.minLength(1), z.maxLength(64)),
  outcome: z
    .string({ error: () => "cases:disputes.noteRequired" })
    .check(z.trim(), z.minLength(1, "cases:disputes.noteRequired"), z.maxLength(DISPUTE_TEXT_MAX, "cases:case.problems.tooLong")),
});
