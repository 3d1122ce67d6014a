// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Answers in progress. The secret is stored hashed; answers are JSON text on both dialects.
  await db.schema
    .createTable("draft")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("draft_expires_idx").on("draft").column("expires_at").execute();

  await db.schema
    .createTable("application")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("draft_id", "text", (c) => c.notNull().unique()) // one application per draft, whatever the replays
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_changed_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1)) // optimistic concurrency for staff actions
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("applicant_type", "text", (c) => c.notNull()) // self | relative
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("name_search", "text", (c) => c.notNull()) // lower-cased, for staff search on both dialects
    .addColumn("father_name", "text", (c) => c.notNull())
    .addColumn("date_of_birth", "text", (c) => c.notNull()) // YYYY-MM-DD
    .addColumn("gender", "text", (c) => c.notNull())
    .addColumn("cnic", "text", (c) => c.notNull()) // 13 digits, no hyphens
    .addColumn("passport_number", "text", (c) => c.notNull())
    .addColumn("passport_country", "text", (c) => c.notNull())
    .addColumn("nationality", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull()) // E.164
    .addColumn("residence_country", "text", (c) => c.notNull())
    .addColumn("residence_city", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("purpose_other", "text")
    .addColumn("destination_country", "text", (c) => c.notNull())
    .addColumn("delivery", "text", (c) => c.notNull()) // pdf | collection
    .addColumn("collection_center_slug", "text", (c) => c.references("center.slug"))
    .addColumn("referral_center_slug", "text", (c) => c.references("center.slug"))
    .addColumn("center_slug", "text", (c) => c.notNull().references("center.slug")) // service center handling the case
    .addColumn("assigned_to", "text", (c) => c.references("staff_user.id"))
    .addColumn("track_secret_hash", "text", (c) => c.notNull().unique())
    .addColumn("relative_name", "text") // the applicant, when a relative applies for the holder
    .addColumn("authority_status", "text") // e-authority: pending | confirmed (null when applying for oneself)
    .addColumn("authority_token_hash", "text", (c) => c.unique())
    .addColumn("authority_confirmed_at", "text")
    .addColumn("rejection_reason", "text")
    .addColumn("rejection_note", "text")
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // Queue filters and sort keys (the back office filters by all of these at a million rows).
  await db.schema.createIndex("application_status_idx").on("application").columns(["status", "submitted_at", "id"]).execute();
  await db.schema
    .createIndex("application_center_status_idx")
    .on("application")
    .columns(["center_slug", "status", "submitted_at", "id"])
    .execute();
  await db.schema.createIndex("application_assigned_idx").on("application").columns(["assigned_to", "status"]).execute();
  await db.schema.createIndex("application_destination_idx").on("application").columns(["destination_country", "status"]).execute();
  await db.schema.createIndex("application_purpose_idx").on("application").columns(["purpose", "status"]).execute();
  await db.schema.createIndex("application_referral_idx").on("application").columns(["referral_center_slug", "status"]).execute();
  await db.schema.createIndex("application_collection_idx").on("application").column("collection_center_slug").execute();
  await db.schema.createIndex("application_cnic_idx").on("application").column("cnic").execute();
  await db.schema.createIndex("application_passport_idx").on("application").column("passport_number").execute();
  await db.schema.createIndex("application_name_idx").on("application").column("name_search").execute();

  await db.schema
    .createTable("application_address")
    .addColumn("application_id", "text", (c) => c.notNull().references("application.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("district", "text", (c) => c.notNull())
    .addColumn("police_station", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("from_month", "text", (c) => c.notNull()) // YYYY-MM
    .addColumn("to_month", "text") // null: until leaving Pakistan / now
    .addPrimaryKeyConstraint("application_address_pk", ["application_id", "position"])
    .execute();

  await db.schema
    .createTable("information_request")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("application_id", "text", (c) => c.notNull().references("application.id"))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("asked_by", "text", (c) => c.references("staff_user.id"))
    .addColumn("asked_at", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_at", "text")
    .execute();
  await db.schema
    .createIndex("information_request_application_idx")
    .on("information_request")
    .columns(["application_id", "asked_at"])
    .execute();
  await db.schema.createIndex("information_request_asked_by_idx").on("information_request").column("asked_by").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("information_request").execute();
  await db.schema.dropTable("application_address").execute();
  await db.schema.dropTable("application").execute();
  await db.schema.dropTable("draft").execute();
}
