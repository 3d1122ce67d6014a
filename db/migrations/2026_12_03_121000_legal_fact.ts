// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Facts on the legal-migration page that change (official links, fees, helplines), kept by
 * administrators. The page shows a fact only once an administrator confirmed it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("legal_fact")
    // A stable key the page and the back office name the fact by (pk-beoe-site).
    .addColumn("key", "text", (col) => col.primaryKey())
    // GR | IT | ES | PK
    .addColumn("destination", "text", (col) => col.notNull())
    // link | fee | phone
    .addColumn("kind", "text", (col) => col.notNull())
    // An https URL, "<amount> <ISO 4217 currency>", or an E.164 number.
    .addColumn("value", "text", (col) => col.notNull())
    .addColumn("label_ur", "text", (col) => col.notNull())
    .addColumn("label_en", "text", (col) => col.notNull())
    .addColumn("label_el", "text", (col) => col.notNull())
    .addColumn("label_it", "text", (col) => col.notNull())
    // The publishing body the value comes from.
    .addColumn("source", "text", (col) => col.notNull())
    // YYYY-MM-DD; null until someone has checked the value at its source.
    .addColumn("checked_on", "text")
    .addColumn("confirmed_by", "text", (col) => col.references("staff_user.id"))
    .addColumn("confirmed_at", "text")
    .addColumn("updated_by", "text", (col) => col.references("staff_user.id"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("legal_fact_destination_idx").on("legal_fact").columns(["destination", "key"]).execute();
  await db.schema.createIndex("legal_fact_confirmed_by_idx").on("legal_fact").column("confirmed_by").execute();
  await db.schema.createIndex("legal_fact_updated_by_idx").on("legal_fact").column("updated_by").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("legal_fact").execute();
}
