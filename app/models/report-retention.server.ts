/**
 * How long reports keep their evidence, and the clean-up housekeeping runs: evidence of a journey
 * never sent goes after a day; evidence of a closed report goes once the period an administrator set
 * (default two years) has passed since anything last happened on it. The report's text stays, so
 * links between reports survive; the screenshots and photos, which can show people, do not.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import type { DocumentStorage } from "./document-storage.server";

export const DEFAULT_RETENTION_YEARS = 2;
export const RETENTION_YEARS_RANGE = { min: 1, max: 10 } as const;
const KEY = "report_evidence_retention_years";

type Actor = Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;

export async function reportRetentionYears(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("portal_setting").select("value").where("key", "=", KEY).executeTakeFirst();
  const years = Number(row?.value);
  return Number.isInteger(years) && years >= RETENTION_YEARS_RANGE.min && years <= RETENTION_YEARS_RANGE.max
    ? years
    : DEFAULT_RETENTION_YEARS;
}

export async function setReportRetentionYears(db: Kysely<Database>, years: number, actor: Actor, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom("portal_setting").select("value").where("key", "=", KEY).executeTakeFirst();
    const values = { value: String(years), updated_by: actor.actorId ?? null, updated_at: now.toISOString() };
    if (previous) await trx.updateTable("portal_setting").set(values).where("key", "=", KEY).execute();
    else
      await trx
        .insertInto("portal_setting")
        .values({ key: KEY, ...values })
        .execute();
    await insertAuditEvent(trx, {
      ...actor,
      action: "setting.changed",
      entityType: "portal_setting",
      entityId: KEY,
      details: { from: previous ? Number(previous.value) : DEFAULT_RETENTION_YEARS, to: years },
      occurredAt: now,
    });
  });
}

function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function yearsBefore(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

async function deleteDocuments(
  db: Kysely<Database>,
  storage: DocumentStorage,
  rows: readonly { id: string; blob_id: string }[],
): Promise<number> {
  for (const row of rows) {
    await db.deleteFrom("document").where("id", "=", row.id).execute();
    await storage.delete(row.blob_id);
  }
  return rows.length;
}

/** `today` is YYYY-MM-DD. Returns how many files each rule removed. */
export async function purgeReportEvidence(
  db: Kysely<Database>,
  storage: DocumentStorage,
  today: string,
): Promise<{ unsentJourneyFiles: number; closedReportFiles: number }> {
  // Journey files are dated by the day (no time is kept), so "over a day old" is "before yesterday".
  const stale = await db
    .selectFrom("document")
    .select(["id", "blob_id"])
    .where("owner_type", "=", "report_journey")
    .where("created_at", "<", `${daysBefore(today, 1)}T00:00:00.000Z`)
    .execute();
  const cutOff = yearsBefore(today, await reportRetentionYears(db));
  const expired = await db
    .selectFrom("document")
    .innerJoin("report", "report.id", "document.owner_id")
    .select(["document.id as id", "document.blob_id as blob_id"])
    .where("document.owner_type", "=", "report")
    .where("report.status", "=", "closed")
    .where("report.updated_on", "<", cutOff)
    .execute();
  return { unsentJourneyFiles: await deleteDocuments(db, storage, stale), closedReportFiles: await deleteDocuments(db, storage, expired) };
}
