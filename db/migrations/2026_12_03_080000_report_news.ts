// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Whether the reporter has added something (a message, a file, an answer) since an investigator
 * last opened the report, so that an addition to a report no one is looking at is not missed.
 * A flag, not a time: reports are dated by the day only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("report")
    .addColumn("news_from_reporter", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report").dropColumn("news_from_reporter").execute();
}
