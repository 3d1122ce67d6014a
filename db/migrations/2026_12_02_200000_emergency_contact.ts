// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Whom to call when someone is in danger right now, per country, as the report journey shows it.
 * Administrators enter the numbers; the code and the seed data never invent one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("emergency_contact")
    .addColumn("id", "text", (col) => col.primaryKey())
    // ISO 3166-1 alpha-2, upper case.
    .addColumn("country_code", "text", (col) => col.notNull())
    // police | embassy | fia
    .addColumn("kind", "text", (col) => col.notNull())
    // E.164, or a short number dialled within the country (112, 1122).
    .addColumn("phone", "text", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.references("staff_user.id"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("emergency_contact_country_idx").on("emergency_contact").column("country_code").execute();
  await db.schema
    .createIndex("emergency_contact_unique_idx")
    .on("emergency_contact")
    .columns(["country_code", "kind", "phone"])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("emergency_contact").execute();
}
