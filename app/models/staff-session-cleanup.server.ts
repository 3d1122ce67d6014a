/**
 * Ended staff sessions (signed out, revoked, expired or idle past their absolute limit) are kept
 * for a day, for anyone looking into a sign-in problem, and then deleted: the audit log already
 * records each sign-in and sign-out by its session reference.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export const ENDED_SESSION_RETENTION_MS = 24 * 60 * 60_000;

/** Deletes sessions that were revoked, or expired, more than a day ago; returns how many. */
export async function deleteEndedStaffSessions(db: Kysely<Database>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ENDED_SESSION_RETENTION_MS).toISOString();
  // An idle session is dead long before its expires_at, which is at most 12 hours after sign-in.
  const result = await db
    .deleteFrom("session")
    .where((eb) => eb.or([eb("revoked_at", "<", cutoff), eb("expires_at", "<", cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
