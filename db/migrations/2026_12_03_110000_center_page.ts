// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * What a center's own page shows: opening hours as days and times (JSON, checked on every read by
 * app/schemas/center-hours.ts) instead of free text, the services the desk offers and the languages
 * it speaks (comma-separated codes), and where it is (decimal degrees, for a plain map link).
 * The free-text hours are dropped: they cannot be turned into days and times, so a center that had
 * them loses its confirmation and an administrator enters the hours again before they are shown.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable("center")
    .set({ details_confirmed_at: null, details_confirmed_by: null })
    .where("opening_hours", "is not", null)
    .where("opening_hours", "<>", "")
    .execute();
  // One column per statement: SQLite adds and drops columns one at a time.
  await db.schema.alterTable("center").dropColumn("opening_hours").execute();
  await db.schema.alterTable("center").addColumn("weekly_hours", "text").execute();
  await db.schema.alterTable("center").addColumn("services", "text").execute();
  await db.schema.alterTable("center").addColumn("languages_spoken", "text").execute();
  await db.schema.alterTable("center").addColumn("latitude", "double precision").execute();
  await db.schema.alterTable("center").addColumn("longitude", "double precision").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("center").dropColumn("longitude").execute();
  await db.schema.alterTable("center").dropColumn("latitude").execute();
  await db.schema.alterTable("center").dropColumn("languages_spoken").execute();
  await db.schema.alterTable("center").dropColumn("services").execute();
  await db.schema.alterTable("center").dropColumn("weekly_hours").execute();
  await db.schema.alterTable("center").addColumn("opening_hours", "text").execute();
}
