// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import { type Kysely, sql } from "kysely";

/**
 * How many other reports share an agent identifier with each report, kept on the report so the
 * investigators' queue can filter by cluster size without counting links on every page. Written
 * when a report is filed (app/models/report.server.ts); counted here once for reports filed before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("report")
    .addColumn("linked_reports", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`
    update report set linked_reports = (
      select count(distinct theirs.report_id)
      from report_identifier mine
      join report_identifier theirs on theirs.identifier_key = mine.identifier_key
      where mine.report_id = report.id and theirs.report_id <> report.id and mine.kind <> 'text'
    )`.execute(db);
  await db.schema.createIndex("report_linked_idx").on("report").columns(["status", "linked_reports"]).execute();
  // The queue lists the newest first within a tab; the id breaks ties between reports of one day.
  await db.schema.createIndex("report_status_order_idx").on("report").columns(["status", "created_on", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("report_status_order_idx").execute();
  await db.schema.dropIndex("report_linked_idx").execute();
  await db.schema.alterTable("report").dropColumn("linked_reports").execute();
}
