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
import { type LoadResult, loadWarning, measureInTurns, type PlannedRequest, runLoad } from "./load";
import { freePort, freshPostgres, SERVER_COMMAND, untilHealthy } from "./server-process";

/** #14 sets memory, cold start and the lean 0.9 ratio; #13 the start page at 0.6 of the bare route. */
export const RUNTIME_TARGETS = {
  idleRssMb: 150,
  peakRssMb: 250,
  coldStartMs: 1_500,
  startPageVsBareRoute: 0.6,
  startPageVsBareRouteLean: 0.9,
};
const CONNECTIONS = 10;
const REQUESTS = 2_000;
const ROUNDS = 6;
const BROWSER_HEADERS = { accept: "text/html", "accept-encoding": "gzip", "accept-language": "en" };

export type Figure = { value: number; unit: string; target?: string; met?: boolean; loadAverage: number };
export type RuntimeReport = { dialect: "sqlite" | "postgres"; figures: Record<string, Figure> };

const load1 = () => Number(os.loadavg()[0]!.toFixed(2));

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** CPU time the process has used so far, all its threads (JavaScript, GC, zlib and fs in the pool), in ms. */
function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system time in
  // clock ticks, 100 per second on Linux.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
  const postgres = dialect === "postgres" ? await freshPostgres("pscg_bench_runtime") : null;
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
    const bare = (n: number): PlannedRequest[] =>
      Array.from({ length: n }, () => ({
        method: "GET",
        path: "/en/status",
        headers: BROWSER_HEADERS,
        tag: "bare",
        expect: { status: 200 },
      }));
    await runLoad({ baseUrl, requests: views(300), concurrency: CONNECTIONS, timeLimitMs: 30_000 });
    await new Promise((r) => setTimeout(r, 3_000));
    figures.idleRss = figure(Math.round(rssMb(child.pid!)), "MB", load1(), { max: RUNTIME_TARGETS.idleRssMb });
    log(`idle RSS after 300 start pages and 3 s: ${figures.idleRss.value} MB, load ${figures.idleRss.loadAverage}`);

    // The start page, the bare route (/en/status: the layout, a loader, one store read) and /healthz
    // (Express and one store read) in turns: rendering's cost is start page ÷ bare route, Remix's
    // is bare route ÷ /healthz. Peak RSS is sampled throughout.
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 20);
    const loads: number[] = [];
    const [startPage, bareRoute, healthz] = await measureInTurns(
      [
        { name: "start page", baseUrl, requests: views(REQUESTS) },
        { name: "bare route", baseUrl, requests: bare(REQUESTS) },
        { name: "healthz", baseUrl, requests: health(REQUESTS) },
      ],
      // Views/s depend on what else the machine runs; the server's CPU time per view much less so.
      {
        rounds: ROUNDS,
        concurrency: CONNECTIONS,
        timeLimitMs: 180_000,
        afterRound: () => loads.push(load1()),
        meter: () => cpuMs(child.pid!),
      },
    );
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(child.pid!));
    const loadAfter = Math.max(...loads);
    figures.peakRss = figure(Math.round(peak), "MB", loadAfter, { max: RUNTIME_TARGETS.peakRssMb });
    figures.startPageViews = figure(Math.round(startPage!.okPerSecond), "req/s", loadAfter);
    figures.bareRoute = figure(Math.round(bareRoute!.okPerSecond), "req/s", loadAfter);
    figures.healthz = figure(Math.round(healthz!.okPerSecond), "req/s", loadAfter);
    const cpuPerView = (r: LoadResult) => Number(((r.metered ?? 0) / Math.max(1, r.ok)).toFixed(2));
    figures.startPageCpu = figure(cpuPerView(startPage!), "ms", loadAfter);
    figures.bareRouteCpu = figure(cpuPerView(bareRoute!), "ms", loadAfter);
    figures.healthzCpu = figure(cpuPerView(healthz!), "ms", loadAfter);
    const rendering = Number((startPage!.okPerSecond / bareRoute!.okPerSecond).toFixed(2));
    figures.startPageVsBareRoute = figure(rendering, "×", loadAfter, { min: RUNTIME_TARGETS.startPageVsBareRoute });
    figures.startPageVsBareRouteLean = figure(rendering, "×", loadAfter, { min: RUNTIME_TARGETS.startPageVsBareRouteLean });
    figures.bareRouteVsHealthz = figure(Number((bareRoute!.okPerSecond / healthz!.okPerSecond).toFixed(2)), "×", loadAfter);
    log(
      `${CONNECTIONS} connections, ${ROUNDS} rounds in turns: start page ${figures.startPageViews.value} req/s (p95 ${startPage!.latencyMs.p95.toFixed(1)} ms, ${figures.startPageCpu.value} ms CPU each), bare route ${figures.bareRoute.value} req/s (p95 ${bareRoute!.latencyMs.p95.toFixed(1)} ms, ${figures.bareRouteCpu.value} ms CPU), /healthz ${figures.healthz.value} req/s (${figures.healthzCpu.value} ms CPU); peak RSS ${figures.peakRss.value} MB; load ${loads.join(", ")}`,
    );
    const failed = startPage!.failed + bareRoute!.failed + healthz!.failed;
    if (failed > 0)
      throw new Error(`failed requests: ${JSON.stringify({ ...startPage!.failures, ...bareRoute!.failures, ...healthz!.failures })}`);
    return { dialect, figures };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await postgres?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * bench/results/<date>-<dialect>.json, kept with the code so before and after can be compared:
 * what was measured, with the machine's core count and the load averages seen.
 */
export function writeBenchResults(dialect: "sqlite" | "postgres", results: Record<string, unknown>): string {
  const dir = path.resolve("bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${dialect}.json`);
  const machine = { cpus: os.cpus().length, loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))) };
  fs.writeFileSync(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.versions.node, dialect, machine, ...results }, null, 2)}\n`,
  );
  return file;
}

export function runtimeTable(report: RuntimeReport): string {
  const names: Record<string, string> = {
    coldStart: "Cold start to first /healthz",
    idleRss: "Idle RSS",
    peakRss: `Peak RSS, ${CONNECTIONS} connections`,
    startPageViews: "Start page views/s (GET /en/certificate)",
    bareRoute: "Bare route (GET /en/status, one read)",
    healthz: "GET /healthz (Express alone)",
    startPageCpu: "Server CPU per start page view",
    bareRouteCpu: "Server CPU per bare route view",
    healthzCpu: "Server CPU per /healthz",
    startPageVsBareRoute: "Start page ÷ bare route (#13)",
    startPageVsBareRouteLean: "Start page ÷ bare route (#14)",
    bareRouteVsHealthz: "Bare route ÷ /healthz (no target)",
  };
  const lines = Object.entries(report.figures).map(([key, f]) => {
    const verdict = f.target ? `target ${f.target}: ${f.met ? "met" : "MISSED"}` : "";
    return `${(names[key] ?? key).padEnd(44)} ${`${f.value} ${f.unit}`.padEnd(12)} ${verdict.padEnd(22)} load ${f.loadAverage}`;
  });
  const warning = loadWarning(
    Object.values(report.figures).map((f) => f.loadAverage),
    os.cpus().length,
  );
  return [...lines, ...(warning ? [warning] : [])].join("\n");
}
