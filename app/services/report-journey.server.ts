/**
 * The smuggling report journey without a cookie or a server-side draft: each page's form carries
 * the answers so far, sealed (app/utils/sealed-state.server.ts), and each answer is what the person
 * typed, so a page shown again shows exactly that. Answers are parsed with the page schemas
 * whenever they are used: a page whose stored answers no longer fit (a release changed a rule)
 * is asked again, never submitted wrong.
 */
import type { AppLoadContext } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import * as z from "zod/mini";
import { isReportPage, REPORT_PAGES, type ReportPage, type ReportScreen } from "~/domain/report-journey";
import { REPORT_PAGE_SCHEMAS, type ReportAnswers } from "~/schemas/report";
import { type FieldErrors, type FormValues, parseForm } from "~/utils/form";
import { sealedKind } from "~/utils/sealed-state.server";

/** Long enough to find screenshots and ask someone; short enough that a shared phone's history goes stale. */
export const REPORT_JOURNEY_TTL_MS = 2 * 60 * 60 * 1000;
/** Part of the sealing key: raise it when the shape below changes, and older pages read as expired. */
const PURPOSE = "report-journey-v1";

export type ReportJourneyState = {
  /**
   * Random, per journey: owns the evidence uploaded so far (app/services/report-evidence.server.ts)
   * and makes a second "Send report" of the same answers recognisable.
   */
  journeyId: string;
  pages: Partial<Record<ReportPage, FormValues>>;
};

const FormValuesSchema = z.record(z.string(), z.string());
const StateSchema = z.object({
  journeyId: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/)),
  pages: z.partialRecord(z.enum(REPORT_PAGES), FormValuesSchema),
});

export function newReportJourney(): ReportJourneyState {
  return { journeyId: randomBytes(16).toString("base64url"), pages: {} };
}

const sealedJourney = sealedKind<ReportJourneyState>({ purpose: PURPOSE, ttlMs: REPORT_JOURNEY_TTL_MS, schema: StateSchema });

export function sealReportJourney(context: AppLoadContext, state: ReportJourneyState): string {
  return sealedJourney.seal(context.sessionSecret, state);
}

/** The journey a form carries, or null when it is missing, altered or expired. */
export function openReportJourney(context: AppLoadContext, token: FormDataEntryValue | null): ReportJourneyState | null {
  return sealedJourney.open(context.sessionSecret, token);
}

/**
 * The sent report's page, sealed into its language switch for as long as someone might take to
 * copy the secret down: read again in another language, the page must still show it, and nothing
 * else holds it (only its hash is stored). Whoever has the page has the secret in plain sight.
 */
export type SentReport = { reference: string; secretGroups: string[] };
const sealedSent = sealedKind<SentReport>({
  purpose: "report-sent-v1",
  ttlMs: 15 * 60 * 1000,
  schema: z.object({ reference: z.string(), secretGroups: z.array(z.string()) }),
});

export function sealSentReport(context: AppLoadContext, sent: SentReport): string {
  return sealedSent.seal(context.sessionSecret, sent);
}

export function openSentReport(context: AppLoadContext, token: FormDataEntryValue | null): SentReport | null {
  return sealedSent.open(context.sessionSecret, token);
}

export function readScreen(value: FormDataEntryValue | null): ReportScreen | null {
  if (value === "emergency" || value === "check") return value;
  return isReportPage(value) ? value : null;
}

/** One page's answers parsed from what was typed; `errors` when they do not (or no longer) fit. */
export function parseReportPage<P extends ReportPage & keyof typeof REPORT_PAGE_SCHEMAS>(
  page: P,
  values: FormValues,
): { ok: true; data: ReportAnswers[P] } | { ok: false; errors: FieldErrors } {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  const parsed = parseForm(REPORT_PAGE_SCHEMAS[page] as unknown as z.ZodMiniType<ReportAnswers[P]>, form);
  return parsed.ok ? parsed : { ok: false, errors: parsed.errors };
}

/** Whether the reporter said someone is in danger (the emergency page then follows the first page). */
export function someoneInDanger(state: ReportJourneyState): boolean {
  return state.pages.danger?.someoneInDanger === "yes";
}

/**
 * Every page's answers, or the first page that is missing or no longer fits. The evidence page has
 * no schema: its files are stored under the journey's id, and it counts as answered once passed.
 */
export function readReportAnswers(
  state: ReportJourneyState,
): { complete: true; answers: ReportAnswers } | { complete: false; page: ReportPage; errors: FieldErrors | null } {
  const answers: Partial<Record<ReportPage, unknown>> = {};
  for (const page of REPORT_PAGES) {
    const values = state.pages[page];
    if (!values) return { complete: false, page, errors: null };
    if (page === "evidence") continue;
    const parsed = parseReportPage(page, values);
    if (!parsed.ok) return { complete: false, page, errors: parsed.errors };
    answers[page] = parsed.data;
  }
  return { complete: true, answers: answers as ReportAnswers };
}
