/**
 * Property-based fuzzing of form actions (decision 045): the production build's Remix request
 * handler called in-process (no socket: a run costs about 2 ms, not 4), a change probe that counts
 * the rows every INSERT, UPDATE and DELETE touched, committed, per table, and the arbitraries the
 * fuzz files share. The Express layer in front (methods, Content-Types, body limits, Origin) gets
 * its own requests through the real app in `transportCases`.
 */
import { randomUUID } from "node:crypto";
import SQLite from "better-sqlite3";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { sql } from "kysely";
import { pino } from "pino";
import { Writable } from "node:stream";
import { expect, it } from "vitest";
import type { Role } from "~/domain/permissions";
import { insertStaffSession } from "~/models/staff-session.server";
import { confirmTotpSecret, newTotpSecret, sealTotpSecret } from "~/models/staff-totp.server";
import { insertStaffUser } from "~/models/staff-user.server";
import { BODY_LIMITS, isUploadPath } from "../../server/app";
import { rawRequest, startTestServer, type TestServer } from "./app-server";

/** Fixed, so a failure replays exactly; FUZZ_SEED overrides it to explore further. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 45_2026);
/** The issue asks for at least 1,000 runs per action; FUZZ_RUNS lowers it only while working on a spec. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

// ---------------------------------------------------------------------------------------------
// Routes with an action, from the build.

/** The URL template of a route id in the build, e.g. `/:lang/certificate/who`. */
export function routeTemplate(build: ServerBuild, id: string): string {
  const segments: string[] = [];
  for (let route = build.routes[id]; route; route = route.parentId ? build.routes[route.parentId] : undefined)
    if (route.path) segments.unshift(route.path);
  return `/${segments.join("/")}`;
}

/** Every route id of the build whose module exports an action. */
export function actionRouteIds(build: ServerBuild): string[] {
  return Object.values(build.routes)
    .filter((route) => route && typeof (route.module as { action?: unknown }).action === "function")
    .map((route) => route!.id)
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Counting what was written.

type Ops = { insert: number; update: number; delete: number };
export type Change = Record<string, Ops>;
type Expected = number | "some" | "maybe";
/** What a request may write: per table, how many rows per operation; a table not named must not change. */
export type Shape = Record<string, Partial<Record<keyof Ops, Expected>>>;

/**
 * Triggers on every table of a test store count the rows each statement touched, inside the
 * writer's transaction, so a rolled-back write counts nothing. `PRAGMA data_version` on this
 * second connection says in O(1) whether anyone committed since the last look.
 */
export class ChangeProbe {
  private readonly db: SQLite.Database;
  private version = -1;
  private counts = new Map<string, Ops>();

  constructor(sqlitePath: string) {
    this.db = new SQLite(sqlitePath);
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS fuzz_change (tbl TEXT PRIMARY KEY, ins INTEGER NOT NULL, upd INTEGER NOT NULL, del INTEGER NOT NULL)",
    );
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('fuzz_change')")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      this.db.prepare("INSERT OR IGNORE INTO fuzz_change VALUES (?, 0, 0, 0)").run(table);
      for (const [op, column] of [
        ["INSERT", "ins"],
        ["UPDATE", "upd"],
        ["DELETE", "del"],
      ] as const) {
        this.db.exec(
          `CREATE TRIGGER IF NOT EXISTS "fuzz_${op}_${table}" AFTER ${op} ON "${table}" BEGIN UPDATE fuzz_change SET ${column} = ${column} + 1 WHERE tbl = '${table}'; END`,
        );
      }
    }
  }

  private read(): Map<string, Ops> {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    if (version !== this.version) {
      this.version = version;
      const rows = this.db.prepare("SELECT tbl, ins, upd, del FROM fuzz_change").all() as {
        tbl: string;
        ins: number;
        upd: number;
        del: number;
      }[];
      this.counts = new Map(rows.map((r) => [r.tbl, { insert: r.ins, update: r.upd, delete: r.del }]));
    }
    return this.counts;
  }

  /** Starts a measurement; the function it returns gives what was committed since. */
  start(): () => Change {
    const before = this.read();
    return () => {
      const after = this.read();
      const change: Change = {};
      if (after === before) return change;
      for (const [table, ops] of after) {
        const was = before.get(table) ?? { insert: 0, update: 0, delete: 0 };
        const delta = { insert: ops.insert - was.insert, update: ops.update - was.update, delete: ops.delete - was.delete };
        if (delta.insert || delta.update || delta.delete) change[table] = delta;
      }
      return change;
    };
  }

  close() {
    this.db.close();
  }
}

export const isEmpty = (change: Change) => Object.keys(change).length === 0;

/**
 * The audit chain's head moves once with every event appended: part of the audit_event insert, not
 * a write of its own. Any other change to it stays in the change, and fails every shape.
 */
function withoutChainHead(change: Change): Change {
  const { audit_chain_head: head, ...rest } = change;
  if (!head || head.insert !== 0 || head.delete !== 0 || head.update !== (change.audit_event?.insert ?? 0)) return change;
  return rest;
}

/** Whether a change is exactly one of the shapes: every table named as said, nothing else touched. */
export function matchesShape(measured: Change, shape: Shape): boolean {
  const change = withoutChainHead(measured);
  for (const table of new Set([...Object.keys(change), ...Object.keys(shape)])) {
    const ops = change[table] ?? { insert: 0, update: 0, delete: 0 };
    const want = shape[table] ?? {};
    for (const op of ["insert", "update", "delete"] as const) {
      const expected = want[op] ?? 0;
      const got = ops[op];
      if (expected === "maybe") continue;
      if (expected === "some" ? got < 1 : got !== expected) return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The server.

export type Answer = { status: number; location: string | null; body: string };
export type Transport = "data" | "page";
export type Target = { path: string; cookie?: string; values?: Record<string, string> };

export type FuzzServer = {
  server: TestServer;
  context: AppLoadContext;
  probe: ChangeProbe;
  /** Error lines the handler logged since the last call (a 500's cause). */
  takeErrors: () => string[];
  /** A POST of a form body straight to the Remix handler, as a page (full render) or as the app's JavaScript sends it (`.data`). */
  post: (target: Target, body: string, transport: Transport) => Promise<Answer>;
  get: (target: Target) => Promise<Answer>;
  /** A staff member of a role (by default with a confirmed second factor) and a session cookie (by default a full session). */
  staffMember: (
    role: Role,
    centerSlug: string | null,
    options?: { stage?: "pending" | "full"; totp?: boolean },
  ) => Promise<{ id: string; email: string; secret: string | null; cookie: string }>;
  close: () => Promise<void>;
};

export async function startFuzzServer(): Promise<FuzzServer> {
  // Rate limits off: a thousand posts a minute from one address is the point here.
  const server = await startTestServer({ RATE_LIMITS: "false", LOG_LEVEL: "warn" });
  // A commit need not survive a power cut here: without the fsync per commit a run costs a fraction.
  await sql`PRAGMA synchronous = OFF`.execute(server.store.db);
  const probe = new ChangeProbe(server.store.sqlitePath!);
  const errors: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      const line = JSON.parse(String(chunk)) as { level: number; msg?: string; err?: { message?: string; stack?: string } };
      if (line.level >= 50) errors.push(`${line.msg ?? "error"}: ${line.err?.stack ?? line.err?.message ?? ""}`);
      done();
    },
  });
  // What server/app.ts hands every loader and action, for a request from one client.
  const context: AppLoadContext = {
    db: server.store.db,
    env: server.env,
    logger: pino({ level: "warn" }, sink),
    requestId: randomUUID(),
    clientAddress: "127.0.0.1",
    withinAnonymousLimit: () => true,
    cspNonce: "fuzz",
    sessionSecret: server.secrets.sessionSecret,
    documentKey: server.secrets.documentKey,
  };
  const handler = createRequestHandler(server.build, "production");
  const origin = server.env.PUBLIC_URL;
  const indexPaths = new Set(
    Object.values(server.build.routes)
      .filter((route) => route?.index)
      .map((route) => routeTemplate(server.build, route!.id)),
  );

  const urlOf = (path: string, transport: Transport) => {
    const url = new URL(path, origin);
    const template = url.pathname.replace(/^\/(ur|en|el|it)(?=\/|$)/, "/:lang");
    if (indexPaths.has(template)) url.searchParams.set("index", "");
    if (transport === "data") url.pathname = `${url.pathname.replace(/\/$/, "")}.data`;
    return url.toString();
  };
  const send = async (request: Request): Promise<Answer> => {
    const response = await handler(request, context);
    const body = await response.text();
    const location = response.headers.get("location") ?? response.headers.get("x-remix-redirect");
    // Single fetch answers a redirect with 202 and the target: the same thing as a 3xx here.
    return { status: response.status === 202 && location ? 302 : response.status, location, body };
  };
  const headers = (target: Target) => {
    const h: Record<string, string> = { host: new URL(origin).host, origin };
    if (target.cookie) h.cookie = target.cookie;
    return h;
  };

  return {
    server,
    context,
    probe,
    takeErrors: () => errors.splice(0),
    post: (target, body, transport) =>
      send(
        new Request(urlOf(target.path, transport), {
          method: "POST",
          headers: { ...headers(target), "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
      ),
    get: (target) => send(new Request(new URL(target.path, origin), { headers: headers(target) })),
    staffMember: async (role, centerSlug, { stage = "full", totp = true } = {}) => {
      const db = server.store.db;
      const email = `fuzz.${role}.${randomUUID()}@police.example.pk`;
      const id = await db
        .transaction()
        .execute((trx) => insertStaffUser(trx, { email, displayName: `Fuzz ${role}`, passwordHash: null, role, centerSlug }));
      const secret = totp ? newTotpSecret() : null;
      // Confirmed at step 0: any real code is later than the confirmation.
      if (secret) await confirmTotpSecret(db, id, sealTotpSecret(server.secrets.documentKey, id, secret), 0);
      const { token } = await insertStaffSession(db, id, stage);
      // Seen "in the future": the once-a-minute last_seen_at touch would otherwise be a write no action made.
      await db
        .updateTable("session")
        .set({ last_seen_at: new Date(Date.now() + 20 * 60_000).toISOString() })
        .where("staff_user_id", "=", id)
        .execute();
      return { id, email, secret, cookie: `pscg_staff=${token}` };
    },
    close: async () => {
      probe.close();
      await server.close();
    },
  };
}

/**
 * Form field names and intent values the page at a target shows (its rendered forms), and what
 * showing it writes: staff pages with personal data audit each view, and a form posted as a page
 * that is not redirected is shown again.
 */
export async function formFieldsOf(fuzz: FuzzServer, target: Target): Promise<{ names: string[]; intents: string[]; view: Change }> {
  const measure = fuzz.probe.start();
  const html = (await fuzz.get(target)).body;
  const view = measure();
  const names = new Set<string>();
  const intents = new Set<string>();
  for (const tag of html.match(/<(input|select|textarea|button)\b[^>]*>/g) ?? []) {
    const name = /\bname="([^"]+)"/.exec(tag)?.[1];
    if (!name) continue;
    names.add(name);
    const value = /\bvalue="([^"]*)"/.exec(tag)?.[1];
    if (name === "intent" && value) intents.add(value);
  }
  return { names: [...names], intents: [...intents], view };
}

/** The change less what showing the page again wrote (when it wrote at least that). */
function withoutView(change: Change, view: Change): Change {
  const rest: Change = {};
  for (const [table, ops] of Object.entries(change)) {
    const seen = view[table] ?? { insert: 0, update: 0, delete: 0 };
    if (ops.insert < seen.insert || ops.update < seen.update || ops.delete < seen.delete) return change;
    const left = { insert: ops.insert - seen.insert, update: ops.update - seen.update, delete: ops.delete - seen.delete };
    if (left.insert || left.update || left.delete) rest[table] = left;
  }
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const char = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/** Values a person, a script or an attacker might put in a field. */
export const junkValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 2 },
  // Any code point, lone surrogates included (they reach the server as U+FFFD).
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 2 },
  // Urdu and Arabic script, with the bidirectional controls a pasted RTL text can carry.
  { arbitrary: fc.string({ unit: fc.oneof(char(0x0600, 0x06ff), char(0x200e, 0x200f), char(0x202a, 0x202e)), maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: char(0, 0x1f), maxLength: 10 }), weight: 1 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String), weight: 2 },
  { arbitrary: fc.constantFrom("", " ", "0", "-1", "1e999", "NaN", "true", "on", "yes", "null", "undefined", "[]", "{}"), weight: 2 },
  { arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 1 },
  { arbitrary: fc.emailAddress(), weight: 1 },
);

/** A long value (under the 100 KB form limit the Express layer enforces in front of this handler), once in a while. */
const longValue = fc
  .tuple(fc.constantFrom("a", "ب", "🙂", "\u202e", "%", "\u0000"), fc.integer({ min: 300, max: 6000 }))
  .map(([c, n]) => c.repeat(n));

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g;

/** Text a free-text field accepts: visible (free-text fields refuse controls and bidirectional overrides), within a limit. */
export const visibleText = (max: number) =>
  fc
    .tuple(fc.constantFrom("A", "ب", "Ω", "è", "7"), junkValue)
    .map(([first, rest]) => `${first}${rest.replace(INVISIBLE, "")}`.slice(0, max));

const weirdKey = fc.constantFrom("__proto__", "constructor", "toString", "a[b]", "intent[]", "", "_data", "index", "lng", "redirectTo");

/** Form entries over an action's field names: known, unknown, repeated, missing; values from `junkValue`. */
export function junkEntries(fields: readonly string[], intents: readonly string[]): fc.Arbitrary<[string, string][]> {
  const key = fc.oneof(
    { arbitrary: fields.length ? fc.constantFrom(...fields) : fc.constant("value"), weight: 6 },
    { arbitrary: weirdKey, weight: 1 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  );
  const intent: fc.Arbitrary<[string, string][]> = intents.length
    ? fc.option(
        fc.constantFrom(...intents).map((i): [string, string][] => [["intent", i]]),
        { freq: 5, nil: [] },
      )
    : fc.constant([]);
  // Sometimes every field, so validation gets past "required" more often.
  const everyField = fc.option(fc.tuple(...fields.map((f) => junkValue.map((v): [string, string] => [f, v]))), { freq: 2, nil: [] });
  const long = fc.option(
    fc.tuple(key, longValue).map((entry): [string, string][] => [entry]),
    { freq: 12, nil: [] },
  );
  return fc
    .tuple(intent, everyField, fc.array(fc.tuple(key, junkValue), { maxLength: 10 }), long)
    .map(([i, every, extra, l]) => [...i, ...every, ...extra, ...l]);
}

/** A url-encoded body, now and then with a broken percent-encoding or stray separators. */
export function encodeBody(entries: readonly (readonly [string, string])[], corruption = ""): string {
  const body = new URLSearchParams(entries as [string, string][]).toString();
  return corruption ? `${body}&${corruption}` : body;
}

export const corruption = fc.option(fc.constantFrom("%", "%ZZ", "%C3%28", "%FF%FE", "&&=&", "a=b=c", "=%E0%A4%A", "+%00+"), {
  freq: 6,
  nil: "",
});

/**
 * Mostly `.data` (the action alone: a run costs a third of a page's); one in sixteen renders the
 * page, where odd values meet the components and the loader runs again.
 */
export const transport: fc.Arbitrary<Transport> = fc.oneof(
  { arbitrary: fc.constant<Transport>("data"), weight: 15 },
  { arbitrary: fc.constant<Transport>("page"), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// One action's property.

export type Entries = [string, string][];

export type ActionSpec = {
  /** The route id in the build. */
  route: string;
  /** The record the action works on and the browser's state for it; made again after any run that wrote. */
  target: () => Promise<Target>;
  /** Field names and intents beyond those the page shows (pages of a journey the GET does not render). */
  fields?: readonly string[];
  intents?: readonly string[];
  /** Entries the browser's page carries for the target (a version, a sealed state), put in front of most junk bodies. */
  base?: (target: Target) => Entries;
  /** Input the action must accept; the entries are built for the target at hand. */
  valid?: fc.Arbitrary<(target: Target) => Entries>;
  /** What an accepted submission may write, given its form; null: it must write nothing. */
  writes?: (form: URLSearchParams, answer: Answer) => Shape | null;
  /** What a refused form may still write, by design (a wrong second-factor code counts against the account). */
  refusalMayWrite?: (form: URLSearchParams) => Shape;
  /** Whether the answer says the submission was accepted; by default a redirect. */
  accepted?: (answer: Answer, form: URLSearchParams) => boolean;
};

export const redirected = (answer: Answer) => answer.status >= 300 && answer.status < 400;

/** What the page said was wrong (its error summary's links), or the start of a `.data` answer. */
function shownProblems(answer: Answer): string {
  if (!answer.body.startsWith("<!DOCTYPE")) return answer.body.slice(0, 400);
  return [...answer.body.matchAll(/<a href="#([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[1]}: ${m[2]}`).join("; ");
}

const describeRun = (answer: Answer, change: Change, body: string, errors: string[]) =>
  `status ${answer.status} ${answer.location ?? ""}; wrote ${JSON.stringify(change)}; sent ${JSON.stringify(body.slice(0, 300))}; answer ${JSON.stringify(shownProblems(answer))}${
    errors.length ? `; server errors: ${errors.join(" | ").slice(0, 2000)}` : ""
  }`;

/** Checks one answer against the action's rules; returns whether anything was written. */
export function checkAnswer(
  fuzz: FuzzServer,
  spec: ActionSpec,
  {
    answer,
    change: measured,
    body,
    mustAccept,
    view,
  }: { answer: Answer; change: Change; body: string; mustAccept: boolean; view: Change | null },
): boolean {
  // Posted as a page and not redirected, the page is shown again: its own writes are not the action's.
  const change = view && !redirected(answer) ? withoutView(measured, view) : measured;
  const errors = fuzz.takeErrors();
  // The message is built only for a failure: a page's HTML is long, and most runs pass.
  const fail = (problem: string): never => {
    throw new Error(`${problem}: ${spec.route}: ${describeRun(answer, change, body, errors)}`);
  };
  if (answer.status >= 500) fail("server error");
  if (errors.length > 0) fail("error logged");
  const form = new URLSearchParams(body);
  const accepted = answer.status < 400 && (spec.accepted ?? redirected)(answer, form);
  if (mustAccept && !accepted) fail("valid input refused");
  if (!accepted) {
    const allowed = spec.refusalMayWrite?.(form) ?? {};
    if (!matchesShape(change, allowed)) fail(`refused input wrote other than ${JSON.stringify(allowed)}`);
    return !isEmpty(change);
  }
  const shape = spec.writes?.(form, answer) ?? {};
  if ((mustAccept || !isEmpty(change)) && !matchesShape(change, shape)) fail(`wrote other than ${JSON.stringify(shape)}`);
  return !isEmpty(change);
}

/** The fuzz property of one action: `FUZZ_RUNS` seeded runs of junk and (where given) valid input. */
export async function fuzzAction(fuzz: FuzzServer, spec: ActionSpec): Promise<{ runs: number; accepted: number; wrote: number }> {
  let target = await spec.target();
  const shown = await formFieldsOf(fuzz, target);
  target = await spec.target();
  const fields = [...new Set([...shown.names, ...(spec.fields ?? [])])];
  const intents = [...new Set([...shown.intents, ...(spec.intents ?? [])])];
  expect(fields.length, `${spec.route}: no field names found`).toBeGreaterThan(0);
  let stale = false;
  const stats = { runs: 0, accepted: 0, wrote: 0 };
  const input = fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant("junk" as const),
        entries: junkEntries(fields, intents),
        corruption,
        withBase: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
      }),
      weight: spec.valid ? 2 : 1,
    },
    ...(spec.valid ? [{ arbitrary: fc.record({ kind: fc.constant("valid" as const), build: spec.valid }), weight: 1 }] : []),
  );
  await fc.assert(
    fc.asyncProperty(input, transport, async (run, via) => {
      if (stale) target = await spec.target();
      stale = false;
      const body =
        run.kind === "junk"
          ? encodeBody([...(run.withBase && spec.base ? spec.base(target) : []), ...run.entries], run.corruption)
          : encodeBody(run.build(target));
      const measure = fuzz.probe.start();
      const answer = await fuzz.post(target, body, via);
      const change = measure();
      stats.runs += 1;
      // Whatever happened, the next run starts from a record in its first state.
      stale = !isEmpty(change);
      const wrote = checkAnswer(fuzz, spec, {
        answer,
        change,
        body,
        mustAccept: run.kind === "valid",
        view: via === "page" ? shown.view : null,
      });
      if (answer.status < 400 && (spec.accepted ?? redirected)(answer, new URLSearchParams(body))) stats.accepted += 1;
      if (wrote) stats.wrote += 1;
    }),
    { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: false },
  );
  return stats;
}

// ---------------------------------------------------------------------------------------------
// The Express layer: requests no page of ours sends.

type TransportCase = { name: string; method: string; contentType?: string; body?: string; contentLength?: number; statuses: number[] };

/** Wrong methods, wrong or broken Content-Types, an empty and an oversized body. */
export function transportCases(path: string): TransportCase[] {
  const form = "fullName=Ayesha&email=a%40example.com";
  const upload = isUploadPath(new URL(path, "http://x").pathname);
  return [
    ...["PUT", "PATCH", "DELETE"].map((method) => ({
      name: method,
      method,
      contentType: "application/x-www-form-urlencoded",
      body: form,
      statuses: [405],
    })),
    { name: "JSON", method: "POST", contentType: "application/json", body: '{"fullName":"Ayesha"}', statuses: [415] },
    { name: "text/plain", method: "POST", contentType: "text/plain", body: form, statuses: [415] },
    // Refused at the door where no file is taken; where files are, the parser finds no boundary.
    {
      name: "multipart without a boundary",
      method: "POST",
      contentType: "multipart/form-data",
      body: form,
      statuses: upload ? [400] : [415],
    },
    {
      name: "oversized form",
      method: "POST",
      contentType: "application/x-www-form-urlencoded",
      body: `a=${"x".repeat(BODY_LIMITS.form)}`,
      statuses: [413],
    },
    ...(upload
      ? [
          {
            name: "oversized upload (declared length)",
            method: "POST",
            contentType: "multipart/form-data; boundary=x",
            contentLength: BODY_LIMITS.upload + 1,
            statuses: [413],
          },
        ]
      : []),
  ];
}

/** Sends each transport case through the real Express app; every one a 4xx, nothing written. */
export async function checkTransport(fuzz: FuzzServer, spec: ActionSpec): Promise<number> {
  const target = await spec.target();
  const url = new URL(target.path, fuzz.server.baseUrl);
  const template = routeTemplate(fuzz.server.build, spec.route);
  if (fuzz.server.build.routes[spec.route]?.index) url.searchParams.set("index", "");
  const path = `${url.pathname}${url.search}`;
  const problems: string[] = [];
  let sent = 0;
  for (const testCase of transportCases(path)) {
    const headers: Record<string, string> = { origin: fuzz.server.baseUrl };
    if (target.cookie) headers.cookie = target.cookie;
    if (testCase.contentType) headers["content-type"] = testCase.contentType;
    if (testCase.contentLength !== undefined) headers["content-length"] = String(testCase.contentLength);
    const measure = fuzz.probe.start();
    const answer = await rawRequest(fuzz.server.port, { method: testCase.method, path, headers, body: testCase.body });
    const change = measure();
    sent += 1;
    if (!testCase.statuses.includes(answer.status) || !isEmpty(change))
      problems.push(
        `${template} ${testCase.name}: ${answer.status} (expected ${testCase.statuses.join("/")}), wrote ${JSON.stringify(change)}`,
      );
  }
  expect(problems).toEqual([]);
  return sent;
}

/**
 * An empty form body through the real Express app: whatever the action makes of it (a start
 * button or "Sign out" has no fields), never a 5xx, and a refusal writes nothing.
 */
export async function checkEmptyBody(fuzz: FuzzServer, spec: ActionSpec): Promise<void> {
  const { view } = await formFieldsOf(fuzz, await spec.target());
  const target = await spec.target();
  const url = new URL(fuzz.server.baseUrl + target.path);
  if (fuzz.server.build.routes[spec.route]?.index) url.searchParams.set("index", "");
  const headers: Record<string, string> = { origin: fuzz.server.baseUrl, "content-type": "application/x-www-form-urlencoded" };
  if (target.cookie) headers.cookie = target.cookie;
  const measure = fuzz.probe.start();
  const raw = await rawRequest(fuzz.server.port, { method: "POST", path: `${url.pathname}${url.search}`, headers, body: "" });
  const answer: Answer = { status: raw.status, location: raw.headers.location ?? null, body: raw.body };
  checkAnswer(fuzz, spec, { answer, change: measure(), body: "", mustAccept: false, view });
}

/** The field names of zod objects (inside pipes, unions and wrappers), for forms the GET does not render. */
export function schemaKeys(schema: unknown): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    const def = (node as { _zod?: { def?: Record<string, unknown> } } | null)?._zod?.def;
    if (!def || depth > 6) return;
    if (def.shape) for (const key of Object.keys(def.shape as object)) keys.add(key);
    for (const child of ["in", "out", "innerType", "left", "right"]) walk(def[child], depth + 1);
    if (Array.isArray(def.options)) for (const option of def.options) walk(option, depth + 1);
  };
  walk(schema, 0);
  return [...keys];
}

/** The cookie a `Set-Cookie` header sets, as the browser sends it back. */
export const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;

/** Per action: its fuzz property, then the requests only the Express layer sees and an empty body. */
export function describeFuzzCases(specs: readonly ActionSpec[], fuzz: () => FuzzServer) {
  for (const spec of specs) {
    it(`${spec.route}: junk and valid forms`, { timeout: 120_000 }, async () => {
      const stats = await fuzzAction(fuzz(), spec);
      console.info(`${spec.route}: ${stats.runs} runs, ${stats.accepted} accepted, ${stats.wrote} wrote`);
      // A valid generator that never gets through tests nothing of what it claims.
      if (spec.valid) expect(stats.accepted).toBeGreaterThan(0);
    });
  }
  for (const spec of specs) {
    it(`${spec.route}: wrong method, wrong Content-Type, empty and oversized bodies`, async () => {
      await checkTransport(fuzz(), spec);
      await checkEmptyBody(fuzz(), spec);
    });
  }
}
