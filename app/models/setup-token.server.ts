/** The one-time link that creates the first administrator (no default passwords anywhere). */
import type { Kysely, Transaction } from "kysely";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import type { Database } from "../../db/schema";

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
