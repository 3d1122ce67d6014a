// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Smuggling reports. Anonymous by design: no column holds an address, a device or a time of day;
 * rows are dated by the day only (`*_on`, YYYY-MM-DD). The secret is kept only as its hash.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("report")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    // SHA-256 of the journey's random id: a reloaded "Send report" page is recognised, not filed twice.
    .addColumn("submission_key", "text", (c) => c.notNull().unique())
    .addColumn("language", "text", (c) => c.notNull())
    // new | triaged | forwarded | closed
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("priority", "text")
    .addColumn("fia_reference", "text")
    .addColumn("close_reason", "text")
    // Every answer as the schemas read them (JSON), for the investigator's view.
    .addColumn("answers", "text", (c) => c.notNull())
    // The answers investigators filter by, one column each.
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("from_country", "text", (c) => c.notNull())
    .addColumn("to_country", "text", (c) => c.notNull())
    // ",IR,TR,LY," so one LIKE finds a country anywhere on the route.
    .addColumn("route_countries", "text", (c) => c.notNull())
    // ",hawala,guarantor,"
    .addColumn("payment_methods", "text", (c) => c.notNull())
    // YYYY-MM, or YYYY when only the year is known
    .addColumn("offer_month", "text", (c) => c.notNull())
    .addColumn("offer_country", "text", (c) => c.notNull())
    .addColumn("someone_in_danger", "integer", (c) => c.notNull())
    .addColumn("contact_wanted", "integer", (c) => c.notNull())
    .addColumn("created_on", "text", (c) => c.notNull())
    .addColumn("updated_on", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("report_status_idx").on("report").columns(["status", "created_on"]).execute();
  await db.schema.createIndex("report_to_country_idx").on("report").column("to_country").execute();
  await db.schema.createIndex("report_channel_idx").on("report").column("channel").execute();
  await db.schema.createIndex("report_offer_month_idx").on("report").column("offer_month").execute();

  // One row per agent identifier a report names: the normalised key links reports at once.
  await db.schema
    .createTable("report_identifier")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("report_id", "text", (c) => c.notNull().references("report.id"))
    // phone | handle | text
    .addColumn("kind", "text", (c) => c.notNull())
    // phone | facebook | tiktok | instagram | telegram | text
    .addColumn("platform", "text", (c) => c.notNull())
    // `phone:+923001234567`, `tiktok:europe.jobs`, `text:…`
    .addColumn("identifier_key", "text", (c) => c.notNull())
    .addColumn("raw", "text", (c) => c.notNull())
    .addColumn("flagged", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("report_identifier_key_idx").on("report_identifier").columns(["identifier_key", "report_id"]).execute();
  await db.schema
    .createIndex("report_identifier_report_idx")
    .on("report_identifier")
    .columns(["report_id", "identifier_key"])
    .unique()
    .execute();

  // The conversation: the reporter's additions and answers, investigators' questions, internal notes.
  await db.schema
    .createTable("report_message")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("report_id", "text", (c) => c.notNull().references("report.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    // reporter | investigator | note
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("staff_id", "text", (c) => c.references("staff_user.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_on", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("report_message_report_idx").on("report_message").columns(["report_id", "seq"]).unique().execute();
  await db.schema.createIndex("report_message_staff_idx").on("report_message").column("staff_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_message").execute();
  await db.schema.dropTable("report_identifier").execute();
  await db.schema.dropTable("report").execute();
}
