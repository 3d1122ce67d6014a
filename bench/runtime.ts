/**
 * `npm run bench -- --only=runtime [--db=postgres]`: the production program as an operator runs it
 * (`node build/server.js`, a child process on a fresh store), measured from outside:
 * cold start to the first /healthz, idle RSS after a warm-up, peak RSS under 10 concurrent start
 * page views, and start page views/s. Each figure carries the 1-minute load average when taken.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type PlannedRequest, runLoad, summarize } from "./load";
import { freePort, freshPostgres, SERVER_COMMAND, untilHealthy } from "./server-process";

export const RUNTIME_TARGETS = { idleRssMb: 150, peakRssMb: 250, coldStartMs: 1_500 };
const CONNECTIONS = 10;
const REQUESTS = 2_000;
const BROWSER_HEADERS = { accept: "text/html", "accept-encoding": "gzip", "accept-language": "en" };

export type Figure = { value: number; unit: string; target?: string; met?: boolean; loadAverage: number };
export type RuntimeReport = { dialect: "sqlite" | "postgres"; figures: Record<string, Figure> };

const load1 = () => Number(os.loadavg()[0]!.toFixed(2));

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const figure = (value: number, unit: string, loadAverage: number, target?: { max?: number; min?: number }): Figure => {
  if (!target) return { value, unit, loadAverage };
  const met = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  return { value, unit, loadAverage, target: target.max !== undefined ? `≤ ${target.max}` : `≥ ${target.min}`, met };
};

export async function benchRuntime(dialect: "sqlite" | "postgres", log: (message: string) => void): Promise<RuntimeReport> {
  if (!fs.existsSync("build/index.js")) execFileSync("node_modules/.bin/remix", ["build"], { stdio: "inherit" });
  execFileSync("node", ["scripts/build-server.js"], { stdio: "inherit" });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-bench-runtime-"));
  const postgres = dialect === "postgres" ? await freshPostgres() : null;
  const port = await freePort();
  const figures: Record<string, Figure> = {};
  const started = performance.now();
  const child = spawn("node", SERVER_COMMAND, {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: postgres?.url ?? `file:${dataDir}/portal.sqlite`,
      LOG_LEVEL: "warn",
      RATE_LIMITS: "false",
      ...(postgres ? { SESSION_SECRET: "b".repeat(40), DOCUMENT_KEY: Buffer.alloc(32, 7).toString("base64") } : {}),
    },
  });
  try {
    await untilHealthy(port, child);
    figures.coldStart = figure(Math.round(performance.now() - started), "ms", load1(), { max: RUNTIME_TARGETS.coldStartMs });
    log(
      `cold start to the first /healthz (empty ${dialect} store, migrations and signing key included): ${figures.coldStart.value} ms, load ${figures.coldStart.loadAverage}`,
    );

    const baseUrl = `http://127.0.0.1:${port}`;
    const views = (n: number): PlannedRequest[] =>
      Array.from({ length: n }, () => ({
        method: "GET",
        path: "/en/certificate",
        headers: BROWSER_HEADERS,
        tag: "view",
        expect: { status: 200 },
      }));
    const health = (n: number): PlannedRequest[] =>
      Array.from({ length: n }, () => ({ method: "GET", path: "/healthz", tag: "health", expect: { status: 200 } }));
    await runLoad({ baseUrl, requests: views(300), concurrency: CONNECTIONS, timeLimitMs: 30_000 });
    await new Promise((r) => setTimeout(r, 3_000));
    figures.idleRss = figure(Math.round(rssMb(child.pid!)), "MB", load1(), { max: RUNTIME_TARGETS.idleRssMb });
    log(`idle RSS after 300 start pages and 3 s: ${figures.idleRss.value} MB, load ${figures.idleRss.loadAverage}`);

    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 20);
    const result = summarize([await runLoad({ baseUrl, requests: views(REQUESTS), concurrency: CONNECTIONS, timeLimitMs: 60_000 })]);
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(child.pid!));
    const loadAfter = load1();
    figures.peakRss = figure(Math.round(peak), "MB", loadAfter, { max: RUNTIME_TARGETS.peakRssMb });
    figures.startPageViews = figure(Math.round(result.okPerSecond), "req/s", loadAfter);
    log(
      `peak RSS under ${CONNECTIONS} connections, ${REQUESTS} start pages: ${figures.peakRss.value} MB; ${figures.startPageViews.value} views/s (p95 ${result.latencyMs.p95.toFixed(1)} ms, ${result.failed} failed), load ${loadAfter}`,
    );
    const healthResult = summarize([await runLoad({ baseUrl, requests: health(REQUESTS), concurrency: CONNECTIONS, timeLimitMs: 60_000 })]);
    figures.healthz = figure(Math.round(healthResult.okPerSecond), "req/s", load1());
    log(`GET /healthz (Express and one store query, no Remix): ${figures.healthz.value} req/s, load ${figures.healthz.loadAverage}`);
    if (result.failed + healthResult.failed > 0)
      throw new Error(`failed requests: ${JSON.stringify({ ...result.failures, ...healthResult.failures })}`);
    return { dialect, figures };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await postgres?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** bench/results/<date>-<dialect>.json, kept with the code so before and after can be compared. */
export function writeRuntimeResults(report: RuntimeReport): string {
  const dir = path.resolve("bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${report.dialect}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.versions.node, cpus: os.cpus().length, ...report }, null, 2)}\n`,
  );
  return file;
}

export function runtimeTable(report: RuntimeReport): string {
  const names: Record<string, string> = {
    coldStart: "Cold start to first /healthz",
    idleRss: "Idle RSS",
    peakRss: `Peak RSS, ${CONNECTIONS} connections`,
    startPageViews: "Start page views/s (GET /en/certificate)",
    healthz: "GET /healthz (no Remix)",
  };
  return Object.entries(report.figures)
    .map(
      ([key, f]) =>
        `${(names[key] ?? key).padEnd(44)} ${`${f.value} ${f.unit}`.padEnd(12)} ${f.target ? `target ${f.target}: ${f.met ? "met" : "MISSED"}` : ""}`.padEnd(
          20,
        ) + `  load ${f.loadAverage}`,
    )
    .join("\n");
}
