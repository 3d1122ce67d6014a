// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One-time links that let an invited staff member choose a password. Only the sha256 of the
  // token is kept; the token itself is shown once to the inviting administrator and mailed.
  await db.schema
    .createTable("staff_invitation")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("staff_user_id", "text", (c) => c.notNull().references("staff_user.id"))
    .addColumn("created_by", "text", (c) => c.references("staff_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("staff_invitation_staff_user_idx").on("staff_invitation").column("staff_user_id").execute();
  await db.schema.createIndex("staff_invitation_created_by_idx").on("staff_invitation").column("created_by").execute();

  // Audit log browsing filters by action, newest first (keyset on seq).
  await db.schema.createIndex("audit_event_action_idx").on("audit_event").columns(["action", "seq"]).execute();
  // Housekeeping deletes ended sessions; expires_at already has an index.
  await db.schema.createIndex("session_revoked_idx").on("session").column("revoked_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("session_revoked_idx").execute();
  await db.schema.dropIndex("audit_event_action_idx").execute();
  await db.schema.dropTable("staff_invitation").execute();
}
