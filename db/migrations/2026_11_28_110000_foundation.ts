// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import { type CreateTableBuilder, type Kysely, PostgresAdapter, SqliteAdapter, sql } from "kysely";

// --- dialect helpers, frozen with this migration ------------------------------------------------
// Copied from db/dialect.ts as it stood when this migration was written (2026-11-28), so that a
// later change to that module cannot change what this migration does. Never edit them here.

function isPostgres(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return true;
  if (adapter instanceof SqliteAdapter) return false;
  throw new Error("Unsupported database dialect");
}

/** A 64-bit, database-assigned, ever-increasing integer key (for ordered, append-only tables). */
function addSequenceColumn<T extends string, C extends string>(
  db: Kysely<any>,
  table: CreateTableBuilder<T, C>,
  name: string,
): CreateTableBuilder<T, C | string> {
  return isPostgres(db)
    ? table.addColumn(name, "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    : table.addColumn(name, "integer", (col) => col.primaryKey().autoIncrement());
}

/** Column type for binary content (documents, PDFs). */
function binaryType(db: Kysely<any>): "bytea" | "blob" {
  return isPostgres(db) ? "bytea" : "blob";
}

/** UPDATE and DELETE (and on PostgreSQL TRUNCATE) of the table fail, whoever issues them. */
async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (isPostgres(db)) {
    await sql`
      CREATE OR REPLACE FUNCTION refuse_change_${sql.raw(table)}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '${sql.raw(message)}'; END;
      $$ LANGUAGE plpgsql`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(table)}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_${sql.raw(table)}()`.execute(db);
    return;
  }
  for (const op of ["UPDATE", "DELETE"] as const) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, '${sql.raw(message)}'); END`.execute(db);
  }
}

async function dropAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(table)}_append_only ON ${sql.table(table)}`.execute(db);
    await sql`DROP FUNCTION IF EXISTS refuse_change_${sql.raw(table)}()`.execute(db);
    return;
  }
  for (const op of ["update", "delete"]) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_${op}`)}`.execute(db);
  }
}

// --- the migration -------------------------------------------------------------------------------

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("center")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull()) // service_center | embassy | consulate
    .addColumn("country_code", "text", (c) => c.notNull()) // ISO 3166-1 alpha-2
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_ur", "text", (c) => c.notNull())
    .addColumn("name_el", "text", (c) => c.notNull())
    .addColumn("name_it", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("referral_code", "text", (c) => c.unique())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("center_country_idx").on("center").columns(["country_code", "active"]).execute();

  await db.schema
    .createTable("staff_user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique()) // stored lower-case
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("center_slug", "text", (c) => c.references("center.slug"))
    .addColumn("totp_secret", "text")
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("staff_user_center_idx").on("staff_user").column("center_slug").execute();
  await db.schema.createIndex("staff_user_role_idx").on("staff_user").column("role").execute();

  await db.schema
    .createTable("session")
    .addColumn("id_hash", "text", (c) => c.primaryKey()) // sha256 of the cookie value; the raw id is never stored
    .addColumn("staff_user_id", "text", (c) => c.notNull().references("staff_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema.createIndex("session_staff_user_idx").on("session").column("staff_user_id").execute();
  await db.schema.createIndex("session_expires_idx").on("session").column("expires_at").execute();

  await db.schema
    .createTable("setup_token")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending")) // pending | sent | failed
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("mail_outbox_due_idx").on("mail_outbox").columns(["status", "next_attempt_at"]).execute();

  await addSequenceColumn(db, db.schema.createTable("audit_event"), "seq")
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("actor_type", "text", (c) => c.notNull()) // staff | applicant | reporter | system
    .addColumn("actor_id", "text")
    .addColumn("session_ref", "text") // short hash of the staff session, never the session id
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("details", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex("audit_event_entity_idx").on("audit_event").columns(["entity_type", "entity_id"]).execute();
  await db.schema.createIndex("audit_event_actor_idx").on("audit_event").columns(["actor_type", "actor_id"]).execute();
  await db.schema.createIndex("audit_event_time_idx").on("audit_event").column("occurred_at").execute();
  await makeAppendOnly(db, "audit_event");

  await db.schema
    .createTable("rate_limit")
    .addColumn("key", "text", (c) => c.primaryKey()) // bucket name + hashed client key
    .addColumn("hits", "integer", (c) => c.notNull())
    .addColumn("reset_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rate_limit_reset_idx").on("rate_limit").column("reset_at").execute();

  await db.schema
    .createTable("blob")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("content", binaryType(db), (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("blob").execute();
  await db.schema.dropTable("rate_limit").execute();
  await dropAppendOnly(db, "audit_event");
  await db.schema.dropTable("audit_event").execute();
  await db.schema.dropTable("mail_outbox").execute();
  await db.schema.dropTable("setup_token").execute();
  await db.schema.dropTable("session").execute();
  await db.schema.dropTable("staff_user").execute();
  await db.schema.dropTable("center").execute();
}
