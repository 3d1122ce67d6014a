// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  // Failed password or code attempts since the last full sign-in; reset when the account locks.
  await db.schema
    .alterTable("staff_user")
    .addColumn("failed_sign_ins", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("staff_user").addColumn("locked_until", "text").execute();
  // totp_secret (foundation migration) holds the sealed secret; it counts only once confirmed with a code.
  await db.schema.alterTable("staff_user").addColumn("totp_confirmed_at", "text").execute();
  // The last TOTP time step accepted: a code is never accepted twice, nor one older than the last.
  await db.schema.alterTable("staff_user").addColumn("totp_last_step", "integer").execute();

  await db.schema
    .createTable("staff_recovery_code")
    .addColumn("staff_user_id", "text", (c) => c.notNull().references("staff_user.id"))
    .addColumn("code_hash", "text", (c) => c.notNull()) // sha256 of an 80-bit code; the code is shown once
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    // Also the index for the foreign key.
    .addPrimaryKeyConstraint("staff_recovery_code_pk", ["staff_user_id", "code_hash"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("staff_recovery_code").execute();
  for (const column of ["totp_last_step", "totp_confirmed_at", "locked_until", "failed_sign_ins"]) {
    await db.schema.alterTable("staff_user").dropColumn(column).execute();
  }
}
