// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Which embassy desk user took an application with the visitor sitting with them (their consent is
 * in the audit chain). A staff id without a foreign key, as details_confirmed_by: SQLite cannot
 * drop a column that takes part in one, and the audit rows keep the link in any case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("application").addColumn("assisted_by", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("application").dropColumn("assisted_by").execute();
}
