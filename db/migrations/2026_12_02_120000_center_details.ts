// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Opening hours beside a center's address, phone and email, and who confirmed those details as
 * official and when. The public pages show a center's details only once confirmed: applicants are
 * sent there to collect a certificate, so a guessed address would send them to the wrong door.
 * `details_confirmed_by` names a staff user without a foreign key: SQLite cannot drop a column that
 * takes part in one, and the audit row of the confirmation keeps the link in any case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite adds columns one at a time.
  await db.schema.alterTable("center").addColumn("opening_hours", "text").execute();
  await db.schema.alterTable("center").addColumn("details_confirmed_at", "text").execute();
  await db.schema.alterTable("center").addColumn("details_confirmed_by", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("center").dropColumn("details_confirmed_by").execute();
  await db.schema.alterTable("center").dropColumn("details_confirmed_at").execute();
  await db.schema.alterTable("center").dropColumn("opening_hours").execute();
}
