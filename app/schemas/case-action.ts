import * as z from "zod/mini";
import { REJECTION_REASONS } from "~/domain/rejection";

export const CASE_INTENTS = ["claim", "release", "reassign", "request_information", "approve", "reject", "mark_collected", "note"] as const;
export type CaseIntent = (typeof CASE_INTENTS)[number];

const longText = (requiredKey: string) =>
  z.string({ error: () => requiredKey }).check(z.trim(), z.minLength(1, requiredKey), z.maxLength(2000, "cases:case.problems.tooLong"));

/** Every case action carries the version the officer saw, so a stale page cannot overwrite. */
export const CaseActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("claim"), version: z.coerce.number() }),
  z.object({ intent: z.literal("release"), version: z.coerce.number() }),
  z.object({ intent: z.literal("approve"), version: z.coerce.number() }),
  z.object({ intent: z.literal("mark_collected"), version: z.coerce.number() }),
  z.object({
    intent: z.literal("reassign"),
    version: z.coerce.number(),
    assignTo: z.string().check(z.minLength(1, "cases:case.problems.assigneeRequired")),
  }),
  z.object({
    intent: z.literal("request_information"),
    version: z.coerce.number(),
    question: longText("cases:case.problems.questionRequired"),
  }),
  z.object({
    intent: z.literal("reject"),
    version: z.coerce.number(),
    reason: z.enum(REJECTION_REASONS, { error: () => "cases:case.problems.reason_required" }),
    rejectionNote: longText("cases:case.problems.reason_required"),
  }),
  z.object({ intent: z.literal("note"), note: longText("cases:case.problems.noteRequired") }),
]);
export type CaseAction = z.output<typeof CaseActionSchema>;
