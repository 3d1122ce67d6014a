/**
 * `npm run bench`: the portal's performance targets, as ratios measured in one run on this machine.
 *
 * 1. Submissions per second of the full certificate submission (draft and documents read, form
 *    parsed and validated, one transaction with the application, its addresses, audit event and
 *    receipt mail, synchronous=FULL) against views per second of the start page (a full server
 *    render). Target: at least as many submissions as views.
 * 2. p95 of a tracking lookup (reference + date of birth) with a thousand and with a million
 *    applications in the store. Target: at most 1.5 times slower at a million.
 * 4. Reports sent per second (POST /en/report from check answers: the sealed answers opened and
 *    parsed, identifiers normalised, one transaction with the report and its identifiers) against
 *    views per second of the report start page. Target: at least as many reports as views.
 * 3. p95 of the back-office queue page (GET /staff/queue for an officer with a full session: the
 *    "new" and "in review" tabs, a name search and a destination filter) on the same two stores.
 *    Target: at most 1.5 times slower at a million.
 * 6. p95 of the supervisor dashboard (GET /staff/dashboard: the last twelve weeks, the last four, and
 *    twelve weeks a year ago) on the tracking and queue stores. Target: at most 1.5 times slower at a million.
 * 5. p95 of the investigators' pages (GET /staff/reports: the "new" and "triaged" tabs with their
 *    counts, a cluster-size filter, a search by a number written in local form, and a report's
 *    cluster page) with a thousand and with a million reports. Target: at most 1.5 times slower.
 *
 * The real app runs in this process on the production build, on fresh SQLite stores in the OS
 * temporary directory, with RATE_LIMITS=false; the load comes from a worker thread (bench/load.ts)
 * and only ever goes to 127.0.0.1.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { type AppLoadContext, createCookie, type ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { destination, multistream, pino } from "pino";
import { rebuildDashboardCounts } from "../app/models/dashboard.server";
import { insertStaffSession } from "../app/models/staff-session.server";
import { insertStaffUser } from "../app/models/staff-user.server";
import { renderPosterPdf } from "../app/pdf/poster-pdf.server";
import { newReportJourney, sealReportJourney } from "../app/services/report-journey.server";
import { type Env, parseEnv, resolveSecrets, type Secrets } from "../app/utils/env.server";
import { openStore, type Store, type StoreTarget } from "../db/connect";
import type { DialectName } from "../db/dialect";
import { migrateToLatest } from "../db/migrate";
import { seedReferenceData } from "../db/seed";
import { createApp } from "../server/app";
import { freshPostgres } from "./server-process";
import { benchRuntime, runtimeTable, writeBenchResults } from "./runtime";
import { groupPhone, seedReports } from "./seed-reports";
import { type LoadResult, loadWarning, measureInTurns, type PlannedRequest, runLoad, summarize } from "./load";
import {
  BENCH_DESTINATIONS,
  type Caseworkers,
  type Durability,
  readDurability,
  sampleTrackingKeys,
  seedApplications,
  seedCaseworkers,
  seedCompleteDrafts,
  SYNCHRONOUS_NAMES,
  type TrackingKey,
  withFastBulkLoad,
} from "./seed";

const CONCURRENCY = 8;
const MEASURED_REQUESTS = 2_000;
const WARMUP_REQUESTS = 200;
/** Each pair of measurements is taken in this many alternating rounds (see measureInTurns). */
const ROUNDS = 8;
/** Per measurement (split over its rounds): a slow machine sends fewer requests, and says so. */
const TIME_LIMIT_MS = 60_000;
const WARMUP_TIME_LIMIT_MS = 15_000;
/** The million-row load takes about two minutes here; far beyond that, stop rather than hang. */
const SEED_TIME_LIMIT_MS = 10 * 60_000;
const SMALL_STORE = 1_000;
const LARGE_STORE = 1_000_000;
const PROGRESS_EVERY = 50_000;
const TARGET_SUBMISSIONS_PER_VIEW = 1;
const TARGET_P95_GROWTH = 1.5;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The officer whose queue is measured works at the largest service center. */
const QUEUE_CENTER = "lahore";
const QUEUE_TAGS = ["new", "in_review", "search", "filter"] as const;

const BROWSER_HEADERS = { accept: "text/html", "accept-encoding": "gzip", "accept-language": "en" };

type Portal = { baseUrl: string; store: Store; close: () => Promise<void> };

/** Server errors seen during the run (the app logs every 5xx and unhandled error at level error). */
const serverErrors: string[] = [];
/**
 * The 1-minute load average after each measured round. The bench itself keeps about two cores
 * busy; more means other work shared the machine and the absolute figures (not the ratios, taken
 * in turns) suffered from it.
 */
const machineLoad: number[] = [];

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** The newest modification time of the sources the server build is made from. */
function newestSourceTime(): number {
  let newest = 0;
  for (const entry of fs.readdirSync(path.resolve("app"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function loadBuild(): Promise<ServerBuild> {
  const buildPath = path.resolve("build/index.js");
  if (!fs.existsSync(buildPath)) {
    log("no production build: running remix build");
    execFileSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "inherit" });
  } else if (fs.statSync(buildPath).mtimeMs < newestSourceTime()) {
    // Measured as it is, but said: the figures then describe the code of the last build.
    log("WARNING: build/index.js is older than files in app/; run `npm run build` to measure the current code");
  }
  return (await import(pathToFileURL(buildPath).href)) as ServerBuild;
}

/**
 * Logs at info, as in production, so each request pays for its access-log line; the lines go to
 * /dev/null, and errors are also kept for the report.
 */
function createBenchLogger() {
  const errors = new Writable({
    write(chunk, _encoding, done) {
      const line = JSON.parse(String(chunk)) as { msg?: string; err?: { message?: string } };
      serverErrors.push(`${line.msg ?? "error"}${line.err?.message ? `: ${line.err.message}` : ""}`);
      done();
    },
  });
  return pino(
    { level: "info", base: { service: "pscg-bench" } },
    multistream([
      { level: "info", stream: destination({ dest: "/dev/null", sync: true }) },
      { level: "error", stream: errors },
    ]),
  );
}

/** A portal in this process on a store of its own: a SQLite file, or a fresh PostgreSQL database. */
async function startPortal(where: string | "postgres", env: Env, secrets: Secrets, build: ServerBuild): Promise<Portal> {
  const postgres = where === "postgres" ? await freshPostgres("pscg_bench_portal") : null;
  const target: StoreTarget = postgres ? { dialect: "postgres", url: postgres.url } : { dialect: "sqlite", path: where };
  const store = openStore(target);
  await migrateToLatest(store.db);
  await seedReferenceData(store.db);
  const app = createApp({ env, secrets, store, logger: createBenchLogger(), build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve, reject) => server.once("listening", resolve).once("error", reject));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      await postgres?.drop();
    },
  };
}

/** Warm-up: the result is not reported, but a failure still is. */
async function warmUp(name: string, portal: Portal, requests: PlannedRequest[]): Promise<void> {
  const result = summarize([
    await runLoad({ baseUrl: portal.baseUrl, requests, concurrency: CONCURRENCY, timeLimitMs: WARMUP_TIME_LIMIT_MS }),
  ]);
  if (result.failed > 0) log(`warm-up ${name}: ${result.failed} FAILED: ${JSON.stringify(result.failures)}`);
}

type PortalContender = { name: string; portal: Portal; requests: PlannedRequest[] };

/** Measurements in turns (see measureInTurns in load.ts), each described as it ends. */
async function measureInTurnsDescribed(contenders: readonly PortalContender[]): Promise<LoadResult[]> {
  const results = await measureInTurns(
    contenders.map((c) => ({ name: c.name, baseUrl: c.portal.baseUrl, requests: c.requests.slice(0, MEASURED_REQUESTS) })),
    { rounds: ROUNDS, concurrency: CONCURRENCY, timeLimitMs: TIME_LIMIT_MS, afterRound: () => machineLoad.push(os.loadavg()[0]!) },
  );
  contenders.forEach((c, i) => describeLoad(c.name, results[i]!));
  return results;
}

async function measurePairInTurns(a: PortalContender, b: PortalContender): Promise<[LoadResult, LoadResult]> {
  const [first, second] = await measureInTurnsDescribed([a, b]);
  return [first!, second!];
}

/** The same request, `count` times. */
function repeated(count: number, request: PlannedRequest): PlannedRequest[] {
  return Array.from({ length: count }, () => request);
}

function startPageViews(count: number): PlannedRequest[] {
  return repeated(count, {
    method: "GET",
    path: "/en/certificate",
    headers: BROWSER_HEADERS,
    tag: "view",
    expect: { status: 200 },
  });
}

async function submissions(draftKeys: string[]): Promise<PlannedRequest[]> {
  // The draft cookie is unsigned (app/services/draft-session.server.ts): Remix encodes the key, and
  // only the name=value part goes back to the server.
  const cookie = createCookie("pcc_draft", { path: "/", httpOnly: true, sameSite: "lax" });
  const headers = await Promise.all(draftKeys.map(async (key) => (await cookie.serialize(key)).split(";")[0]!));
  return headers.map((value) => ({
    method: "POST",
    path: "/en/certificate/check",
    headers: { ...BROWSER_HEADERS, cookie: value },
    body: "declaration=yes",
    tag: "submit",
    expect: { status: 302, locationPrefix: "/en/certificate/confirmation/" },
  }));
}

/**
 * One lookup per key, alternately a hit and a miss (the right reference with the next day as date
 * of birth): a hit redirects to the status page, a miss renders the form again with a notice.
 */
function trackingLookups(keys: readonly TrackingKey[]): PlannedRequest[] {
  return keys.map((key, i) => {
    const hit = i % 2 === 0;
    const date = new Date(Date.parse(key.dateOfBirth) + (hit ? 0 : DAY_MS));
    const body = new URLSearchParams({
      reference: key.reference,
      dateOfBirthDay: String(date.getUTCDate()),
      dateOfBirthMonth: String(date.getUTCMonth() + 1),
      dateOfBirthYear: String(date.getUTCFullYear()),
    }).toString();
    return {
      method: "POST",
      path: "/en/track",
      headers: BROWSER_HEADERS,
      body,
      tag: hit ? "hit" : "miss",
      expect: hit ? { status: 302, locationPrefix: "/en/track/status" } : { status: 200 },
    };
  });
}

function shuffled<T>(list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function describeLoad(name: string, result: LoadResult): void {
  const { p50, p95, p99 } = result.latencyMs;
  const failures = result.failed > 0 ? `, FAILED ${result.failed}: ${JSON.stringify(result.failures)}` : "";
  log(
    `${name}: ${result.ok}/${result.planned} ok in ${(result.elapsedMs / 1000).toFixed(2)} s = ${result.okPerSecond.toFixed(0)}/s; p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${failures}`,
  );
}

function describeDurability(d: Durability): string {
  return `journal_mode=${d.journalMode}, synchronous=${SYNCHRONOUS_NAMES[d.synchronous] ?? d.synchronous}`;
}

/** What makes a commit durable on this store, as the store itself reports it. */
async function describeStoreDurability(store: Store): Promise<string> {
  if (store.dialect === "sqlite") return describeDurability(await readDurability(store.db));
  const show = async (setting: "synchronous_commit" | "fsync") =>
    (await sql<Record<string, string>>`SELECT current_setting(${setting}) AS value`.execute(store.db)).rows[0]?.value ?? "unknown";
  return `PostgreSQL synchronous_commit=${await show("synchronous_commit")}, fsync=${await show("fsync")}`;
}

type SubmitReport = { views: LoadResult; submissions: LoadResult; ratio: number; durability: string; storeCheck: string };

async function benchSubmissions(file: string, env: Env, secrets: Secrets, build: ServerBuild): Promise<SubmitReport> {
  const portal = await startPortal(file, env, secrets, build);
  try {
    log(`preparing ${(WARMUP_REQUESTS + MEASURED_REQUESTS).toLocaleString("en")} complete drafts with 4 documents each`);
    const keys = await seedCompleteDrafts(portal.store.db, secrets.documentKey, WARMUP_REQUESTS + MEASURED_REQUESTS);
    const plan = await submissions(keys);
    const durability = await describeStoreDurability(portal.store);
    log(`submissions store: ${durability}; warming up, then ${ROUNDS} rounds each in turns`);
    await warmUp("views", portal, startPageViews(WARMUP_REQUESTS));
    await warmUp("submissions", portal, plan.slice(0, WARMUP_REQUESTS));
    const [views, submitted] = await measurePairInTurns(
      { name: "GET /en/certificate", portal, requests: startPageViews(MEASURED_REQUESTS) },
      { name: "POST /en/certificate/check", portal, requests: plan.slice(WARMUP_REQUESTS) },
    );

    // Each submission must have left its rows behind: the measurement counts real, durable work.
    const count = async (table: "application" | "audit_event" | "mail_outbox") =>
      Number(
        (
          await portal.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [applications, audits, mails] = [await count("application"), await count("audit_event"), await count("mail_outbox")];
    const consistent = applications === audits && audits === mails && applications >= submitted.ok;
    const storeCheck = `${applications} applications, ${audits} audit events, ${mails} receipt mails after ${submitted.ok} measured and ${WARMUP_REQUESTS} warm-up submissions${consistent ? "" : " (MISMATCH)"}`;
    log(`store check: ${storeCheck}`);
    return { views, submissions: submitted, ratio: submitted.okPerSecond / views.okPerSecond, durability, storeCheck };
  } finally {
    await portal.close();
  }
}

/** What a reporter typed on each page, as the check page's sealed state carries it. */
const BENCH_REPORT_PAGES = {
  danger: { someoneInDanger: "no" },
  how: { channel: "whatsapp" },
  agent: { phones: "+92 300 1234567\n0300-7654321", profiles: "https://www.tiktok.com/@bench.agent", names: "Bench", office: "" },
  offer: {
    fromCountry: "PK",
    toCountry: "IT",
    via1: "Iran",
    via2: "Türkiye",
    via3: "Libya",
    transport: "sea",
    promise: "",
    peopleOffered: "12",
  },
  money: { amountAsked: "8000", currency: "EUR", paymentMethods: "hawala,guarantor", paid: "no" },
  when: { whenMonth: "3", whenYear: "2026", country: "GR", city: "Athens", homeDistrict: "", details: "Met at a café near Omonia." },
  evidence: {},
  contact: { contactWanted: "no" },
};

/**
 * Complete report journeys, each sealed as its check page carries it, each with its own journey id.
 * Agents come in threes, as in the investigator bench: every third report names the same number as
 * the two before it (so filing links it to them), and each names a number and a profile of its own.
 */
function reportSubmissions(secrets: Secrets, count: number): PlannedRequest[] {
  const context = { sessionSecret: secrets.sessionSecret } as AppLoadContext;
  return Array.from({ length: count }, (_, i) => {
    const agent = {
      ...BENCH_REPORT_PAGES.agent,
      phones: `${groupPhone(Math.floor(i / 3))}\n0300-${String(2_000_000 + i).slice(-7)}`,
      profiles: `https://www.tiktok.com/@bench.agent.${i}`,
    };
    const state = sealReportJourney(context, { ...newReportJourney(), pages: { ...BENCH_REPORT_PAGES, agent } });
    const body = new URLSearchParams({ state, screen: "check", intent: "submit" }).toString();
    return { method: "POST", path: "/en/report", headers: BROWSER_HEADERS, body, tag: "report", expect: { status: 200 } };
  });
}

function reportStartViews(count: number): PlannedRequest[] {
  return repeated(count, {
    method: "GET",
    path: "/en/report",
    headers: BROWSER_HEADERS,
    tag: "view",
    expect: { status: 200 },
  });
}

/**
 * "Start now" posted: a fresh journey sealed into the first page's form, no store, no answers.
 * The cheapest POST that answers with a page: what any POST rendering its answer can reach.
 */
function reportStartPosts(count: number): PlannedRequest[] {
  return repeated(count, {
    method: "POST",
    path: "/en/report",
    headers: BROWSER_HEADERS,
    body: "intent=start",
    tag: "start",
    expect: { status: 200 },
  });
}

type ReportSubmitReport = {
  views: LoadResult;
  reports: LoadResult;
  ratio: number;
  /** A POST that only renders the first page, against the same views: the ceiling of `ratio`. */
  startPosts: LoadResult;
  ceiling: number;
  storeCheck: string;
};

async function benchReports(file: string, env: Env, secrets: Secrets, build: ServerBuild): Promise<ReportSubmitReport> {
  const portal = await startPortal(file, env, secrets, build);
  try {
    const plan = reportSubmissions(secrets, WARMUP_REQUESTS + MEASURED_REQUESTS);
    await warmUp("report views", portal, reportStartViews(WARMUP_REQUESTS));
    await warmUp("reports", portal, plan.slice(0, WARMUP_REQUESTS));
    await warmUp("report start posts", portal, reportStartPosts(WARMUP_REQUESTS));
    const [views, reports, startPosts] = (await measureInTurnsDescribed([
      { name: "GET /en/report", portal, requests: reportStartViews(MEASURED_REQUESTS) },
      { name: "POST /en/report (send)", portal, requests: plan.slice(WARMUP_REQUESTS) },
      { name: "POST /en/report (start: a render, no store)", portal, requests: reportStartPosts(MEASURED_REQUESTS) },
    ])) as [LoadResult, LoadResult, LoadResult];
    // Every 200 must be a report filed, not a page that only looks like one.
    const count = async (table: "report" | "report_identifier") =>
      Number(
        (
          await portal.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [filed, identifiers] = [await count("report"), await count("report_identifier")];
    const consistent = filed === reports.ok + WARMUP_REQUESTS && identifiers === filed * 3;
    const storeCheck = `${filed} reports with ${identifiers} identifiers after ${reports.ok} measured and ${WARMUP_REQUESTS} warm-up reports${consistent ? "" : " (MISMATCH)"}`;
    log(`report store check: ${storeCheck}`);
    const ceiling = startPosts.okPerSecond / views.okPerSecond;
    return { views, reports, ratio: reports.okPerSecond / views.okPerSecond, startPosts, ceiling, storeCheck };
  } finally {
    await portal.close();
  }
}

/** The two stores the tracking and queue measurements share: a thousand and a million applications. */
type Stores = { small: Portal; large: Portal; seedSeconds: number; durability: string };

async function prepareStores(dir: string, env: Env, secrets: Secrets, build: ServerBuild): Promise<Stores> {
  const small = await startPortal(path.join(dir, "stores-1k.sqlite"), env, secrets, build);
  const large = await startPortal(path.join(dir, "stores-1m.sqlite"), env, secrets, build);
  try {
    await seedApplications(small.store.db, SMALL_STORE, { caseworkers: await seedCaseworkers(small.store.db) });
    const caseworkers: Caseworkers = await seedCaseworkers(large.store.db);
    log(`seeding ${LARGE_STORE.toLocaleString("en")} applications with synchronous=OFF (bulk load only)`);
    const seedStarted = performance.now();
    const { after } = await withFastBulkLoad(large.store.db, () =>
      seedApplications(large.store.db, LARGE_STORE, {
        caseworkers,
        rowsPerTransaction: PROGRESS_EVERY,
        timeLimitMs: SEED_TIME_LIMIT_MS,
        onProgress: (inserted, ms) =>
          log(`  ${inserted.toLocaleString("en")} applications (${Math.round(inserted / (ms / 1000)).toLocaleString("en")} rows/s)`),
      }),
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const durability = describeDurability(after);
    log(`seeded in ${seedSeconds.toFixed(0)} s; WAL checkpointed; restored ${durability} before measuring`);
    const smallDurability = describeDurability(await readDurability(small.store.db));
    if (smallDurability !== durability) log(`WARNING: the stores differ: ${smallDurability} at 1k, ${durability} at 1M`);
    return { small, large, seedSeconds, durability };
  } catch (error) {
    await small.close();
    await large.close();
    throw error;
  }
}

type TrackingReport = { small: LoadResult; large: LoadResult; ratio: number };

async function benchTracking({ small, large }: Stores): Promise<TrackingReport> {
  // At a thousand every application is looked up twice; at a million, distinct applications drawn
  // from the whole table, apart from those used to warm up.
  const smallKeys = await sampleTrackingKeys(small.store.db, SMALL_STORE);
  const smallPlan = trackingLookups(shuffled([...smallKeys, ...smallKeys]));
  const largeKeys = await sampleTrackingKeys(large.store.db, WARMUP_REQUESTS + MEASURED_REQUESTS);
  await warmUp("lookups at 1k", small, trackingLookups(shuffled(smallKeys).slice(0, WARMUP_REQUESTS)));
  await warmUp("lookups at 1M", large, trackingLookups(largeKeys.slice(0, WARMUP_REQUESTS)));
  const [atSmall, atLarge] = await measurePairInTurns(
    { name: `POST /en/track, ${SMALL_STORE.toLocaleString("en")} applications`, portal: small, requests: smallPlan },
    {
      name: `POST /en/track, ${LARGE_STORE.toLocaleString("en")} applications`,
      portal: large,
      requests: trackingLookups(largeKeys.slice(WARMUP_REQUESTS)),
    },
  );
  return { small: atSmall, large: atLarge, ratio: atLarge.latencyMs.p95 / atSmall.latencyMs.p95 };
}

/** What the measured officer's queue holds, for the report: cases per tab at their center. */
type QueueShape = { newCases: number; inReview: number };

type QueueReport = { small: LoadResult; large: LoadResult; ratio: number; shape: { small: QueueShape; large: QueueShape } };

/** A staff member with a full session, as after signing in with the second factor; returns the cookie. */
async function signedInStaff(portal: Portal, role: "officer" | "supervisor" | "investigator"): Promise<string> {
  const id = await portal.store.db.transaction().execute((trx) =>
    insertStaffUser(trx, {
      email: `bench.${role}.${Date.now()}@police.example.pk`,
      displayName: `Bench ${role}`,
      passwordHash: null,
      role,
      // The measured officer (and supervisor) works at QUEUE_CENTER; investigators belong to no center.
      centerSlug: role === "investigator" ? null : QUEUE_CENTER,
    }),
  );
  const { token } = await insertStaffSession(portal.store.db, id, "full");
  return `pscg_staff=${token}`;
}

async function queueShape(portal: Portal): Promise<QueueShape> {
  const count = async (status: "submitted" | "in_review") =>
    Number(
      (
        await portal.store.db
          .selectFrom("application")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("center_slug", "=", QUEUE_CENTER)
          .where("status", "=", status)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { newCases: await count("submitted"), inReview: await count("in_review") };
}

/**
 * Queue pages in a fixed rotation (new tab, in-review tab, a name search, a destination filter),
 * so every round holds each kind alike. Searches are for applicants really in the new tab, typed as
 * an officer would: the first name and the start of the family name ("Fatima Mal").
 */
async function queueViews(portal: Portal, cookie: string, count: number): Promise<PlannedRequest[]> {
  const names = (
    await portal.store.db
      .selectFrom("application")
      .select("full_name")
      .where("center_slug", "=", QUEUE_CENTER)
      .where("status", "=", "submitted")
      .orderBy(sql`random()`)
      .limit(Math.ceil(count / QUEUE_TAGS.length))
      .execute()
  ).map((r) => {
    const [first, family = ""] = r.full_name.split(" ");
    return `${first} ${family.slice(0, 3)}`;
  });
  const headers = { ...BROWSER_HEADERS, cookie };
  return Array.from({ length: count }, (_, i) => {
    const tag = QUEUE_TAGS[i % QUEUE_TAGS.length]!;
    const turn = Math.floor(i / QUEUE_TAGS.length);
    const query =
      tag === "new"
        ? "tab=new"
        : tag === "in_review"
          ? "tab=in_review"
          : tag === "search"
            ? `tab=new&q=${encodeURIComponent(names[turn % names.length]!)}`
            : `tab=new&destination=${BENCH_DESTINATIONS[turn % BENCH_DESTINATIONS.length]}`;
    return { method: "GET", path: `/staff/queue?${query}`, headers, tag, expect: { status: 200 } };
  });
}

async function benchQueue({ small, large }: Stores): Promise<QueueReport> {
  const shape = { small: await queueShape(small), large: await queueShape(large) };
  const describe = (s: QueueShape) => `${s.newCases.toLocaleString("en")} new, ${s.inReview.toLocaleString("en")} in review`;
  log(`queue of ${QUEUE_CENTER}: ${describe(shape.small)} at 1k; ${describe(shape.large)} at 1M`);
  const [smallCookie, largeCookie] = [await signedInStaff(small, "officer"), await signedInStaff(large, "officer")];
  await warmUp("queue at 1k", small, await queueViews(small, smallCookie, WARMUP_REQUESTS));
  await warmUp("queue at 1M", large, await queueViews(large, largeCookie, WARMUP_REQUESTS));
  const [atSmall, atLarge] = await measurePairInTurns(
    {
      name: `GET /staff/queue, ${SMALL_STORE.toLocaleString("en")} applications`,
      portal: small,
      requests: await queueViews(small, smallCookie, MEASURED_REQUESTS),
    },
    {
      name: `GET /staff/queue, ${LARGE_STORE.toLocaleString("en")} applications`,
      portal: large,
      requests: await queueViews(large, largeCookie, MEASURED_REQUESTS),
    },
  );
  return { small: atSmall, large: atLarge, ratio: atLarge.latencyMs.p95 / atSmall.latencyMs.p95, shape };
}

const INVESTIGATOR_TAGS = ["new", "triaged", "clustered", "search", "cluster"] as const;

type InvestigatorReport = { small: LoadResult; large: LoadResult; ratio: number; seedSeconds: number };

/**
 * Investigator pages in a fixed rotation: two tabs, a cluster-size filter, a search by a group's
 * number typed in local form ("0300…", read with Pakistan as a Pakistani number would be), and the
 * cluster page of a report drawn from the whole table.
 */
async function investigatorViews(portal: Portal, cookie: string, count: number, groups: number): Promise<PlannedRequest[]> {
  const ids = (
    await portal.store.db
      .selectFrom("report")
      .select("id")
      .orderBy(sql`random()`)
      .limit(Math.ceil(count / INVESTIGATOR_TAGS.length))
      .execute()
  ).map((r) => r.id);
  const headers = { ...BROWSER_HEADERS, cookie };
  return Array.from({ length: count }, (_, i) => {
    const tag = INVESTIGATOR_TAGS[i % INVESTIGATOR_TAGS.length]!;
    const turn = Math.floor(i / INVESTIGATOR_TAGS.length);
    const local = `0${groupPhone((turn * 7919) % groups).slice(3)}`;
    const pathFor: Record<(typeof INVESTIGATOR_TAGS)[number], string> = {
      new: "/staff/reports?tab=new",
      triaged: "/staff/reports?tab=triaged",
      clustered: "/staff/reports?tab=new&cluster=3",
      search: `/staff/reports?tab=new&q=${encodeURIComponent(local)}`,
      cluster: `/staff/reports/${ids[turn % ids.length]}/cluster`,
    };
    return { method: "GET", path: pathFor[tag], headers, tag, expect: { status: 200 } };
  });
}

async function benchInvestigator(dir: string, env: Env, secrets: Secrets, build: ServerBuild): Promise<InvestigatorReport> {
  const small = await startPortal(path.join(dir, "reports-1k.sqlite"), env, secrets, build);
  const large = await startPortal(path.join(dir, "reports-1m.sqlite"), env, secrets, build);
  try {
    const smallSeed = await seedReports(small.store.db, SMALL_STORE);
    log(`seeding ${LARGE_STORE.toLocaleString("en")} reports with synchronous=OFF (bulk load only)`);
    const seedStarted = performance.now();
    const { result: largeSeed } = await withFastBulkLoad(large.store.db, () =>
      seedReports(large.store.db, LARGE_STORE, {
        rowsPerTransaction: PROGRESS_EVERY * 4,
        onProgress: (inserted, ms) =>
          log(`  ${inserted.toLocaleString("en")} reports (${Math.round(inserted / (ms / 1000)).toLocaleString("en")} rows/s)`),
      }),
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`seeded in ${seedSeconds.toFixed(0)} s (${largeSeed.groups.toLocaleString("en")} agents' numbers)`);
    const [smallCookie, largeCookie] = [await signedInStaff(small, "investigator"), await signedInStaff(large, "investigator")];
    await warmUp("investigator pages at 1k", small, await investigatorViews(small, smallCookie, WARMUP_REQUESTS, smallSeed.groups));
    await warmUp("investigator pages at 1M", large, await investigatorViews(large, largeCookie, WARMUP_REQUESTS, largeSeed.groups));
    const [atSmall, atLarge] = await measurePairInTurns(
      {
        name: `GET /staff/reports…, ${SMALL_STORE.toLocaleString("en")} reports`,
        portal: small,
        requests: await investigatorViews(small, smallCookie, MEASURED_REQUESTS, smallSeed.groups),
      },
      {
        name: `GET /staff/reports…, ${LARGE_STORE.toLocaleString("en")} reports`,
        portal: large,
        requests: await investigatorViews(large, largeCookie, MEASURED_REQUESTS, largeSeed.groups),
      },
    );
    return { small: atSmall, large: atLarge, ratio: atLarge.latencyMs.p95 / atSmall.latencyMs.p95, seedSeconds };
  } finally {
    await small.close();
    await large.close();
  }
}

/** The investigator figures as lines of text, with the ratio for each kind of page. */
function investigatorLines(result: InvestigatorReport): string[] {
  const byKind = INVESTIGATOR_TAGS.map((tag) => {
    const [a, b] = [result.small.byTag[tag]?.latencyMs.p95, result.large.byTag[tag]?.latencyMs.p95];
    return `${tag} ${a && b ? (b / a).toFixed(2) : "n/a"}`;
  }).join(", ");
  return [
    `Investigator pages p95, ${SMALL_STORE.toLocaleString("en")} reports: ${result.small.latencyMs.p95.toFixed(1)} ms (${result.small.okPerSecond.toFixed(0)} pages/s)`,
    `Investigator pages p95, ${LARGE_STORE.toLocaleString("en")} reports: ${result.large.latencyMs.p95.toFixed(1)} ms (${result.large.okPerSecond.toFixed(0)} pages/s)`,
    `Investigator p95 ratio (1M ÷ 1k): ${result.ratio.toFixed(2)}, target ≤ ${TARGET_P95_GROWTH.toFixed(2)}: ${verdict(result.ratio <= TARGET_P95_GROWTH)}; by kind: ${byKind}; 1-min load average ${Math.min(...machineLoad).toFixed(1)}–${Math.max(...machineLoad).toFixed(1)} on ${os.cpus().length} cores; seeding 1M took ${result.seedSeconds.toFixed(0)} s`,
  ];
}

const DASHBOARD_TAGS = ["default", "month", "year_ago"] as const;

type DashboardReport = { small: LoadResult; large: LoadResult; ratio: number; seedSeconds: number };

/**
 * The bench's applications are bulk rows, written around the models that keep the dashboard's
 * counts: count them from scratch, as after any such load. They have no certificates either, so
 * the issued and collected ones are given the issue-day counts their certificates would have made
 * (3 to 20 days after submission, drawn from the id so that both stores draw alike).
 */
async function prepareDashboardCounts(portal: Portal): Promise<void> {
  await rebuildDashboardCounts(portal.store.db);
  await sql`INSERT INTO dashboard_count (dimension, day, value, n)
    SELECT 'issue_days', date(submitted_at, '+' || took || ' days'), CAST(took AS TEXT), count(*)
    FROM (SELECT submitted_at, (unicode(substr(id, 1, 1)) % 18) + 3 AS took FROM application WHERE status IN ('issued', 'collected'))
    GROUP BY 2, 3`.execute(portal.store.db);
}

/** Dashboard views in a fixed rotation: the default twelve weeks, the last four, twelve weeks a year ago. */
function dashboardViews(cookie: string, count: number): PlannedRequest[] {
  const today = new Date().toISOString().slice(0, 10);
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
  const pathFor: Record<(typeof DASHBOARD_TAGS)[number], string> = {
    default: "/staff/dashboard",
    month: `/staff/dashboard?from=${daysAgo(27)}&to=${today}`,
    year_ago: `/staff/dashboard?from=${daysAgo(365 + 83)}&to=${daysAgo(365)}`,
  };
  const headers = { ...BROWSER_HEADERS, cookie };
  return Array.from({ length: count }, (_, i) => {
    const tag = DASHBOARD_TAGS[i % DASHBOARD_TAGS.length]!;
    return { method: "GET", path: pathFor[tag], headers, tag, expect: { status: 200 } };
  });
}

async function benchDashboard(stores: Stores): Promise<DashboardReport> {
  const { small, large } = stores;
  const counted = performance.now();
  await prepareDashboardCounts(small);
  await withFastBulkLoad(large.store.db, () => prepareDashboardCounts(large));
  log(`dashboard counts made from scratch in ${((performance.now() - counted) / 1000).toFixed(0)} s`);
  const [smallCookie, largeCookie] = [await signedInStaff(small, "supervisor"), await signedInStaff(large, "supervisor")];
  await warmUp("dashboard at 1k", small, dashboardViews(smallCookie, WARMUP_REQUESTS));
  await warmUp("dashboard at 1M", large, dashboardViews(largeCookie, WARMUP_REQUESTS));
  const [atSmall, atLarge] = await measurePairInTurns(
    {
      name: `GET /staff/dashboard, ${SMALL_STORE.toLocaleString("en")} applications`,
      portal: small,
      requests: dashboardViews(smallCookie, MEASURED_REQUESTS),
    },
    {
      name: `GET /staff/dashboard, ${LARGE_STORE.toLocaleString("en")} applications`,
      portal: large,
      requests: dashboardViews(largeCookie, MEASURED_REQUESTS),
    },
  );
  return { small: atSmall, large: atLarge, ratio: atLarge.latencyMs.p95 / atSmall.latencyMs.p95, seedSeconds: stores.seedSeconds };
}

/** The dashboard figures as lines of text, with the ratio for each period. */
function dashboardLines(result: DashboardReport): string[] {
  const byKind = DASHBOARD_TAGS.map((tag) => {
    const [a, b] = [result.small.byTag[tag]?.latencyMs.p95, result.large.byTag[tag]?.latencyMs.p95];
    return `${tag.replace("_", " ")} ${a && b ? (b / a).toFixed(2) : "n/a"}`;
  }).join(", ");
  return [
    `Dashboard p95, ${SMALL_STORE.toLocaleString("en")} applications: ${result.small.latencyMs.p95.toFixed(1)} ms (${result.small.okPerSecond.toFixed(0)} pages/s)`,
    `Dashboard p95, ${LARGE_STORE.toLocaleString("en")} applications: ${result.large.latencyMs.p95.toFixed(1)} ms (${result.large.okPerSecond.toFixed(0)} pages/s)`,
    `Dashboard p95 ratio (1M ÷ 1k): ${result.ratio.toFixed(2)}, target ≤ ${TARGET_P95_GROWTH.toFixed(2)}: ${verdict(result.ratio <= TARGET_P95_GROWTH)}; by period: ${byKind}; 1-min load average ${Math.min(...machineLoad).toFixed(1)}–${Math.max(...machineLoad).toFixed(1)} on ${os.cpus().length} cores; seeding 1M took ${result.seedSeconds.toFixed(0)} s`,
  ];
}

type PosterReport = { renders: number; p50Ms: number; p95Ms: number; bytes: number; loadAverage: number };

/**
 * The embassy poster's PDF (Urdu shaped by HarfBuzz, the Nastaliq font embedded whole, two QR
 * codes), rendered in this process one after another: what an embassy waits for on "download".
 * The first render, which loads HarfBuzz and the fonts, is reported apart.
 */
async function benchPoster(): Promise<PosterReport & { firstMs: number }> {
  const input = {
    localLang: "el" as const,
    names: {
      en: "Embassy of Pakistan, Athens",
      ur: "سفارت خانہ پاکستان، ایتھنز",
      el: "Πρεσβεία του Πακιστάν, Αθήνα",
      it: "Ambasciata del Pakistan, Atene",
    },
    referralCode: "ATHENS",
    publicUrl: "https://portal.example",
  };
  let started = performance.now();
  let bytes = (await renderPosterPdf(input)).length;
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    started = performance.now();
    bytes = (await renderPosterPdf(input)).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const report = { renders: times.length, p50Ms: at(0.5), p95Ms: at(0.95), bytes, loadAverage: os.loadavg()[0]!, firstMs };
  log(
    `poster PDF: first ${firstMs.toFixed(0)} ms, then p50 ${report.p50Ms.toFixed(0)} ms, p95 ${report.p95Ms.toFixed(0)} ms over ${times.length} renders, ${(bytes / 1024).toFixed(0)} KB`,
  );
  return report;
}

function posterLine(poster: PosterReport & { firstMs: number }): string {
  return `Poster PDF render (Athens, Greek + Urdu): first ${poster.firstMs.toFixed(0)} ms (loads HarfBuzz and fonts), then p50 ${poster.p50Ms.toFixed(0)} ms, p95 ${poster.p95Ms.toFixed(0)} ms over ${poster.renders} renders; ${(poster.bytes / 1024).toFixed(0)} KB (Nastaliq embedded whole); no target set; 1-min load average ${poster.loadAverage.toFixed(1)} on ${os.cpus().length} cores.`;
}

/**
 * One measurement alone (`npm run bench -- --only=…`), on fresh stores in a temporary directory:
 * its lines, then the failed requests and server errors, which also fail the run.
 */
async function runAlone(
  measure: (dir: string, env: Env, build: ServerBuild) => Promise<{ lines: string[]; failed: number }>,
): Promise<void> {
  const build = await loadBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-bench-data-"));
  try {
    const env = parseEnv({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "info", RATE_LIMITS: "false" });
    const { lines, failed } = await measure(dir, env, build);
    console.log(`\n${lines.join("\n")}`);
    console.log(
      `Failed requests: ${failed}; server errors: ${serverErrors.length}${serverErrors.length ? ` (first: ${serverErrors[0]})` : ""}.`,
    );
    if (failed > 0 || serverErrors.length > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- --only=dashboard`: the dashboard measurement alone, on the application stores. */
const benchDashboardAlone = () =>
  runAlone(async (dir, env, build) => {
    const stores = await prepareStores(dir, env, resolveSecrets(env), build);
    try {
      const result = await benchDashboard(stores);
      return { lines: dashboardLines(result), failed: result.small.failed + result.large.failed };
    } finally {
      await stores.small.close();
      await stores.large.close();
    }
  });

/** `npm run bench -- --only=investigator`: the investigator measurement alone, in a few minutes. */
const benchInvestigatorAlone = () =>
  runAlone(async (dir, env, build) => {
    const result = await benchInvestigator(dir, env, resolveSecrets(env), build);
    return { lines: investigatorLines(result), failed: result.small.failed + result.large.failed };
  });

const verdict = (met: boolean) => (met ? "met" : "MISSED");

/** The ratio for each kind of queue page, to show which one moves the overall p95. */
function queueRatios(queue: QueueReport): string {
  return QUEUE_TAGS.map((tag) => {
    const [small, large] = [queue.small.byTag[tag]?.latencyMs.p95, queue.large.byTag[tag]?.latencyMs.p95];
    return `${tag.replace("_", " ")} ${small && large ? (large / small).toFixed(2) : "-"}`;
  }).join(", ");
}

function report(
  submit: SubmitReport,
  reports: ReportSubmitReport,
  stores: Stores,
  tracking: TrackingReport,
  queue: QueueReport,
  totalSeconds: number,
): { text: string; markdown: string } {
  const perSecond = (r: LoadResult) => `${r.okPerSecond.toFixed(0)}/s`;
  const p95 = (r: LoadResult) => `${r.latencyMs.p95.toFixed(1)} ms`;
  const p95Split = (r: LoadResult) =>
    `hits ${r.byTag.hit?.latencyMs.p95.toFixed(1) ?? "-"} ms, misses ${r.byTag.miss?.latencyMs.p95.toFixed(1) ?? "-"} ms`;
  const submitMet = submit.ratio >= TARGET_SUBMISSIONS_PER_VIEW;
  const trackMet = tracking.ratio <= TARGET_P95_GROWTH;
  const queueMet = queue.ratio <= TARGET_P95_GROWTH;
  const p95Queue = (r: LoadResult) =>
    QUEUE_TAGS.map((tag) => `${tag.replace("_", " ")} ${r.byTag[tag]?.latencyMs.p95.toFixed(1) ?? "-"}`).join(", ") + " ms";
  const shape = (s: QueueShape) =>
    `${s.newCases.toLocaleString("en")} new / ${s.inReview.toLocaleString("en")} in review at ${QUEUE_CENTER}`;
  const rows: [string, string, string][] = [
    ["Submissions/s (POST /en/certificate/check → 302)", perSecond(submit.submissions), `p95 ${p95(submit.submissions)}`],
    ["Start page views/s (GET /en/certificate)", perSecond(submit.views), `p95 ${p95(submit.views)}`],
    ["Submissions ÷ views", submit.ratio.toFixed(2), `target ≥ ${TARGET_SUBMISSIONS_PER_VIEW.toFixed(2)}: ${verdict(submitMet)}`],
    ["Reports sent/s (POST /en/report from check answers)", perSecond(reports.reports), `p95 ${p95(reports.reports)}`],
    ["Report start page views/s (GET /en/report)", perSecond(reports.views), `p95 ${p95(reports.views)}`],
    [
      "Reports ÷ views",
      reports.ratio.toFixed(2),
      `target ≥ ${TARGET_SUBMISSIONS_PER_VIEW.toFixed(2)}: ${verdict(reports.ratio >= TARGET_SUBMISSIONS_PER_VIEW)}`,
    ],
    ["Report start posts ÷ views (a render, no store)", reports.ceiling.toFixed(2), "the most any POST that answers with a page reaches"],
    [`Tracking p95, ${SMALL_STORE.toLocaleString("en")} applications`, p95(tracking.small), p95Split(tracking.small)],
    [`Tracking p95, ${LARGE_STORE.toLocaleString("en")} applications`, p95(tracking.large), p95Split(tracking.large)],
    ["Tracking p95 ratio (1M ÷ 1k)", tracking.ratio.toFixed(2), `target ≤ ${TARGET_P95_GROWTH.toFixed(2)}: ${verdict(trackMet)}`],
    [
      `Queue p95, ${SMALL_STORE.toLocaleString("en")} applications (GET /staff/queue)`,
      p95(queue.small),
      `${p95Queue(queue.small)}; ${shape(queue.shape.small)}`,
    ],
    [
      `Queue p95, ${LARGE_STORE.toLocaleString("en")} applications (GET /staff/queue)`,
      p95(queue.large),
      `${p95Queue(queue.large)}; ${shape(queue.shape.large)}`,
    ],
    [
      "Queue p95 ratio (1M ÷ 1k)",
      queue.ratio.toFixed(2),
      `target ≤ ${TARGET_P95_GROWTH.toFixed(2)}: ${verdict(queueMet)}; by kind: ${queueRatios(queue)}; pages/s ${perSecond(queue.small)} at 1k, ${perSecond(queue.large)} at 1M`,
    ],
    ["Total run time", `${totalSeconds.toFixed(0)} s`, `seeding 1M: ${stores.seedSeconds.toFixed(0)} s`],
    [
      "1-min load average while measuring",
      `${Math.min(...machineLoad).toFixed(1)}–${Math.max(...machineLoad).toFixed(1)}`,
      `${os.cpus().length} cores; the bench alone makes about 2`,
    ],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ");
  const text = [line(["Measure", "Value", "Notes"]), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} on Node ${process.versions.node}, ${os.cpus().length} cores, SQLite WAL + synchronous=FULL, ${CONCURRENCY} concurrent requests, ${MEASURED_REQUESTS.toLocaleString("en")} per measurement taken in ${ROUNDS} alternating rounds:`,
    "",
    "| Measure | Value | Notes |",
    "|---|---:|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
  return { text, markdown };
}

/**
 * `npm run bench -- --db=postgres`: the runtime figures above, then the two write ratios
 * (certificate submissions and reports against their start pages), each on a fresh PostgreSQL
 * database. The million-row read measurements stay on SQLite: their bulk load is SQLite's.
 */
async function benchWritesOnPostgres(runtime: { figures: Record<string, unknown> }): Promise<void> {
  const build = await loadBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-bench-data-"));
  try {
    const env = parseEnv({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "info", RATE_LIMITS: "false" });
    const secrets = resolveSecrets(env);
    const submit = await benchSubmissions("postgres", env, secrets, build);
    const reports = await benchReports("postgres", env, secrets, build);
    const loads = `1-min load average ${Math.min(...machineLoad).toFixed(1)}–${Math.max(...machineLoad).toFixed(1)} on ${os.cpus().length} cores`;
    const line = (name: string, ratio: number) =>
      `${name}: ratio ${ratio.toFixed(2)}, target ≥ ${TARGET_SUBMISSIONS_PER_VIEW.toFixed(2)}: ${verdict(ratio >= TARGET_SUBMISSIONS_PER_VIEW)}`;
    console.log(
      `\nPostgreSQL (${submit.durability}):\n${line(`Submissions/s ${submit.submissions.okPerSecond.toFixed(0)} ÷ start page views/s ${submit.views.okPerSecond.toFixed(0)}`, submit.ratio)}`,
    );
    console.log(
      line(
        `Reports sent/s ${reports.reports.okPerSecond.toFixed(0)} ÷ report start page views/s ${reports.views.okPerSecond.toFixed(0)}`,
        reports.ratio,
      ),
    );
    console.log(ceilingLine(reports));
    console.log(`${loads}. ${loadWarning(machineLoad, os.cpus().length)}`.trim());
    console.log(`Store check: ${submit.storeCheck}; ${reports.storeCheck}.`);
    const failed = submit.views.failed + submit.submissions.failed + reportFailures(reports);
    console.log(`Failed requests: ${failed}; server errors logged: ${serverErrors.length}.`);
    const file = writeBenchResults("postgres", {
      runtime: runtime.figures,
      submissions: { ...submit, target: `ratio >= ${TARGET_SUBMISSIONS_PER_VIEW}`, met: submit.ratio >= TARGET_SUBMISSIONS_PER_VIEW },
      reports: { ...reports, target: `ratio >= ${TARGET_SUBMISSIONS_PER_VIEW}`, met: reports.ratio >= TARGET_SUBMISSIONS_PER_VIEW },
      machineLoad,
      serverErrors,
    });
    console.log(`Results written to ${file}`);
    if (failed > 0 || serverErrors.length > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- --only=submissions [--db=postgres]`: the certificate submission ratio alone, in
 * under a minute, on a fresh SQLite file or PostgreSQL database.
 */
const benchSubmissionsAlone = (dialect: DialectName) =>
  runAlone(async (dir, env, build) => {
    const where = dialect === "postgres" ? "postgres" : path.join(dir, "submissions.sqlite");
    const submit = await benchSubmissions(where, env, resolveSecrets(env), build);
    return {
      lines: [
        `Submissions/s ${submit.submissions.okPerSecond.toFixed(0)} ÷ start page views/s ${submit.views.okPerSecond.toFixed(0)}: ratio ${submit.ratio.toFixed(2)}, target ≥ ${TARGET_SUBMISSIONS_PER_VIEW.toFixed(2)}: ${verdict(submit.ratio >= TARGET_SUBMISSIONS_PER_VIEW)}; 1-min load average ${Math.min(...machineLoad).toFixed(1)}–${Math.max(...machineLoad).toFixed(1)} on ${os.cpus().length} cores. ${loadWarning(machineLoad, os.cpus().length)}`.trim(),
        `Store check: ${submit.storeCheck} (${submit.durability}).`,
      ],
      failed: submit.views.failed + submit.submissions.failed,
    };
  });

const reportFailures = (r: ReportSubmitReport) => r.views.failed + r.reports.failed + r.startPosts.failed;

/** Why the report ratio has a ceiling below 1, measured in the same turns. */
function ceilingLine(r: ReportSubmitReport): string {
  return `Report start posts/s ${r.startPosts.okPerSecond.toFixed(0)} (a POST that only renders the first page, no store) ÷ views: ${r.ceiling.toFixed(2)}, the most a POST that answers with a page reaches; a sent report must answer with its page (no cookie, nothing in the URL).`;
}

/** `npm run bench -- --only=reports [--db=postgres]`: the report measurement alone, in about a minute. */
async function benchReportsAlone(dialect: DialectName): Promise<void> {
  const build = await loadBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-bench-data-"));
  try {
    const env = parseEnv({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "info", RATE_LIMITS: "false" });
    const where = dialect === "postgres" ? "postgres" : path.join(dir, "reports.sqlite");
    const reports = await benchReports(where, env, resolveSecrets(env), build);
    const met = reports.ratio >= TARGET_SUBMISSIONS_PER_VIEW;
    console.log(
      `\nReports sent/s ${reports.reports.okPerSecond.toFixed(0)}, report start page views/s ${reports.views.okPerSecond.toFixed(0)}: ratio ${reports.ratio.toFixed(2)}, target ≥ ${TARGET_SUBMISSIONS_PER_VIEW.toFixed(2)}: ${verdict(met)}; 1-min load average ${Math.min(...machineLoad).toFixed(1)}–${Math.max(...machineLoad).toFixed(1)} on ${os.cpus().length} cores.`,
    );
    console.log(ceilingLine(reports));
    console.log(`Store check: ${reports.storeCheck}; failed requests: ${reportFailures(reports)}; server errors: ${serverErrors.length}.`);
    if (reportFailures(reports) > 0 || serverErrors.length > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // React and Express pick their production code paths from NODE_ENV: without it the render
  // measured would be the development one, several times slower than what users get.
  if (process.env.NODE_ENV !== "production") {
    console.error("Run the bench with NODE_ENV=production (npm run bench sets it).");
    process.exitCode = 1;
    return;
  }
  const args = process.argv.slice(2);
  const dialect: DialectName = args.includes("--db=postgres") ? "postgres" : "sqlite";
  if (args.includes("--only=submissions")) {
    await benchSubmissionsAlone(dialect);
    return;
  }
  if (args.includes("--only=reports")) {
    await benchReportsAlone(dialect);
    return;
  }
  if (args.includes("--only=dashboard")) {
    await benchDashboardAlone();
    return;
  }
  if (args.includes("--only=poster")) {
    console.log(`\n${posterLine(await benchPoster())}`);
    return;
  }
  if (args.includes("--only=investigator")) {
    await benchInvestigatorAlone();
    return;
  }
  // The runtime figures (memory, cold start, the bare route) measure build/server.js from outside.
  const runtime = await benchRuntime(dialect, log);
  console.log(`\nRuntime (${dialect}, node build/server.js):\n${runtimeTable(runtime)}\n`);
  if (args.includes("--only=runtime")) {
    log(`results written to ${writeBenchResults(dialect, { runtime: runtime.figures })}`);
    return;
  }
  if (dialect === "postgres") {
    await benchWritesOnPostgres(runtime);
    return;
  }
  const started = performance.now();
  const build = await loadBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-bench-data-"));
  const keepData = process.env.BENCH_KEEP_DATA === "1";
  try {
    const env = parseEnv({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "info", RATE_LIMITS: "false" });
    const secrets = resolveSecrets(env);
    log(`stores in ${dir}; RATE_LIMITS=false; ${CONCURRENCY} concurrent requests; load from a worker thread`);

    const submit = await benchSubmissions(path.join(dir, "submissions.sqlite"), env, secrets, build);
    const reports = await benchReports(path.join(dir, "reports.sqlite"), env, secrets, build);
    const stores = await prepareStores(dir, env, secrets, build);
    let tracking: TrackingReport;
    let queue: QueueReport;
    let dashboard: DashboardReport;
    try {
      tracking = await benchTracking(stores);
      queue = await benchQueue(stores);
      dashboard = await benchDashboard(stores);
    } finally {
      await stores.small.close();
      await stores.large.close();
    }
    const investigator = await benchInvestigator(dir, env, secrets, build);
    const poster = await benchPoster();
    const totalSeconds = (performance.now() - started) / 1000;

    const { text, markdown } = report(submit, reports, stores, tracking, queue, totalSeconds);
    console.log(`\n${text}\n`);
    const warning = loadWarning(machineLoad, os.cpus().length);
    if (warning) console.log(`${warning}\n`);
    console.log(`${investigatorLines(investigator).join("\n")}\n`);
    console.log(`${dashboardLines(dashboard).join("\n")}\n`);
    console.log(`${posterLine(poster)}\n`);
    console.log(
      `Store during measurements: ${submit.durability} (submissions); ${stores.durability} (tracking and queue, restored after the synchronous=OFF bulk load).`,
    );
    console.log(`Store check: ${submit.storeCheck}; ${reports.storeCheck}.`);
    const failed = [
      submit.views,
      submit.submissions,
      reports.views,
      reports.reports,
      reports.startPosts,
      tracking.small,
      tracking.large,
      queue.small,
      queue.large,
      investigator.small,
      investigator.large,
      dashboard.small,
      dashboard.large,
    ].reduce((n, r) => n + r.failed, 0);
    console.log(
      `Failed requests: ${failed}; server errors logged: ${serverErrors.length}${serverErrors.length ? ` (first: ${serverErrors[0]})` : ""}.`,
    );
    console.log(`\nFor the README:\n\n${markdown}\n`);
    const file = writeBenchResults("sqlite", {
      runtime: runtime.figures,
      concurrency: CONCURRENCY,
      requestsPerMeasurement: MEASURED_REQUESTS,
      submissions: { ...submit, target: `ratio >= ${TARGET_SUBMISSIONS_PER_VIEW}`, met: submit.ratio >= TARGET_SUBMISSIONS_PER_VIEW },
      reports: { ...reports, target: `ratio >= ${TARGET_SUBMISSIONS_PER_VIEW}`, met: reports.ratio >= TARGET_SUBMISSIONS_PER_VIEW },
      stores: { seedSeconds: stores.seedSeconds, durability: stores.durability },
      poster,
      tracking: { ...tracking, target: `ratio <= ${TARGET_P95_GROWTH}`, met: tracking.ratio <= TARGET_P95_GROWTH },
      queue: { ...queue, target: `ratio <= ${TARGET_P95_GROWTH}`, met: queue.ratio <= TARGET_P95_GROWTH },
      investigator: { ...investigator, target: `ratio <= ${TARGET_P95_GROWTH}`, met: investigator.ratio <= TARGET_P95_GROWTH },
      dashboard: { ...dashboard, target: `ratio <= ${TARGET_P95_GROWTH}`, met: dashboard.ratio <= TARGET_P95_GROWTH },
      serverErrors,
      machineLoad,
      totalSeconds,
    });
    console.log(`Results written to ${file}`);
    // A bench whose requests failed measured something else: make that impossible to miss.
    if (failed > 0 || serverErrors.length > 0) process.exitCode = 1;
  } finally {
    if (keepData) log(`stores kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
