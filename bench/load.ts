/**
 * The load loop: a fixed list of requests sent by a fixed number of lanes over keep-alive
 * connections, each timed with performance.now().
 *
 * The loop runs in a worker thread so that the client does not share the server's event loop: the
 * app under test keeps the main thread to itself, much as it would behind a separate load tool.
 * This module is both sides: `runLoad` (main thread) starts a worker on this same file, and the
 * worker, finding a plan in its workerData, drives it and posts the result back.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

export type PlannedRequest = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Form-encoded body for POST. */
  body?: string;
  /** Groups requests in the result (e.g. "hit" and "miss"). */
  tag: string;
  /** A request succeeds only with this status and, when given, a Location starting with this. */
  expect: { status: number; locationPrefix?: string };
};

export type LoadPlan = {
  baseUrl: string;
  requests: PlannedRequest[];
  concurrency: number;
  /** No request starts after this; those not sent are reported as such. */
  timeLimitMs: number;
};

export type Percentiles = { p50: number; p95: number; p99: number; max: number };

export type TagResult = { sent: number; ok: number; latencyMs: Percentiles };

/** What one worker measured: raw latencies of the successful requests, so batches can be merged. */
export type LoadBatch = {
  planned: number;
  sent: number;
  elapsedMs: number;
  /** Why requests failed, e.g. `{"status 500": 3}`. */
  failures: Record<string, number>;
  sentByTag: Record<string, number>;
  okTags: string[];
  okMs: number[];
};

export type LoadResult = {
  planned: number;
  sent: number;
  ok: number;
  failed: number;
  /** Why requests failed, so a missed target is never a silent one. */
  failures: Record<string, number>;
  /** Time spent sending, summed over batches. */
  elapsedMs: number;
  /** Successful requests per second of that time. */
  okPerSecond: number;
  latencyMs: Percentiles;
  byTag: Record<string, TagResult>;
  /** What measureInTurns' meter read over this result's batches, when it was given one. */
  metered?: number;
};

const REQUEST_TIMEOUT_MS = 30_000;
const PLAN_MARKER = "pscg-bench-load-plan";

/** Nearest-rank percentiles over latencies in milliseconds. */
export function percentiles(latencies: readonly number[]): Percentiles {
  if (latencies.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(latencies).sort();
  const rank = (q: number) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1]!;
  return { p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: sorted[sorted.length - 1]! };
}

function assertLoopback(baseUrl: string): void {
  const { hostname, protocol } = new URL(baseUrl);
  if (protocol !== "http:" || hostname !== "127.0.0.1") throw new Error(`The bench only targets http://127.0.0.1, not ${baseUrl}`);
}

type Answer = { status: number; location: string | undefined };

function send(agent: http.Agent, baseUrl: string, request: PlannedRequest): Promise<Answer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) {
    headers["content-type"] ??= "application/x-www-form-urlencoded";
    // The app refuses bodies without a length (server/app.ts), as browsers always send one.
    headers["content-length"] = String(Buffer.byteLength(request.body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(request.path, baseUrl), { method: request.method, headers, agent }, (res) => {
      // Read the whole body (as a browser would) without decoding it: only the timing matters here.
      res.on("data", () => {});
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      res.on("error", reject);
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(request.body);
  });
}

function outcome(request: PlannedRequest, answer: Answer): string | null {
  if (answer.status !== request.expect.status) return `status ${answer.status}`;
  const prefix = request.expect.locationPrefix;
  if (prefix !== undefined && !answer.location?.startsWith(prefix)) return `location ${answer.location ?? "(none)"}`;
  return null;
}

async function drive(plan: LoadPlan): Promise<LoadBatch> {
  assertLoopback(plan.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const batch: LoadBatch = { planned: plan.requests.length, sent: 0, elapsedMs: 0, failures: {}, sentByTag: {}, okTags: [], okMs: [] };
  let next = 0;
  const started = performance.now();
  const deadline = started + plan.timeLimitMs;

  async function lane(): Promise<void> {
    while (next < plan.requests.length && performance.now() < deadline) {
      const request = plan.requests[next++]!;
      batch.sent += 1;
      batch.sentByTag[request.tag] = (batch.sentByTag[request.tag] ?? 0) + 1;
      const t0 = performance.now();
      let failure: string | null;
      try {
        failure = outcome(request, await send(agent, plan.baseUrl, request));
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      const ms = performance.now() - t0;
      if (failure) {
        batch.failures[failure] = (batch.failures[failure] ?? 0) + 1;
      } else {
        // Latency percentiles describe successful requests; failures are counted apart.
        batch.okTags.push(request.tag);
        batch.okMs.push(ms);
      }
    }
  }

  await Promise.all(Array.from({ length: plan.concurrency }, () => lane()));
  batch.elapsedMs = performance.now() - started;
  agent.destroy();
  return batch;
}

/** Merges batches of the same kind (e.g. rounds taken in turn with another measurement). */
export function summarize(batches: readonly LoadBatch[]): LoadResult {
  const failures: Record<string, number> = {};
  const sentByTag = new Map<string, number>();
  const msByTag = new Map<string, number[]>();
  const all: number[] = [];
  let planned = 0;
  let sent = 0;
  let elapsedMs = 0;
  for (const batch of batches) {
    planned += batch.planned;
    sent += batch.sent;
    elapsedMs += batch.elapsedMs;
    for (const [reason, n] of Object.entries(batch.failures)) failures[reason] = (failures[reason] ?? 0) + n;
    for (const [tag, n] of Object.entries(batch.sentByTag)) sentByTag.set(tag, (sentByTag.get(tag) ?? 0) + n);
    batch.okMs.forEach((ms, i) => {
      const tag = batch.okTags[i]!;
      all.push(ms);
      const list = msByTag.get(tag);
      if (list) list.push(ms);
      else msByTag.set(tag, [ms]);
    });
  }
  const byTag: Record<string, TagResult> = {};
  for (const [tag, count] of sentByTag) {
    const list = msByTag.get(tag) ?? [];
    byTag[tag] = { sent: count, ok: list.length, latencyMs: percentiles(list) };
  }
  return {
    planned,
    sent,
    ok: all.length,
    failed: sent - all.length,
    failures,
    elapsedMs,
    okPerSecond: elapsedMs > 0 ? all.length / (elapsedMs / 1000) : 0,
    latencyMs: percentiles(all),
    byTag,
  };
}

/** Runs the plan in a worker thread and resolves with its measurements. */
export function runLoad(plan: LoadPlan): Promise<LoadBatch> {
  assertLoopback(plan.baseUrl);
  // Workers do not inherit tsx's loader, so the worker registers it before importing this file.
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const self = import.meta.url;
  const source = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); });`;
  const worker = new Worker(source, { eval: true, workerData: { marker: PLAN_MARKER, plan } });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once("message", (result: LoadBatch) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`load worker exited with code ${code} before reporting`));
    });
  });
}

export type Contender = { name: string; baseUrl: string; requests: PlannedRequest[] };

/**
 * Measurements taken in turns (A B C, C B A, A B C …) rather than one after the other, so that a
 * change in the machine's load during the run (other work on a shared box, a checkpoint, the JIT
 * warming further) weighs on all alike. Each contender's requests are split over the rounds; each
 * result merges its rounds.
 */
export async function measureInTurns(
  contenders: readonly Contender[],
  options: {
    rounds: number;
    concurrency: number;
    timeLimitMs: number;
    afterRound?: () => void;
    /** Read before and after each batch; the differences are summed per contender as `metered` (e.g. server CPU ms). */
    meter?: () => number;
  },
): Promise<LoadResult[]> {
  const batches: LoadBatch[][] = contenders.map(() => []);
  const metered = contenders.map(() => 0);
  for (let round = 0; round < options.rounds; round += 1) {
    const order = contenders.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const which of order) {
      const contender = contenders[which]!;
      const size = Math.ceil(contender.requests.length / options.rounds);
      const requests = contender.requests.slice(round * size, (round + 1) * size);
      const before = options.meter?.() ?? 0;
      batches[which]!.push(
        await runLoad({
          baseUrl: contender.baseUrl,
          requests,
          concurrency: options.concurrency,
          timeLimitMs: options.timeLimitMs / options.rounds,
        }),
      );
      metered[which]! += (options.meter?.() ?? 0) - before;
    }
    options.afterRound?.();
  }
  return batches.map((b, i) => (options.meter ? { ...summarize(b), metered: metered[i] } : summarize(b)));
}

/** Said beside figures taken while more was running than the machine has cores. */
export function loadWarning(loadAverages: readonly number[], cores: number): string {
  const highest = Math.max(...loadAverages);
  return highest > cores
    ? `WARNING: 1-min load average reached ${highest.toFixed(1)}, above the ${cores} cores: other work shared the machine, so absolute figures are low and ratios noisy`
    : "";
}

function isPlanMessage(data: unknown): data is { marker: string; plan: LoadPlan } {
  return typeof data === "object" && data !== null && "marker" in data && data.marker === PLAN_MARKER;
}

if (!isMainThread && isPlanMessage(workerData)) {
  const port = parentPort;
  if (!port) throw new Error("load worker has no parent port");
  port.postMessage(await drive(workerData.plan));
}
