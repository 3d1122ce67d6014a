/**
 * What the investigator's report page does with a post: read the intent, parse its form with that
 * intent's schema, and take the action through the model, which judges the status in its
 * transaction. The route guards and renders; this is the part between.
 */
import type { AppLoadContext } from "@remix-run/node";
import { REPORT_ACTION_NAMES, type ReportAction } from "~/domain/report-actions";
import { actOnReport } from "~/models/report-triage.server";
import { ReportActionSchema } from "~/schemas/report-investigation";
import { type FieldErrors, type FormValues, parseForm } from "~/utils/form";
import { startOfToday } from "./report-evidence.server";
import { type StaffIdentity, staffActor } from "./auth.server";

export type ReportIntentOutcome =
  | { ok: true; action: ReportAction }
  | { ok: false; action: ReportAction | null; errors: FieldErrors | null; values: FormValues; problem: "notFound" | "notAllowed" | null };

function isAction(value: unknown): value is ReportAction {
  return typeof value === "string" && (REPORT_ACTION_NAMES as readonly string[]).includes(value);
}

export async function handleReportIntent(
  context: AppLoadContext,
  staff: StaffIdentity,
  reportId: string,
  formData: FormData,
): Promise<ReportIntentOutcome> {
  const intent = formData.get("intent");
  if (!isAction(intent)) return { ok: false, action: null, errors: null, values: {}, problem: "notAllowed" };
  const parsed = parseForm(ReportActionSchema, formData);
  if (!parsed.ok) return { ok: false, action: intent, errors: parsed.errors, values: parsed.values, problem: null };
  const done = await actOnReport(context.db, {
    input: parsed.data,
    reportId,
    actor: staffActor(staff),
    today: startOfToday().toISOString().slice(0, 10),
  });
  context.logger.info(
    { requestId: context.requestId, action: `report.${intent}`, outcome: done.ok ? "done" : done.problem },
    "report action",
  );
  if (!done.ok) return { ok: false, action: intent, errors: null, values: {}, problem: done.problem };
  return { ok: true, action: intent };
}
