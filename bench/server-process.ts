/**
 * The production program as an operator runs it, for the bench and the reliability harness:
 * `node … build/server.js` spawned directly (no npm or tsx in between, so a signal sent to the PID
 * reaches the server itself), a free port, readiness by /healthz, and a fresh PostgreSQL database.
 */
import type { ChildProcess } from "node:child_process";
import net from "node:net";
import pg from "pg";

/** The heap setting production uses (package.json start/serve, README): the figures are of that program. */
export const SERVER_COMMAND = ["--max-semi-space-size=4", "--max-old-space-size=128", "build/server.js"];

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once GET /healthz answers 200; rejects if the process exits first or `timeoutMs` passes. */
export async function untilHealthy(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited with ${child.exitCode ?? child.signalCode}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within ${timeoutMs} ms`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

export type FreshPostgres = { url: string; name: string; drop: () => Promise<void> };

/** A fresh PostgreSQL database for one run (named `<prefix>_<time>`), dropped by `drop`. */
export async function freshPostgres(prefix = "pscg_bench"): Promise<FreshPostgres> {
  const admin = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `${prefix}_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
