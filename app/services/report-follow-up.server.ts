/**
 * Following a report up, anonymously: reference and secret open it, and the pages that follow carry
 * the opened report sealed in their forms (no cookie), for half an hour. A wrong secret, an unknown
 * reference and another report's secret get one answer, after the same work, and count against a
 * limit kept in memory only.
 */
import type { AppLoadContext } from "@remix-run/node";
import * as z from "zod/mini";
import { addReportMessage, markNewsFromReporter, openReportForReporter, type ReporterView } from "~/models/report.server";
import { findReporterView } from "~/models/report.server";
import type { AnonymousLimit } from "~/utils/anonymous-rate-limit.server";
import { sealedKind } from "~/utils/sealed-state.server";
import { startOfToday, storeEvidenceFiles } from "./report-evidence.server";

/** Opening attempts per address: plenty for someone copying from paper, hopeless for guessing 98 bits. */
export const FOLLOW_UP_OPENINGS: AnonymousLimit = { bucket: "report-follow-up", max: 10, windowMs: 15 * 60_000 };
const sealedOpening = sealedKind<{ reportId: string }>({
  purpose: "report-follow-up-v1",
  ttlMs: 30 * 60_000,
  schema: z.object({ reportId: z.string().check(z.minLength(1), z.maxLength(64)) }),
});

export function sealOpenedReport(context: AppLoadContext, reportId: string): string {
  return sealedOpening.seal(context.sessionSecret, { reportId });
}

export function openedReportId(context: AppLoadContext, token: FormDataEntryValue | null): string | null {
  return sealedOpening.open(context.sessionSecret, token)?.reportId ?? null;
}

export async function openReport(context: AppLoadContext, reference: string, secret: string): Promise<ReporterView | null> {
  return openReportForReporter(context.db, reference, secret);
}

export async function reopenReport(context: AppLoadContext, reportId: string): Promise<ReporterView | null> {
  return findReporterView(context.db, reportId);
}

/**
 * Adds what the reporter wrote and the files they chose; the key of the first problem with a file,
 * if any (the message is kept either way, so nothing typed is lost).
 */
export async function addToReport(context: AppLoadContext, reportId: string, message: string, formData: FormData): Promise<string | null> {
  const today = startOfToday().toISOString().slice(0, 10);
  if (message) await addReportMessage(context.db, { reportId, author: "reporter", body: message, today });
  const { problem, stored } = await storeEvidenceFiles(context, { ownerType: "report", ownerId: reportId }, formData);
  if (stored > 0) await markNewsFromReporter(context.db, reportId, today);
  return problem;
}
