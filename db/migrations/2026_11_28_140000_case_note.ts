// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Internal notes on a case: staff only, never shown to the applicant; never edited or deleted.
  await db.schema
    .createTable("case_note")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("application_id", "text", (c) => c.notNull().references("application.id"))
    .addColumn("author_id", "text", (c) => c.notNull().references("staff_user.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_note_application_idx").on("case_note").columns(["application_id", "created_at"]).execute();
  await db.schema.createIndex("case_note_author_idx").on("case_note").column("author_id").execute();
  // The "new" tab hides relatives' applications until the holder confirms: the queue filters on it.
  await db.schema
    .createIndex("application_center_authority_idx")
    .on("application")
    .columns(["center_slug", "status", "authority_status", "submitted_at", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("application_center_authority_idx").execute();
  await db.schema.dropTable("case_note").execute();
}
