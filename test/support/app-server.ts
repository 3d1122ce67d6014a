/**
 * The Express layer in-process for server tests: the real production build (run `remix build`
 * first; npm test does), a fresh SQLite store (or, with `dialect: "postgres"`, a fresh PostgreSQL
 * database), and every log line the server writes kept for the test to read.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { pino } from "pino";
import { type Env, parseEnv, resolveSecrets, type Secrets } from "../../app/utils/env.server";
import { openStore, type Store } from "../../db/connect";
import type { DialectName } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrate";
import { seedReferenceData } from "../../db/seed";
import { createApp } from "../../server/app";
import { createTestStore } from "./stores";

export type TestServer = {
  baseUrl: string;
  port: number;
  env: Env;
  secrets: Secrets;
  store: Store;
  build: ServerBuild;
  /** The Express app itself, for tests that set what the program would (`app.locals.draining`). */
  app: ReturnType<typeof createApp>;
  /** Every line the server logged, parsed. */
  logLines: Record<string, unknown>[];
  close: () => Promise<void>;
};

/** Starts the app on a free port; `env` adds to or overrides the test configuration. */
export async function startTestServer(
  env: Record<string, string> = {},
  { dialect = "sqlite" }: { dialect?: DialectName } = {},
): Promise<TestServer> {
  const buildPath = path.resolve("build/index.js");
  if (!fs.existsSync(buildPath)) throw new Error("No production build: run `npm run build` before these tests");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-server-"));
  const parsed = parseEnv({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "info", ...env });
  const postgres = dialect === "postgres" ? await createTestStore("postgres") : null;
  const store = postgres ?? openStore({ dialect: "sqlite", path: path.join(dir, "portal.sqlite") });
  if (!postgres) await migrateToLatest(store.db);
  await seedReferenceData(store.db);
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const logger = pino({ level: parsed.LOG_LEVEL }, sink);
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const secrets = resolveSecrets(parsed);
  const app = createApp({ env: parsed, secrets, store, logger, build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    env: parsed,
    secrets,
    store,
    build,
    app,
    logLines,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (postgres) await postgres.drop();
      else await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One request exactly as given, through node:http rather than fetch: fetch refuses some methods
 * (TRACE), normalises URLs (`/%`) and adds headers of its own.
 */
export function rawRequest(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers: Record<string, string> = { ...options.headers };
    if (body) headers["content-length"] = String(body.length);
    const req = http.request({ host: "127.0.0.1", port, method: options.method, path: options.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The text of server-rendered HTML as a reader sees it: character references decoded. */
export const decodeEntities = (html: string) =>
  html
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
