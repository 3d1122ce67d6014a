/**
 * Fixed-window counters kept in the store, so every app instance sees the same counts.
 * Keys are HMACs of the client address: no address is stored.
 */
import { createHmac } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";

export type Hit = { hits: number; resetAt: Date };

export function rateLimitKey(bucket: string, clientKey: string, secret: string): string {
  return `${bucket}:${createHmac("sha256", secret).update(clientKey).digest("base64url").slice(0, 22)}`;
}

export async function recordHit(db: Kysely<Database>, key: string, windowMs: number, now = new Date()): Promise<Hit> {
  const stamp = now.toISOString();
  const resetAt = new Date(now.getTime() + windowMs).toISOString();
  const row = await db
    .insertInto("rate_limit")
    .values({ key, hits: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql<number>`CASE WHEN rate_limit.reset_at <= ${stamp} THEN 1 ELSE rate_limit.hits + 1 END`,
        reset_at: sql<string>`CASE WHEN rate_limit.reset_at <= ${stamp} THEN ${resetAt} ELSE rate_limit.reset_at END`,
      }),
    )
    .returning(["hits", "reset_at"])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetAt: new Date(row.reset_at) };
}

export async function undoHit(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable("rate_limit")
    .set({ hits: sql<number>`CASE WHEN hits > 0 THEN hits - 1 ELSE 0 END` })
    .where("key", "=", key)
    .execute();
}

export async function clearHits(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("rate_limit").where("key", "=", key).execute();
}

export async function deleteExpiredHits(db: Kysely<Database>, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("rate_limit").where("reset_at", "<=", now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
