import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportQueue } from "~/models/queue.server";
import { recordCaseEvent } from "~/models/case-view.server";
import { requirePermission, staffActor } from "~/services/auth.server";
import { csvRow } from "~/utils/csv";
import { getFixedT } from "~/utils/i18n.server";
import { forbidden } from "~/utils/responses";
import { readQueueQuery } from "~/services/queue-query.server";

/**
 * The filtered queue as CSV for supervisors: case data only, never document contents. Every
 * export is audited with its filter and row count.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "export:case:center");
  if (!staff.user.centerSlug) throw forbidden();
  const { t } = getFixedT(request);
  const { tab, filter } = readQueueQuery(new URL(request.url), staff.user);
  const header = ["reference", "name", "status", "center", "destination", "purpose", "submitted", "due", "late", "assignedTo"] as const;
  const lines = [csvRow(header.map((c) => t(`cases:export.columns.${c}`)))];
  for await (const row of exportQueue(context.db, tab, filter)) {
    lines.push(
      csvRow([
        row.reference,
        row.fullName,
        row.status,
        row.centerSlug,
        row.destination,
        row.purpose,
        row.submittedAt,
        row.sla.dueAt,
        row.sla.late ? "yes" : "no",
        row.assignedTo,
      ]),
    );
  }
  await recordCaseEvent(context.db, {
    ...staffActor(staff),
    action: "queue.exported",
    entityType: "queue",
    entityId: staff.user.centerSlug,
    details: {
      tab,
      rows: lines.length - 1,
      filtered: Boolean(filter.search || filter.destination || filter.purpose || filter.referralCenter || filter.assignedTo),
    },
  });
  // A byte-order mark so spreadsheet programs read Urdu and Greek names as UTF-8.
  return new Response(`\uFEFF${lines.join("")}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cases-${tab}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
