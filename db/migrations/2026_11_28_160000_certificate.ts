// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One certificate per approved application. The holder's details are copied as issued: the
  // certificate says what it said on the day, whatever happens to the application later.
  await db.schema
    .createTable("certificate")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique()) // PSC-XXXX-XXXX
    // HMAC-SHA256 of the verification code under a key derived from DOCUMENT_KEY: a copied
    // database does not let anyone try all 2⁴⁹ codes offline.
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("application_id", "text", (c) => c.notNull().unique().references("application.id"))
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("father_name", "text", (c) => c.notNull())
    .addColumn("date_of_birth", "text", (c) => c.notNull())
    .addColumn("cnic", "text", (c) => c.notNull())
    .addColumn("passport_number", "text", (c) => c.notNull())
    .addColumn("passport_country", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("purpose_other", "text")
    .addColumn("destination_country", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull()) // no_record
    .addColumn("center_slug", "text", (c) => c.notNull().references("center.slug"))
    .addColumn("officer_id", "text", (c) => c.references("staff_user.id"))
    .addColumn("officer_name", "text", (c) => c.notNull()) // as printed, even if the account is renamed
    .addColumn("language", "text", (c) => c.notNull()) // the holder's, for reminders
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "text", (c) => c.references("staff_user.id"))
    .addColumn("revocation_reason", "text")
    .addColumn("revocation_note", "text")
    .addColumn("pdf_blob_id", "text", (c) => c.notNull().references("blob.id"))
    .addColumn("pdf_sha256", "text", (c) => c.notNull())
    .addColumn("photo_blob_id", "text", (c) => c.references("blob.id"))
    // How often it was checked; never by whom.
    .addColumn("verification_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expiry_reminder_sent_at", "text")
    // The reminder's "apply again" link: only the sha256 of its single-use secret.
    .addColumn("reapply_token_hash", "text")
    .addColumn("reapply_used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // number and application_id have unique indexes from their constraints.
  await db.schema.createIndex("certificate_center_idx").on("certificate").columns(["center_slug", "issued_at"]).execute();
  await db.schema.createIndex("certificate_officer_idx").on("certificate").column("officer_id").execute();
  await db.schema.createIndex("certificate_revoked_by_idx").on("certificate").column("revoked_by").execute();
  await db.schema.createIndex("certificate_pdf_blob_idx").on("certificate").column("pdf_blob_id").unique().execute();
  await db.schema.createIndex("certificate_photo_blob_idx").on("certificate").column("photo_blob_id").unique().execute();
  // Housekeeping: certificates not yet reminded, by expiry.
  await db.schema.createIndex("certificate_reminder_idx").on("certificate").columns(["expiry_reminder_sent_at", "expires_at"]).execute();
  await db.schema.createIndex("certificate_reapply_idx").on("certificate").column("reapply_token_hash").unique().execute();

  // The holder's challenge of an issued certificate's content, decided by a supervisor of its center.
  await db.schema
    .createTable("dispute")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("certificate_id", "text", (c) => c.notNull().references("certificate.id"))
    .addColumn("application_id", "text", (c) => c.notNull().references("application.id"))
    .addColumn("center_slug", "text", (c) => c.notNull().references("center.slug")) // the queue's filter
    .addColumn("text", "text", (c) => c.notNull())
    // Evidence files are documents with owner_type 'dispute' and owner_id = dispute.id.
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open")) // open | upheld | dismissed
    .addColumn("outcome", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "text", (c) => c.references("staff_user.id"))
    .execute();
  await db.schema.createIndex("dispute_certificate_idx").on("dispute").columns(["certificate_id", "created_at"]).execute();
  await db.schema.createIndex("dispute_application_idx").on("dispute").column("application_id").execute();
  await db.schema.createIndex("dispute_queue_idx").on("dispute").columns(["center_slug", "status", "created_at"]).execute();
  await db.schema.createIndex("dispute_decided_by_idx").on("dispute").column("decided_by").execute();
  // One open dispute per certificate at a time, even under a double submit.
  await db.schema
    .createIndex("dispute_open_idx")
    .on("dispute")
    .column("certificate_id")
    .unique()
    .where(sql.ref("status"), "=", "open")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("dispute").execute();
  await db.schema.dropTable("certificate").execute();
}
