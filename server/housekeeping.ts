/**
 * Periodic clean-up that keeps the store free of data nobody needs any more: expired drafts (with
 * their documents) and spent rate-limit counters. Safe to run on every instance at once.
 */
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { createStoreDocumentStorage } from "../app/models/document-storage.server";
import { deleteExpiredDrafts } from "../app/models/draft.server";
import { deleteExpiredHits } from "../app/models/rate-limit.server";
import type { Database } from "../db/schema";

export async function runHousekeeping(db: Kysely<Database>, documentKey: Uint8Array, now = new Date()) {
  const drafts = await deleteExpiredDrafts(db, createStoreDocumentStorage(db, documentKey), now);
  const counters = await deleteExpiredHits(db, now);
  return { drafts, counters };
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
