import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database, StaffUserTable } from "../../db/schema";
import { revokeStaffSessionsOf } from "./staff-session.server";

export type StaffRole = StaffUserTable["role"];

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("staff_user")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findStaffUserIdByEmail(db: Kysely<Database>, email: string): Promise<string | null> {
  const row = await db.selectFrom("staff_user").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

export async function insertStaffUser(
  trx: Transaction<Database>,
  user: { email: string; displayName: string; passwordHash: string | null; role: StaffRole; centerSlug: string | null },
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  const stamp = now.toISOString();
  await trx
    .insertInto("staff_user")
    .values({
      id,
      email: user.email.toLowerCase(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      center_slug: user.centerSlug,
      totp_secret: null,
      disabled_at: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  return id;
}

/**
 * Disables an account and ends its sessions in the same transaction (the caller adds the audit
 * row). Sessions of disabled accounts are refused anyway; revoking them also records when they ended.
 */
export async function disableStaffUser(trx: Transaction<Database>, staffUserId: string, now = new Date()): Promise<boolean> {
  const result = await trx
    .updateTable("staff_user")
    .set({ disabled_at: now.toISOString(), updated_at: now.toISOString() })
    .where("id", "=", staffUserId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  await revokeStaffSessionsOf(trx, staffUserId, now);
  return Number(result.numUpdatedRows) === 1;
}
