import type { LoaderFunctionArgs } from "@remix-run/node";
import { identifierValue } from "~/components/reports/identifier-label";
import { findCluster } from "~/models/report-investigation.server";
import { recordReportEvent } from "~/models/report-triage.server";
import { requirePermission, staffActor } from "~/services/auth.server";
import { csvRow } from "~/utils/csv";
import { getFixedT } from "~/utils/i18n.server";
import { notFound } from "~/utils/responses";

/**
 * A cluster as CSV, for a referral to the FIA: one row per report and identifier it shares, with
 * the report's status and countries. Never an answer's free text or the reporter's contact details.
 * Cells cannot become formulas (csvRow), and every export is audited with its size.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "export:report:any");
  const cluster = await findCluster(context.db, params.id ?? "");
  if (!cluster) throw notFound();
  const { t } = getFixedT(request);
  const header = ["reference", "status", "received", "offeredIn", "destination", "kind", "identifier"] as const;
  const lines = [csvRow(header.map((c) => t(`reports:export.columns.${c}`)))];
  const byId = new Map(cluster.reports.map((r) => [r.id, r]));
  for (const identifier of cluster.identifiers) {
    for (const reportId of identifier.reportIds) {
      const r = byId.get(reportId);
      if (!r) continue;
      lines.push(
        csvRow([r.reference, r.status, r.createdOn, r.offerCountry, r.toCountry, identifier.platform, identifierValue(identifier.key)]),
      );
    }
  }
  const start = cluster.reports[0]!;
  await recordReportEvent(context.db, {
    actor: staffActor(staff),
    action: "report.cluster_exported",
    reportId: start.id,
    details: { reports: cluster.reports.length, rows: lines.length - 1 },
  });
  // A byte-order mark so spreadsheet programs read the headings in Urdu and Greek as UTF-8.
  return new Response(`\uFEFF${lines.join("")}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cluster-${start.reference}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
