/**
 * `npm run test:reliability [-- --cycles=N --store=sqlite|postgres|both --load-seconds=N --connections=N --writers=N]`
 *
 * 1. kill -9 under write load, on each store: writers apply through the pages, the server's own
 *    process is SIGKILLed at random moments and restarted, `cycles` times; then every acknowledged
 *    reference must exist once, integrity and the audit chain hold, housekeeping leaves no orphaned blob.
 * 2. Load: `connections` connections for `load-seconds` on the citizen pages and the tracking form.
 * 3. Online backup of SQLite under write load, restored to a fresh file and checked.
 *
 * Runs the production build (`npm run build` first). Prints a line per part and writes
 * reports/reliability.json (`passed`, `failed`, figures); exits 1 when any check fails.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, type FreshPostgres, freshPostgres } from "../../bench/server-process";
import type { DialectName } from "../../db/dialect";
import { backupChecks, backupLine, type BackupResult, runBackupUnderLoad } from "./backup";
import { loadLine, runCitizenLoad } from "./citizen-load";
import { crashChecks, crashLines, type CrashResult, runCrashCycles } from "./crash";
import { makeJourneyFiles } from "./journey";
import { Portal, type PortalConfig } from "./portal";

type Options = { cycles: number; stores: DialectName[]; loadSeconds: number; connections: number; writers: number };

function parseOptions(argv: readonly string[]): Options {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.+)$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg} (flags are --name=value)`);
    flags.set(match[1]!, match[2]!);
  }
  const number = (name: string, fallback: number, min: number): number => {
    const value = flags.has(name) ? Number(flags.get(name)) : fallback;
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    flags.delete(name);
    return value;
  };
  const store = flags.get("store") ?? "both";
  flags.delete("store");
  if (!["sqlite", "postgres", "both"].includes(store)) throw new Error("--store must be sqlite, postgres or both");
  const options = {
    cycles: number("cycles", 200, 1),
    stores: store === "both" ? (["sqlite", "postgres"] as DialectName[]) : [store as DialectName],
    loadSeconds: number("load-seconds", 60, 0),
    connections: number("connections", 50, 1),
    writers: number("writers", 4, 1),
  };
  if (flags.size) throw new Error(`unknown flag(s): ${[...flags.keys()].map((k) => `--${k}`).join(", ")}`);
  return options;
}

const log = (line: string) => console.log(`[reliability ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  for (const file of ["build/server.js", "build/index.js"])
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  const started = performance.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-reliability-"));
  const files = await makeJourneyFiles();
  const secrets = { sessionSecret: randomBytes(24).toString("base64url"), documentKey: randomBytes(32) };
  const checks: Record<string, boolean> = {};
  const crashes: CrashResult[] = [];
  const configs = new Map<DialectName, PortalConfig>();
  const databases: FreshPostgres[] = [];
  let load: Awaited<ReturnType<typeof runCitizenLoad>> | null = null;
  let backup: BackupResult | null = null;
  const lines: string[] = [];
  try {
    log(
      `${options.cycles} kill cycles on ${options.stores.join(" and ")}, ${options.writers} writers; load ${options.connections} connections for ${options.loadSeconds} s; backup under load; in ${workDir}`,
    );
    for (const dialect of options.stores) {
      const dataDir = path.join(workDir, dialect);
      fs.mkdirSync(dataDir);
      const postgres = dialect === "postgres" ? await freshPostgres("rel") : null;
      if (postgres) databases.push(postgres);
      const config: PortalConfig = {
        port: await freePort(),
        dataDir,
        databaseUrl: postgres?.url ?? `file:${path.join(dataDir, "portal.sqlite")}`,
        ...secrets,
      };
      configs.set(dialect, config);
      const result = await runCrashCycles(dialect, new Portal(config), config.databaseUrl, secrets.documentKey, files, {
        cycles: options.cycles,
        writers: options.writers,
        minKillMs: 200,
        maxKillMs: 4_000,
        log,
      });
      crashes.push(result);
      Object.assign(checks, crashChecks(result));
      const out = crashLines(result);
      lines.push(...out);
      for (const line of out) console.log(line);
    }

    if (options.loadSeconds > 0) {
      // On the first store the kill cycles filled, so the tracking form finds real applications.
      const first = crashes[0]!;
      const portal = new Portal(configs.get(first.store)!);
      await portal.start();
      try {
        log(`load on ${first.store}: ${options.connections} connections for ${options.loadSeconds} s`);
        load = await runCitizenLoad(portal.baseUrl, first.references, options.loadSeconds, options.connections);
      } finally {
        await portal.stop();
      }
      const errorLines = [...portal.errors.values()].reduce((a, b) => a + b, 0);
      checks["load: 0 errors"] = load.failed === 0 && load.sent > 0;
      checks["load: ran its time"] = load.elapsedMs >= options.loadSeconds * 1000 * 0.95;
      checks["load: no server errors logged"] = errorLines === 0;
      const line = `${loadLine(load, options.connections)}; server error lines ${errorLines}`;
      lines.push(line);
      console.log(line);
    }

    // The store the kill cycles used, or (with --store=postgres) a fresh SQLite one.
    let sqlite = configs.get("sqlite");
    if (!sqlite) {
      const dataDir = path.join(workDir, "backup-source");
      fs.mkdirSync(dataDir);
      sqlite = { port: await freePort(), dataDir, databaseUrl: `file:${path.join(dataDir, "portal.sqlite")}`, ...secrets };
    }
    log("online backup under write load");
    backup = await runBackupUnderLoad(sqlite, files, options.writers, workDir);
    Object.assign(checks, backupChecks(backup));
    lines.push(backupLine(backup));
    console.log(backupLine(backup));
    checks["run completed"] = true;
  } catch (error) {
    // A run cut short (a server that did not start again, a check that threw) is a failure that
    // still reaches reports/reliability.json, so the CI line counts it.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`reliability: ${message}`);
    checks["run completed"] = false;
    lines.push(`run stopped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    for (const database of databases)
      await database.drop().catch((error: unknown) => log(`could not drop ${database.name}: ${String(error)}`));
    fs.rmSync(workDir, { recursive: true, force: true });
  }

  const failedChecks = Object.entries(checks).filter(([, ok]) => !ok);
  const seconds = (performance.now() - started) / 1000;
  const summary = `reliability: ${Object.keys(checks).length - failedChecks.length} checks passed, ${failedChecks.length} failed in ${seconds.toFixed(0)} s${failedChecks.length ? ` (failed: ${failedChecks.map(([name]) => name).join("; ")})` : ""}`;
  console.log(summary);
  fs.mkdirSync("reports", { recursive: true });
  fs.writeFileSync(
    "reports/reliability.json",
    `${JSON.stringify(
      {
        passed: Object.keys(checks).length - failedChecks.length,
        failed: failedChecks.length,
        checks,
        options,
        measuredAt: new Date().toISOString(),
        node: process.versions.node,
        cpus: os.cpus().length,
        seconds: Math.round(seconds),
        crash: crashes.map(({ check, references: _references, ...rest }) => ({ ...check, ...rest })),
        load: load && {
          sent: load.sent,
          ok: load.ok,
          failed: load.failed,
          failures: load.failures,
          okPerSecond: load.okPerSecond,
          elapsedMs: load.elapsedMs,
          latencyMs: load.latencyMs,
          byTag: load.byTag,
        },
        backup,
        lines,
      },
      null,
      2,
    )}\n`,
  );
  if (failedChecks.length) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(`reliability: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
