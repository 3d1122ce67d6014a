/**
 * Smuggling reports as the reporter sees them: filing one, opening it again with reference and
 * secret, and the conversation. Rows carry the day only. What the reporter does is not written to
 * the audit chain: its sequence numbers sit between timed staff events, and so would date a report
 * to the minute. Investigators' actions on a report are audited, without reporter data.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { newReference } from "~/domain/reference.server";
import type { AgentIdentifier } from "~/domain/report-identifiers";
import { identifierKey } from "~/domain/report-identifiers";
import { hashReportSecret, secretMatches } from "~/domain/report-secret.server";
import type { Lang } from "~/i18n";
import type { ReportAnswers } from "~/schemas/report";
import { executeWrites } from "../../db/dialect";
import { isUniqueViolation } from "../../db/errors";
import type { Database, ReportStatus } from "../../db/schema";
import { moveDocumentsWrite } from "./document.server";

export type NewReportInput = {
  /** The journey's random id: owns the evidence uploaded so far, and keys the submission once. */
  journeyId: string;
  language: Lang;
  answers: ReportAnswers;
  identifiers: readonly AgentIdentifier[];
  secretHash: string;
  /** YYYY-MM-DD */
  today: string;
};

export function submissionKey(journeyId: string): string {
  // Not the journey id itself: that is the capability the open pages carry for their evidence.
  return hashReportSecret(`submission:${journeyId}`);
}

/** Files a report with its identifiers and evidence, all or none; `alreadySent` for the same journey twice. */
export async function createReport(
  db: Kysely<Database>,
  input: NewReportInput,
): Promise<{ ok: true; id: string; reference: string } | { ok: false; problem: "alreadySent" }> {
  const key = submissionKey(input.journeyId);
  for (let attempt = 1; ; attempt++) {
    const id = randomUUID();
    const reference = newReference("report");
    try {
      const a = input.answers;
      // One identifier once per report, however many times it was written.
      const unique = new Map(input.identifiers.map((identifier) => [identifierKey(identifier), identifier]));
      // Free text links nothing ("unknown" is not one agent).
      const linkKeys = [...unique].filter(([, identifier]) => identifier.kind !== "text").map(([k]) => k);
      // All or none, and one statement on PostgreSQL (executeWrites): none of these reads what another writes.
      await executeWrites(db, [
        db.insertInto("report").values({
          id,
          reference,
          secret_hash: input.secretHash,
          submission_key: key,
          language: input.language,
          status: "new",
          priority: null,
          fia_reference: null,
          close_reason: null,
          answers: JSON.stringify(a),
          channel: a.how.channel,
          from_country: a.offer.fromCountry,
          to_country: a.offer.toCountry,
          route_countries: `,${a.offer.route.join(",")},`,
          payment_methods: `,${a.money.paymentMethods.join(",")},`,
          offer_month: a.when.month,
          offer_country: a.when.country,
          someone_in_danger: a.danger.someoneInDanger ? 1 : 0,
          contact_wanted: a.contact.contactWanted ? 1 : 0,
          linked_reports: linkKeys.length > 0 ? earlierReportsNaming(db, linkKeys) : 0,
          created_on: input.today,
          updated_on: input.today,
        }),
        ...(unique.size > 0
          ? [
              db.insertInto("report_identifier").values(
                [...unique].map(([identifierKeyValue, identifier]) => ({
                  id: randomUUID(),
                  report_id: id,
                  kind: identifier.kind,
                  platform: identifier.kind === "handle" ? identifier.platform : identifier.kind,
                  identifier_key: identifierKeyValue,
                  raw: identifier.raw,
                  flagged: identifier.flagged ? 1 : 0,
                })),
              ),
            ]
          : []),
        ...(linkKeys.length > 0 ? [linkEarlierReportsWrite(db, id, linkKeys)] : []),
        moveDocumentsWrite(db, { ownerType: "report_journey", ownerId: input.journeyId }, { ownerType: "report", ownerId: id }),
      ]);
      return { ok: true, id, reference };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const sent = await db.selectFrom("report").select("id").where("submission_key", "=", key).executeTakeFirst();
      if (sent) return { ok: false, problem: "alreadySent" };
      // Once in billions the reference was taken: draw another.
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * Linking a new report at once: it counts the earlier reports that name one of its identifiers,
 * and each of those gains one linked report. Neither counts the new report itself (on SQLite its
 * identifiers are written before the update runs; on PostgreSQL the writes share one snapshot).
 */
function earlierReportsNaming(db: Kysely<Database>, keys: readonly string[]) {
  return db
    .selectFrom("report_identifier")
    .select((eb) => eb.fn.count<number>("report_id").distinct().as("n"))
    .where("identifier_key", "in", keys);
}

function linkEarlierReportsWrite(db: Kysely<Database>, reportId: string, keys: readonly string[]) {
  return db
    .updateTable("report")
    .set((eb) => ({ linked_reports: eb("linked_reports", "+", 1) }))
    .where("id", "in", (eb) => eb.selectFrom("report_identifier").select("report_id").where("identifier_key", "in", keys))
    .where("id", "<>", reportId);
}

export type ReporterMessage = { author: "reporter" | "investigator"; body: string; createdOn: string };
export type ReporterView = { id: string; reference: string; status: ReportStatus; createdOn: string; messages: ReporterMessage[] };

/** A hash to compare against when the reference is unknown, so both answers take the same time. */
const NO_REPORT_HASH = hashReportSecret("no report has this secret");

/**
 * The report for its reference and secret, or null: an unknown reference, a wrong secret and the
 * secret of another report all get null, after the same work.
 */
export async function openReportForReporter(db: Kysely<Database>, reference: string, secret: string): Promise<ReporterView | null> {
  const row = await db
    .selectFrom("report")
    .select(["id", "reference", "status", "created_on", "secret_hash"])
    .where("reference", "=", reference)
    .executeTakeFirst();
  const matches = secretMatches(secret, row?.secret_hash ?? NO_REPORT_HASH);
  if (!row || !matches) return null;
  return reporterView(db, row);
}

/** The reporter's view of a report already opened with its secret (the id comes from a sealed form). */
export async function findReporterView(db: Kysely<Database>, reportId: string): Promise<ReporterView | null> {
  const row = await db
    .selectFrom("report")
    .select(["id", "reference", "status", "created_on"])
    .where("id", "=", reportId)
    .executeTakeFirst();
  return row ? reporterView(db, row) : null;
}

async function reporterView(
  db: Kysely<Database>,
  row: { id: string; reference: string; status: ReportStatus; created_on: string },
): Promise<ReporterView> {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    createdOn: row.created_on,
    messages: await reporterMessages(db, row.id),
  };
}

/** What the reporter may read: their own additions and investigators' questions, never internal notes. */
async function reporterMessages(db: Kysely<Database>, reportId: string): Promise<ReporterMessage[]> {
  const rows = await db
    .selectFrom("report_message")
    .select(["author", "body", "created_on"])
    .where("report_id", "=", reportId)
    .where("author", "in", ["reporter", "investigator"])
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({ author: r.author as ReporterMessage["author"], body: r.body, createdOn: r.created_on }));
}

/** Appends to a report's conversation; `seq` is taken under the unique index, retried on a race. */
export async function addReportMessage(
  db: Kysely<Database>,
  input: { reportId: string; author: "reporter" | "investigator" | "note"; body: string; staffId?: string | null; today: string },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom("report_message")
          .select((eb) => eb.fn.max("seq").as("seq"))
          .where("report_id", "=", input.reportId)
          .executeTakeFirst();
        await trx
          .insertInto("report_message")
          .values({
            id: randomUUID(),
            report_id: input.reportId,
            seq: Number(last?.seq ?? 0) + 1,
            author: input.author,
            staff_id: input.staffId ?? null,
            body: input.body,
            created_on: input.today,
          })
          .execute();
        await trx
          .updateTable("report")
          .set({ updated_on: input.today, ...(input.author === "reporter" ? { news_from_reporter: 1 } : {}) })
          .where("id", "=", input.reportId)
          .execute();
      });
      return;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** The reporter added files without a message: investigators should still see that something came. */
export async function markNewsFromReporter(db: Kysely<Database>, reportId: string, today: string): Promise<void> {
  await db.updateTable("report").set({ news_from_reporter: 1, updated_on: today }).where("id", "=", reportId).execute();
}
