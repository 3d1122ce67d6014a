// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/** Settings administrators change in the back office (how long closed reports keep their evidence). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("portal_setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("staff_user.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("portal_setting_updated_by_idx").on("portal_setting").column("updated_by").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("portal_setting").execute();
}
