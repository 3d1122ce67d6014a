/**
 * Starts the portal: validates configuration, opens and migrates the store, seeds reference data,
 * writes a one-time setup link to the data directory while no administrator exists, then serves.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { loadSigningIdentity } from "../app/models/signing-identity.server";
import { EnvError, parseEnv, resolveSecrets } from "../app/utils/env.server";
import { createMailTransport } from "../app/utils/mailer.server";
import { announceSetupLink } from "../app/services/setup-link.server";
import { openStore, parseDatabaseUrl } from "../db/connect";
import { refreshPlannerStatistics } from "../db/dialect";
import { migrateToLatest } from "../db/migrate";
import { seedReferenceData } from "../db/seed";
import { createApp } from "./app";
import { createLogger } from "./logger";
import { startHousekeeping } from "./housekeeping";
import { startMailWorker } from "./mail-worker";
import { createMetrics } from "./metrics";

async function main() {
  // This entry is the production program (build/server.js): React, Express and Remix take their
  // production paths unless the operator says otherwise.
  process.env.NODE_ENV ??= "production";
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(env.LOG_LEVEL);
  const secrets = resolveSecrets(env);
  const store = openStore(parseDatabaseUrl(env.DATABASE_URL));
  if (secrets.generated && store.dialect === "postgres") {
    logger.warn(
      "SESSION_SECRET or DOCUMENT_KEY not set: using secrets generated in the data directory; set both when running several instances",
    );
  }
  const applied = await migrateToLatest(store.db);
  logger.info({ dialect: store.dialect, migrationsApplied: applied.length }, "store ready");
  await seedReferenceData(store.db);
  await refreshPlannerStatistics(store.db);
  // The PDF-signing key: made now if the store has none (and none is configured), not on the first approval.
  await loadSigningIdentity(store.db, secrets.documentKey, env);
  const buildPath = path.resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const metrics = createMetrics({ db: store.db, build, token: env.METRICS_TOKEN });
  const housekeeping = startHousekeeping(
    store.db,
    secrets.documentKey,
    logger,
    undefined,
    { publicUrl: env.PUBLIC_URL, signing: env },
    metrics.housekeepingRun,
  );
  const mailTransport = createMailTransport(env, logger);
  const mailWorker = startMailWorker({
    db: store.db,
    transport: mailTransport,
    from: env.MAIL_FROM,
    logger,
    intervalMs: env.MAIL_POLL_INTERVAL_MS,
  });

  await announceSetupLink(store.db, { dataDir: env.DATA_DIR, publicUrl: env.PUBLIC_URL });

  const app = createApp({ env, secrets, store, logger, build, metrics });
  const server = env.HOST ? app.listen(env.PORT, env.HOST) : app.listen(env.PORT);
  server.on("listening", () => logger.info({ port: env.PORT }, `serving on ${env.PUBLIC_URL}`));

  // Graceful: /readyz turns 503 so a proxy sends no more, no new connection is accepted, requests
  // in hand are answered (idle keep-alive connections are closed, busy ones after their answer),
  // then the workers stop and the store closes. A hard stop after 20 s if something hangs.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    app.locals.draining = true;
    // A run of housekeeping in hand is finished first, or its queries would meet a closed store.
    const housekeepingStopped = housekeeping.stop();
    // A send in hand is finished and recorded first; mail not yet tried stays in the outbox.
    const mailStopped = mailWorker.stop().then(() => mailTransport?.close());
    server.close(() => {
      void Promise.all([mailStopped, housekeepingStopped])
        .then(() => store.close())
        .then(() => {
          logger.info({ signal }, "stopped");
          process.exit(0);
        });
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.warn({ signal }, "requests still open after 20 s: stopping anyway");
      process.exit(1);
    }, 20_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  // Under `npm start` npm stays the parent (the script execs node, so there is no shell between).
  // A SIGKILL to npm reaches no one else: notice being orphaned and stop, rather than hold the port.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && shutdown("parent exited"), 500).unref();
  }
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
