// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Public holidays, which the service level does not count as working days. Islamic holidays move
 * with the moon and are announced each year, so administrators keep this list, not the code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("public_holiday")
    // A calendar date, YYYY-MM-DD (Pakistan time), as text on both dialects.
    .addColumn("day", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.references("staff_user.id"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("public_holiday").execute();
}
