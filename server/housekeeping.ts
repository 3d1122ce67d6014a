/**
 * Periodic clean-up that keeps the store free of data nobody needs any more: expired drafts (with
 * their documents), spent rate-limit counters, and staff sessions that ended over a day ago. Safe
 * to run on every instance at once.
 */
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { createStoreDocumentStorage } from "../app/models/document-storage.server";
import { deleteExpiredDrafts } from "../app/models/draft.server";
import { deleteExpiredHits } from "../app/models/rate-limit.server";
import { deleteEndedStaffSessions } from "../app/models/staff-session-cleanup.server";
import type { Database } from "../db/schema";

export async function runHousekeeping(db: Kysely<Database>, documentKey: Uint8Array, now = new Date()) {
  const drafts = await deleteExpiredDrafts(db, createStoreDocumentStorage(db, documentKey), now);
  const counters = await deleteExpiredHits(db, now);
  const staffSessions = await deleteEndedStaffSessions(db, now);
  return { drafts, counters, staffSessions };
}

export function startHousekeeping(db: Kysely<Database>, documentKey: Uint8Array, logger: Logger, intervalMs = 15 * 60_000) {
  const tick = () =>
    runHousekeeping(db, documentKey)
      .then((done) => logger.info(done, "housekeeping"))
      .catch((error: unknown) => logger.error({ err: error }, "housekeeping failed"));
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
