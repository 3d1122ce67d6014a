/** Staff accounts for store tests (Vitest only): made directly, as the admin pages will. */
import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "~/domain/permissions";
import { hashPassword } from "~/utils/password.server";
import type { Database } from "../../db/schema";
import { insertStaffUser } from "~/models/staff-user.server";
import { confirmTotpSecret, newTotpSecret, sealTotpSecret } from "~/models/staff-totp.server";

export const TEST_PASSWORD = "monsoon rain over the ravi river";
export const TEST_DOCUMENT_KEY = randomBytes(32);

let passwordHash: Promise<string> | undefined;

export type TestStaff = { id: string; email: string; secret: string | null };

export async function createTestStaff(
  db: Kysely<Database>,
  { role = "officer" as Role, totp = true, now = new Date() }: { role?: Role; totp?: boolean; now?: Date } = {},
): Promise<TestStaff> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `staff.${randomUUID()}@police.example.pk`;
  const hash = await passwordHash;
  const id = await db
    .transaction()
    .execute((trx) => insertStaffUser(trx, { email, displayName: "Test Officer", passwordHash: hash, role, centerSlug: null }, now));
  if (!totp) return { id, email, secret: null };
  const secret = newTotpSecret();
  // Step 0: any real code is later than the confirmation.
  await confirmTotpSecret(db, id, sealTotpSecret(TEST_DOCUMENT_KEY, id, secret), 0, now);
  return { id, email, secret };
}

/** A staff row without password or second factor, for store tests that only need someone to act or to assign. */
export function insertTestStaffUser(
  db: Kysely<Database>,
  { role, centerSlug, displayName }: { role: Role; centerSlug: string | null; displayName: string },
): Promise<string> {
  const email = `${role}.${randomUUID()}@police.example.pk`;
  return db.transaction().execute((trx) => insertStaffUser(trx, { email, displayName, passwordHash: null, role, centerSlug }));
}
