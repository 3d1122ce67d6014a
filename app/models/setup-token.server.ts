/** The one-time link that creates the first administrator (no default passwords anywhere). */
import type { Kysely, Transaction } from "kysely";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import type { Database } from "../../db/schema";
import { insertAuditEvent } from "./audit.server";
import { insertStaffUser } from "./staff-user.server";

const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** Replaces any unused setup token with a new one and returns it (shown once, stored hashed). */
export async function issueSetupToken(db: Kysely<Database>, now = new Date()): Promise<string> {
  const { token, tokenHash } = newSecretToken();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("setup_token").where("used_at", "is", null).execute();
    await trx
      .insertInto("setup_token")
      .values({
        token_hash: tokenHash,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SETUP_TOKEN_TTL_MS).toISOString(),
        used_at: null,
      })
      .execute();
  });
  return token;
}

export async function isSetupTokenUsable(db: Kysely<Database>, token: string, now = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom("setup_token")
    .select("token_hash")
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Boolean(row);
}

/** Marks the token used; false when it was not usable (so two submissions create one account). */
export async function consumeSetupToken(trx: Transaction<Database>, token: string, now = new Date()): Promise<boolean> {
  const result = await trx
    .updateTable("setup_token")
    .set({ used_at: now.toISOString() })
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Spends the setup link and creates the first administrator, with its audit row, in one
 * transaction. Null when the link was no longer usable: of two submissions, one creates the account.
 */
export async function createFirstAdministrator(
  db: Kysely<Database>,
  input: { token: string; email: string; displayName: string; passwordHash: string },
  now = new Date(),
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await consumeSetupToken(trx, input.token, now))) return null;
    const id = await insertStaffUser(
      trx,
      { email: input.email, displayName: input.displayName, passwordHash: input.passwordHash, role: "admin", centerSlug: null },
      now,
    );
    await insertAuditEvent(trx, {
      actorType: "system",
      action: "staff_user.created",
      entityType: "staff_user",
      entityId: id,
      details: { role: "admin", via: "setup_link" },
      occurredAt: now,
    });
    return id;
  });
}
