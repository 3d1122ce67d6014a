/**
 * Investigators' actions on a smuggling report: each one changes the report and writes its audit
 * event in one transaction; opening a report, downloading its evidence and exporting a cluster are
 * on record too. Audit rows carry ids and outcomes only: never an answer, a question's
 * text or a note, which may quote the reporter.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { CloseReason, ReportPriority } from "~/domain/report-actions";
import type { ReportActionInput } from "~/schemas/report-investigation";
import { reportStatusAfter } from "~/domain/report-actions";
import { isUniqueViolation } from "../../db/errors";
import type { Database, ReportStatus } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import { createStoreDocumentStorage } from "./document-storage.server";
import { type DocumentMeta, readDocument } from "./document.server";

type Actor = Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;

export type ReportActionResult = { ok: true; status: ReportStatus } | { ok: false; problem: "notFound" | "notAllowed" };

async function appendMessage(
  trx: Transaction<Database>,
  input: { reportId: string; author: "investigator" | "note"; staffId: string | null; body: string; today: string },
): Promise<string> {
  const last = await trx
    .selectFrom("report_message")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .where("report_id", "=", input.reportId)
    .executeTakeFirst();
  const id = randomUUID();
  await trx
    .insertInto("report_message")
    .values({
      id,
      report_id: input.reportId,
      seq: Number(last?.seq ?? 0) + 1,
      author: input.author,
      staff_id: input.staffId,
      body: input.body,
      created_on: input.today,
    })
    .execute();
  return id;
}

function changes(input: ReportActionInput): { priority?: ReportPriority; fia_reference?: string; close_reason?: CloseReason | null } {
  if (input.intent === "triage") return { priority: input.priority };
  if (input.intent === "forward") return { fia_reference: input.fiaReference };
  if (input.intent === "close") return { close_reason: input.reason };
  if (input.intent === "reopen") return { close_reason: null };
  return {};
}

/** What the audit row may say: the choice made, never free text. */
function auditDetails(input: ReportActionInput, from: ReportStatus, to: ReportStatus, messageId: string | null) {
  return {
    from,
    to,
    ...(input.intent === "triage" ? { priority: input.priority } : {}),
    ...(input.intent === "forward" ? { fiaReference: input.fiaReference } : {}),
    ...(input.intent === "close" ? { reason: input.reason } : {}),
    ...(messageId ? { message: messageId } : {}),
  };
}

/** Takes one action on a report if its status allows it; `today` is YYYY-MM-DD. */
export async function actOnReport(
  db: Kysely<Database>,
  { input, reportId, actor, today }: { input: ReportActionInput; reportId: string; actor: Actor; today: string },
): Promise<ReportActionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx): Promise<ReportActionResult> => {
        const report = await trx.selectFrom("report").select("status").where("id", "=", reportId).executeTakeFirst();
        if (!report) return { ok: false, problem: "notFound" };
        const next = reportStatusAfter(input.intent, report.status);
        if (!next) return { ok: false, problem: "notAllowed" };
        // The status read above is the one changed: a concurrent action on the same report loses here.
        const updated = await trx
          .updateTable("report")
          .set({ ...changes(input), status: next, updated_on: today })
          .where("id", "=", reportId)
          .where("status", "=", report.status)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return { ok: false, problem: "notAllowed" };
        const body = input.intent === "ask" ? input.question : input.intent === "note" ? input.note : null;
        const messageId =
          body === null
            ? null
            : await appendMessage(trx, {
                reportId,
                author: input.intent === "ask" ? "investigator" : "note",
                staffId: actor.actorId ?? null,
                body,
                today,
              });
        await insertAuditEvent(trx, {
          ...actor,
          action: `report.${input.intent}`,
          entityType: "report",
          entityId: reportId,
          details: auditDetails(input, report.status, next, messageId),
        });
        return { ok: true, status: next };
      });
    } catch (error) {
      // Two messages on one report at once take the same sequence number: the second tries again.
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** A report opened, its cluster exported or an evidence file downloaded: on record with what, never with content. */
export async function recordReportEvent(
  db: Kysely<Database>,
  input: {
    actor: Actor;
    action: "report.cluster_exported" | "report.evidence_downloaded";
    reportId: string;
    details: Record<string, string | number>;
  },
): Promise<void> {
  await db.transaction().execute((trx) =>
    insertAuditEvent(trx, {
      ...input.actor,
      action: input.action,
      entityType: "report",
      entityId: input.reportId,
      details: input.details,
    }),
  );
}

/**
 * An investigator opened a report: on record, and what the reporter added since the last opening is
 * now seen. Returns whether there was something new, for the page to say so.
 */
export async function recordReportOpened(db: Kysely<Database>, input: { actor: Actor; reportId: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("report").select("news_from_reporter").where("id", "=", input.reportId).executeTakeFirst();
    const news = Boolean(row?.news_from_reporter);
    if (news) await trx.updateTable("report").set({ news_from_reporter: 0 }).where("id", "=", input.reportId).execute();
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "report.viewed",
      entityType: "report",
      entityId: input.reportId,
      details: { news },
    });
    return news;
  });
}

/** A report's evidence file for download, the download on record; null for a file that is no report's. */
export async function downloadReportEvidence(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  input: { documentId: string; actor: Actor },
): Promise<{ meta: DocumentMeta; bytes: Uint8Array } | null> {
  const owner = await db
    .selectFrom("document")
    .select("owner_id")
    .where("id", "=", input.documentId)
    .where("owner_type", "=", "report")
    .executeTakeFirst();
  if (!owner) return null;
  const found = await readDocument(db, createStoreDocumentStorage(db, documentKey), input.documentId, {
    ownerType: "report",
    ownerId: owner.owner_id,
  });
  if (!found) return null;
  await recordReportEvent(db, {
    actor: input.actor,
    action: "report.evidence_downloaded",
    reportId: owner.owner_id,
    details: { document: found.meta.id },
  });
  return found;
}
