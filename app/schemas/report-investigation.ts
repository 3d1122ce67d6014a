/**
 * The investigators' forms on a smuggling report, and the queue's filter as its URL carries it.
 * Messages are translation keys. Questions go to the reporter, notes stay inside; neither may carry
 * invisible controls that would make the text read differently from what is stored.
 */
import * as z from "zod/mini";
import { CLOSE_REASONS, REPORT_PRIORITIES, REPORT_STATUSES } from "~/domain/report-actions";
import { CHANNELS, PAYMENT_METHODS } from "./report";

export const REPORT_MESSAGE_MAX = 2000;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

const message = (requiredKey: string) =>
  z.string({ error: () => requiredKey }).check(
    z.trim(),
    z.minLength(1, requiredKey),
    z.maxLength(REPORT_MESSAGE_MAX, "validation:tooLong"),
    z.refine((v) => !CONTROLS.test(v), "reports:problems.controls"),
  );

export const TriageSchema = z.object({
  intent: z.literal("triage"),
  priority: z.enum(REPORT_PRIORITIES, { error: () => "reports:problems.priority" }),
});

export const AskSchema = z.object({ intent: z.literal("ask"), question: message("reports:problems.question") });

/** The FIA's own case or complaint reference, as the FIA wrote it: letters, digits and separators. */
export const ForwardSchema = z.object({
  intent: z.literal("forward"),
  fiaReference: z
    .string({ error: () => "reports:problems.fiaReference" })
    .check(
      z.trim(),
      z.minLength(1, "reports:problems.fiaReference"),
      z.maxLength(40, "reports:problems.fiaReferenceFormat"),
      z.regex(/^[A-Za-z0-9][A-Za-z0-9 ./_-]*$/, "reports:problems.fiaReferenceFormat"),
    ),
});

export const CloseSchema = z.object({
  intent: z.literal("close"),
  reason: z.enum(CLOSE_REASONS, { error: () => "reports:problems.reason" }),
});

export const ReopenSchema = z.object({ intent: z.literal("reopen") });

export const NoteSchema = z.object({ intent: z.literal("note"), note: message("reports:problems.note") });

/** One form per action; the `intent` button says which. */
export const ReportActionSchema = z.discriminatedUnion("intent", [
  TriageSchema,
  AskSchema,
  ForwardSchema,
  CloseSchema,
  ReopenSchema,
  NoteSchema,
]);
export type ReportActionInput = z.output<typeof ReportActionSchema>;

/** Cluster sizes the queue filters by: a report with at least this many reports in its cluster (itself included). */
export const CLUSTER_SIZES = ["2", "3", "5", "10"] as const;

const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);
const country = z.string().check(z.regex(/^[A-Z]{2}$/));

/** Anything the URL carries that is not one of these is dropped, never an error: a filter is a bookmark. */
export const ReportQuerySchema = z.object({
  tab: z.catch(z.enum(REPORT_STATUSES), "new"),
  channel: optional(z.enum(CHANNELS)),
  payment: optional(z.enum(PAYMENT_METHODS)),
  destination: optional(country),
  via: optional(country),
  month: optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))),
  cluster: optional(z.enum(CLUSTER_SIZES)),
  q: optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  after: optional(z.string().check(z.maxLength(100))),
});
export type ReportQuery = z.output<typeof ReportQuerySchema>;

export function readReportQuery(url: URL): ReportQuery {
  return ReportQuerySchema.parse(Object.fromEntries(url.searchParams));
}
