/**
 * The route × role matrix: every staff route and action of app/domain/staff-routes.ts, called by
 * each role and by an anonymous visitor (and, where the route takes a case, for a case of the staff
 * member's own center and of another), on the real production build (run `remix build` first) and
 * a fresh SQLite store. Each answer must be what the table and the role table say: served, refused
 * (403), not found (404) or sent to sign in. A staff route module the table does not describe
 * fails the test too.
 *
 * Every cell gets its own session and its own records (case, account, invitation), so state-changing
 * requests cannot leak into one another: a sign-out ends only that cell's session, a claim moves only
 * that cell's case.
 *
 * POSTs go both as a plain form post and as the single-fetch `.data` request the app's JavaScript
 * sends: the latter runs the action alone, so a loader's guard cannot hide an action without one.
 * `PRINT_MATRIX=1` prints the matrix even when every cell is as expected.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, ROLES, type Role } from "~/domain/permissions";
import { REPORT_ACTION_NAMES } from "~/domain/report-actions";
import { type Access, describeRule, expectedAccess, STAFF_ROUTES, type StaffRouteRule, takesCase } from "~/domain/staff-routes";
import { findCenter } from "~/models/center.server";
import { addEmergencyContact } from "~/models/emergency-contact.server";
import { addHoliday } from "~/models/holiday.server";
import { addLegalFact } from "~/models/legal-fact.server";
import { createStoreDocumentStorage } from "~/models/document-storage.server";
import { saveDocument } from "~/models/document.server";
import { insertStaffSession } from "~/models/staff-session.server";
import { confirmTotpSecret, newTotpSecret, sealTotpSecret } from "~/models/staff-totp.server";
import { insertStaffUser } from "~/models/staff-user.server";
import { CASE_INTENTS } from "~/schemas/case-action";
import { DISPUTE_INTENTS } from "~/schemas/dispute";
import { EMERGENCY_CONTACT_INTENTS } from "~/schemas/emergency-contact";
import { HOLIDAY_INTENTS } from "~/schemas/holiday";
import { ACCOUNT_INTENTS } from "~/schemas/staff-account";
import { type Env, parseEnv, resolveSecrets, type Secrets } from "~/utils/env.server";
import { hashPassword } from "~/utils/password.server";
import { hashToken } from "~/utils/secret-token.server";
import type { ApplicationStatus } from "../db/schema";
import { openStore, type Store } from "../db/connect";
import { migrateToLatest } from "../db/migrate";
import { seedReferenceData } from "../db/seed";
import { testApplication } from "../test/support/application-fixture";
import { createTestCertificate, createTestDispute } from "../test/support/certificate-fixture";
import { LEGAL_FACT_FORM } from "../test/support/legal-fact-fixture";
import { fileTestReport } from "../test/support/report-fixture";
import { createApp } from "./app";

const ROUTES_DIR = path.resolve("app/routes");
const OWN_CENTER = "lahore";
const OTHER_CENTER = "gujrat";
/** Where each role works; roles with no center's cases to work on have none (as the admin pages require). */
const CENTER_OF: Record<Role, string | null> = {
  officer: OWN_CENTER,
  supervisor: OWN_CENTER,
  embassy_desk: "athens",
  investigator: null,
  admin: null,
};
const PASSWORD = "kites over the walled city at basant";
const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

type Member = { id: string; role: Role; email: string; centerSlug: string | null };

let baseUrl = "";
let build: ServerBuild;
let store: Store;
let secrets: Secrets;
let env: Env;
let close: () => Promise<void> = async () => {};
let passwordHash = "";
const staff = {} as Record<Role, Member>;
/** The server's own error log: a 500 in a cell is reported with its cause. */
const serverErrors: string[] = [];

// ---------------------------------------------------------------------------------------------
// Records, made straight in the store.

async function createMember(role: Role, options: { centerSlug?: string | null; password?: boolean; totp?: boolean } = {}): Promise<Member> {
  const centerSlug = options.centerSlug === undefined ? CENTER_OF[role] : options.centerSlug;
  const email = `${role}.${randomUUID()}@police.example.pk`;
  const id = await store.db.transaction().execute((trx) =>
    insertStaffUser(trx, {
      email,
      displayName: `Matrix ${role}`,
      passwordHash: options.password === false ? null : passwordHash,
      role,
      centerSlug,
    }),
  );
  // Confirmed at step 0, as e2e/support/staff.ts does: a full session without the forms.
  if (options.totp !== false) await confirmTotpSecret(store.db, id, sealTotpSecret(secrets.documentKey, id, newTotpSecret()), 0);
  return { id, role, email, centerSlug };
}

/** A fresh full session for one request: whatever the request does to it touches no other cell. */
async function sessionCookie(member: Member | null): Promise<string | null> {
  if (!member) return null;
  const { token } = await insertStaffSession(store.db, member.id, "full");
  return `pscg_staff=${token}`;
}

type CaseState = { status: ApplicationStatus; assignedTo: string | null; delivery?: "pdf" | "collection" };

async function createCase(centerSlug: string, state: CaseState): Promise<{ id: string; version: number }> {
  const at = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
  const collection = state.delivery === "collection";
  const row = testApplication({
    status: state.status,
    submitted_at: at,
    center_slug: centerSlug,
    assigned_to: state.assignedTo,
    delivery: collection ? "collection" : "pdf",
    collection_center_slug: collection ? "athens" : null,
  });
  await store.db.insertInto("application").values(row).execute();
  const { version } = await store.db.selectFrom("application").select("version").where("id", "=", row.id).executeTakeFirstOrThrow();
  return { id: row.id, version };
}

/** An issued case of the center with its certificate, issued by the officer. */
const createCertificate = (centerSlug: string) =>
  createTestCertificate(store.db, { documentKey: secrets.documentKey, centerSlug, officerId: staff.officer.id });

const createDispute = (centerSlug: string) =>
  createTestDispute(store.db, { documentKey: secrets.documentKey, centerSlug, officerId: staff.officer.id });

/** A different future day for each holiday a cell adds, so no call meets "already a holiday". */
let holidaysMade = 0;
function nextHoliday(): string {
  holidaysMade += 1;
  return new Date(Date.now() + holidaysMade * 86_400_000).toISOString().slice(0, 10);
}

/** A different short number for each emergency contact a cell adds, so none is "already listed". */
let emergencyNumbers = 1000;
function nextEmergencyNumber(): number {
  emergencyNumbers += 1;
  return emergencyNumbers;
}

/** A new key for each legal-migration fact a cell adds. */
let legalFacts = 0;
function nextLegalKey(): string {
  legalFacts += 1;
  return `matrix-fact-${legalFacts}`;
}

function disputeDecision(intent: "uphold" | "dismiss"): Recipe {
  return async () => ({
    path: "/staff/disputes",
    body: { intent, disputeId: await createDispute(OWN_CENTER), outcome: "Checked against the passport." },
    done: redirectedWith("done", intent),
  });
}

async function createInvitation(): Promise<string> {
  const invitee = await createMember("officer", { password: false, totp: false });
  const token = randomBytes(24).toString("base64url");
  const now = new Date();
  await store.db
    .insertInto("staff_invitation")
    .values({
      token_hash: hashToken(token),
      staff_user_id: invitee.id,
      created_by: staff.admin.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 60 * 60_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

// ---------------------------------------------------------------------------------------------
// How to call each entry. The expected outcome never comes from here: only from the table.

type Cell = { actor: Member | null; caseCenter: string | null };
type Call = {
  path: string;
  body?: Record<string, string>;
  /** For a served request: proof that the action did its work rather than refusing by a business rule. */
  done?: (answer: Answer) => boolean;
};
type Recipe = (cell: Cell) => Promise<Call>;

const redirectedWith = (param: string, value: string) => (answer: Answer) =>
  answer.status >= 300 && answer.status < 400 && new URL(answer.location ?? "/", baseUrl).searchParams.get(param) === value;
const served = (answer: Answer) => answer.status === 200;

/** A route called without a case center (a table that no longer says "center") still gets a case: the own center's. */
const caseCenterOf = (cell: Cell) => cell.caseCenter ?? OWN_CENTER;

/** The acting member, or (for an anonymous visitor) the officer, so the case looks exactly as it would to a caseworker. */
const worker = (cell: Cell) => cell.actor?.id ?? staff.officer.id;

function caseAction(intent: string, state: (cell: Cell) => CaseState, fields: (cell: Cell) => Record<string, string> = () => ({})): Recipe {
  return async (cell) => {
    const c = await createCase(caseCenterOf(cell), state(cell));
    return {
      path: `/staff/cases/${c.id}`,
      body: { intent, version: String(c.version), ...fields(cell) },
      done: redirectedWith("done", intent),
    };
  };
}

const inReview = (cell: Cell): CaseState => ({ status: "in_review", assignedTo: worker(cell) });

/** A fresh report in the status an action is taken from, so every cell acts on its own report. */
function reportAction(intent: string, status: "new" | "closed", fields: Record<string, string> = {}): Recipe {
  return async () => {
    const report = await fileTestReport(store.db);
    if (status === "closed") await store.db.updateTable("report").set({ status: "closed" }).where("id", "=", report.id).execute();
    return { path: `/staff/reports/${report.id}`, body: { intent, ...fields }, done: redirectedWith("done", intent) };
  };
}

function accountAction(intent: string, target: () => Promise<Member>, fields: Record<string, string> = {}): Recipe {
  return async () => {
    const member = await target();
    return {
      path: `/staff/admin/accounts/${member.id}`,
      body: { intent, ...fields },
      done: intent === "reinvite" ? served : redirectedWith("done", intent === "enable" || intent === "unlock" ? "unchanged" : intent),
    };
  };
}

const RECIPES: Record<string, Recipe> = {
  "GET /staff": async () => ({ path: "/staff" }),
  "GET /staff/login": async () => ({ path: "/staff/login" }),
  "POST /staff/login": async () => {
    const member = await createMember("officer");
    return {
      path: "/staff/login",
      body: { email: member.email, password: PASSWORD },
      done: (answer) => answer.location?.startsWith("/staff/totp") ?? false,
    };
  },
  "GET /staff/totp": async () => ({ path: "/staff/totp" }),
  "POST /staff/totp": async () => ({ path: "/staff/totp", body: { code: "000000" } }),
  "GET /staff/totp/setup": async () => ({ path: "/staff/totp/setup" }),
  "POST /staff/totp/setup": async () => ({ path: "/staff/totp/setup", body: { code: "000000" } }),
  "GET /staff/totp/recovery-codes": async () => ({ path: "/staff/totp/recovery-codes" }),
  "GET /staff/logout": async () => ({ path: "/staff/logout" }),
  "POST /staff/logout": async () => ({ path: "/staff/logout", body: {}, done: redirectedWith("signedOut", "1") }),
  "GET /staff/setup": async () => ({ path: "/staff/setup" }),
  // No usable setup token exists, so the form comes back with its errors and nobody becomes administrator.
  "POST /staff/setup": async () => ({ path: "/staff/setup", body: {} }),
  "GET /staff/invite": async () => ({ path: `/staff/invite?token=${await createInvitation()}` }),
  "POST /staff/invite": async () => {
    const token = await createInvitation();
    return { path: "/staff/invite", body: { token, password: PASSWORD, confirmPassword: PASSWORD }, done: served };
  },

  "GET /staff/queue": async () => ({ path: "/staff/queue?tab=in_review" }),
  "GET /staff/queue/export.csv": async () => ({ path: "/staff/queue/export.csv?tab=in_review" }),
  "GET /staff/cases/:id": async (cell) => ({ path: `/staff/cases/${(await createCase(caseCenterOf(cell), inReview(cell))).id}` }),
  "POST /staff/cases/:id claim": caseAction("claim", () => ({ status: "submitted", assignedTo: null })),
  "POST /staff/cases/:id release": caseAction("release", inReview),
  "POST /staff/cases/:id reassign": caseAction("reassign", inReview, () => ({ assignTo: staff.officer.id })),
  "POST /staff/cases/:id request_information": caseAction("request_information", inReview, () => ({
    question: "Please upload a clearer copy of your passport.",
  })),
  "POST /staff/cases/:id approve": caseAction("approve", inReview),
  "POST /staff/cases/:id reject": caseAction("reject", inReview, () => ({
    reason: "other",
    rejectionNote: "The documents do not match the applicant.",
  })),
  "POST /staff/cases/:id mark_collected": caseAction("mark_collected", (cell) => ({
    status: "issued",
    assignedTo: worker(cell),
    delivery: "collection",
  })),
  "POST /staff/cases/:id note": caseAction("note", inReview, () => ({ note: "Called the applicant." })),
  "GET /staff/documents/:documentId": async (cell) => {
    const c = await createCase(caseCenterOf(cell), inReview(cell));
    const doc = await saveDocument(store.db, createStoreDocumentStorage(store.db, secrets.documentKey), {
      ownerType: "application",
      ownerId: c.id,
      kind: "passport",
      contentType: "image/png",
      bytes: TINY_PNG,
    });
    return { path: `/staff/documents/${doc.id}` };
  },
  "GET /staff/certificates/:number": async (cell) => ({
    path: `/staff/certificates/${(await createCertificate(cell.caseCenter!)).number}`,
  }),
  "POST /staff/certificates/:number": async (cell) => ({
    path: `/staff/certificates/${(await createCertificate(cell.caseCenter!)).number}`,
    body: { reason: "issued_in_error", note: "Issued on the wrong record." },
    done: redirectedWith("done", "revoked"),
  }),
  "GET /staff/disputes": async () => ({ path: "/staff/disputes" }),
  "POST /staff/disputes uphold": disputeDecision("uphold"),
  "POST /staff/disputes dismiss": disputeDecision("dismiss"),
  "GET /staff/referrals": async () => ({ path: "/staff/referrals" }),
  "GET /staff/assisted": async () => ({ path: "/staff/assisted" }),
  "POST /staff/assisted": async () => ({
    path: "/staff/assisted",
    body: { language: "ur", consent: "yes" },
    done: (answer) =>
      answer.status >= 300 && answer.status < 400 && new URL(answer.location ?? "/", baseUrl).pathname === "/ur/certificate/who",
  }),
  "GET /staff/dashboard": async () => ({ path: "/staff/dashboard" }),

  "GET /staff/reports": async () => ({ path: "/staff/reports?tab=new&cluster=2" }),
  "GET /staff/reports/identifier": async () => {
    await fileTestReport(store.db, { agent: { phones: ["+923001112233"], profiles: [], names: [], office: "" } });
    return { path: `/staff/reports/identifier?${new URLSearchParams({ key: "phone:+923001112233" }).toString()}` };
  },
  "GET /staff/reports/:id": async () => ({ path: `/staff/reports/${(await fileTestReport(store.db)).id}` }),
  "POST /staff/reports/:id triage": reportAction("triage", "new", { priority: "high" }),
  "POST /staff/reports/:id ask": reportAction("ask", "new", { question: "Which city was the office in?" }),
  "POST /staff/reports/:id forward": reportAction("forward", "new", { fiaReference: "FIA/CCW/2026/7" }),
  "POST /staff/reports/:id close": reportAction("close", "new", { reason: "duplicate" }),
  "POST /staff/reports/:id reopen": reportAction("reopen", "closed"),
  "POST /staff/reports/:id note": reportAction("note", "new", { note: "Same number as last week's report." }),
  "GET /staff/reports/:id/cluster": async () => ({ path: `/staff/reports/${(await fileTestReport(store.db)).id}/cluster` }),
  "GET /staff/reports/:id/cluster.csv": async () => ({ path: `/staff/reports/${(await fileTestReport(store.db)).id}/cluster.csv` }),
  "GET /staff/reports/evidence/:documentId": async () => {
    const report = await fileTestReport(store.db);
    const doc = await saveDocument(store.db, createStoreDocumentStorage(store.db, secrets.documentKey), {
      ownerType: "report",
      ownerId: report.id,
      kind: "evidence",
      contentType: "image/png",
      bytes: TINY_PNG,
    });
    return { path: `/staff/reports/evidence/${doc.id}` };
  },

  "GET /staff/audit": async () => ({ path: "/staff/audit" }),
  "POST /staff/audit": async () => ({ path: "/staff/audit", body: {} }),

  "GET /staff/admin/accounts": async () => ({ path: "/staff/admin/accounts" }),
  "GET /staff/admin/accounts/new": async () => ({ path: "/staff/admin/accounts/new" }),
  "POST /staff/admin/accounts/new": async () => ({
    path: "/staff/admin/accounts/new",
    body: { displayName: "Nadia Qureshi", email: `invited.${randomUUID()}@police.example.pk`, role: "officer", center: OTHER_CENTER },
    done: served,
  }),
  "GET /staff/admin/accounts/:id": async () => ({
    path: `/staff/admin/accounts/${(await createMember("officer", { centerSlug: OTHER_CENTER })).id}`,
  }),
  "POST /staff/admin/accounts/:id role": accountAction("role", () => createMember("officer", { centerSlug: OTHER_CENTER }), {
    role: "supervisor",
    center: OTHER_CENTER,
  }),
  "POST /staff/admin/accounts/:id disable": accountAction("disable", () => createMember("officer", { centerSlug: OTHER_CENTER })),
  "POST /staff/admin/accounts/:id enable": accountAction("enable", () => createMember("officer", { centerSlug: OTHER_CENTER })),
  "POST /staff/admin/accounts/:id unlock": accountAction("unlock", () => createMember("officer", { centerSlug: OTHER_CENTER })),
  "POST /staff/admin/accounts/:id reset_totp": accountAction("reset_totp", () => createMember("officer", { centerSlug: OTHER_CENTER })),
  "POST /staff/admin/accounts/:id reinvite": accountAction("reinvite", () =>
    createMember("officer", { centerSlug: OTHER_CENTER, password: false, totp: false }),
  ),
  "GET /staff/admin/holidays": async () => ({ path: "/staff/admin/holidays" }),
  "POST /staff/admin/holidays add": async () => {
    const day = nextHoliday();
    const [year, month, date] = day.split("-");
    return {
      path: "/staff/admin/holidays",
      body: { intent: "add", dateDay: date!, dateMonth: month!, dateYear: year!, name: "Matrix Day" },
      done: redirectedWith("added", day),
    };
  },
  "POST /staff/admin/holidays remove": async () => {
    const day = nextHoliday();
    await addHoliday(store.db, { day, name: "Matrix Day", actor: { actorType: "system" } });
    return { path: "/staff/admin/holidays", body: { intent: "remove", day }, done: redirectedWith("removed", day) };
  },
  "GET /staff/admin/emergency-contacts": async () => ({ path: "/staff/admin/emergency-contacts" }),
  "POST /staff/admin/emergency-contacts add": async () => ({
    path: "/staff/admin/emergency-contacts",
    body: { intent: "add", countryCode: "GR", kind: "police", phone: String(nextEmergencyNumber()) },
    done: redirectedWith("done", "added"),
  }),
  "POST /staff/admin/emergency-contacts remove": async () => {
    const added = await addEmergencyContact(store.db, {
      countryCode: "IT",
      kind: "police",
      phone: String(nextEmergencyNumber()),
      actor: { actorType: "system" },
    });
    if (!added.ok) throw new Error("emergency contact not added");
    return { path: "/staff/admin/emergency-contacts", body: { intent: "remove", id: added.id }, done: redirectedWith("done", "removed") };
  },
  "GET /staff/admin/legal-migration": async () => ({ path: "/staff/admin/legal-migration" }),
  "POST /staff/admin/legal-migration": async () => ({
    path: "/staff/admin/legal-migration",
    body: { ...LEGAL_FACT_FORM, key: nextLegalKey() },
    done: redirectedWith("done", "added"),
  }),
  "GET /staff/admin/legal-migration/:key": async () => ({ path: "/staff/admin/legal-migration/pk-beoe-site" }),
  "POST /staff/admin/legal-migration/:key save": async () => ({
    path: "/staff/admin/legal-migration/gr-migration-ministry",
    body: { ...LEGAL_FACT_FORM, checkedOnDay: "1", intent: "save" },
    done: redirectedWith("saved", "gr-migration-ministry"),
  }),
  "POST /staff/admin/legal-migration/:key confirm": async () => {
    const key = nextLegalKey();
    const added = await addLegalFact(store.db, {
      key,
      destination: "IT",
      kind: "link",
      value: "https://integrazionemigranti.gov.it/",
      labels: { ur: "اٹلی", en: "Italy", el: "Ιταλία", it: "Italia" },
      source: "Ministero del Lavoro e delle Politiche Sociali",
      checkedOn: "2026-12-01",
      actor: { actorType: "system" },
    });
    if (!added.ok) throw new Error("legal fact not added");
    return { path: `/staff/admin/legal-migration/${key}`, body: { intent: "confirm" }, done: redirectedWith("confirmed", "1") };
  },
  "GET /staff/admin/report-retention": async () => ({ path: "/staff/admin/report-retention" }),
  "POST /staff/admin/report-retention": async () => ({
    path: "/staff/admin/report-retention",
    body: { years: "3" },
    done: redirectedWith("saved", "1"),
  }),
  "GET /staff/admin/centers": async () => ({ path: "/staff/admin/centers" }),
  "GET /staff/admin/centers/:slug": async () => ({ path: "/staff/admin/centers/sialkot" }),
  "POST /staff/admin/centers/:slug": async () => {
    const center = (await findCenter(store.db, "sialkot"))!;
    return {
      path: "/staff/admin/centers/sialkot",
      body: {
        nameEn: center.names.en,
        nameUr: center.names.ur,
        nameEl: center.names.el,
        nameIt: center.names.it,
        address: center.address ?? "",
        phone: center.phone ?? "",
        email: center.email ?? "",
        referralCode: center.referralCode ?? "",
        active: center.active ? "yes" : "no",
      },
      done: redirectedWith("saved", "sialkot"),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Calling and reading the answer.

/**
 * How a POST arrives. "page": a plain form post, as without JavaScript; Remix runs the action and,
 * unless it redirects, the route's loader too, whose guard could hide an action that has none.
 * "data": the single-fetch request the app's own JavaScript sends (`/path.data`), which runs the
 * action alone.
 */
type Transport = "page" | "data";
type Answer = { status: number; location: string | null };
type Outcome = Access | `status ${number}`;

/** The Remix route serving each path of the build, for `.data` URLs (index routes take `?index`). */
const routeIndex = new Map<string, boolean>();

function fullPath(id: string): string {
  const segments: string[] = [];
  for (let route = build.routes[id]; route; route = route.parentId ? build.routes[route.parentId] : undefined)
    if (route.path) segments.unshift(route.path);
  return `/${segments.join("/")}`;
}

function dataUrl(pathWithQuery: string): string {
  const url = new URL(pathWithQuery, baseUrl);
  if (routeIndex.get(url.pathname)) url.searchParams.set("index", "");
  url.pathname = `${url.pathname.replace(/\/$/, "")}.data`;
  return url.toString();
}

async function send(method: "GET" | "POST", transport: Transport, call: Call, cookie: string | null): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  let res: Response;
  if (method === "GET") {
    res = await fetch(baseUrl + call.path, { headers, redirect: "manual" });
  } else {
    headers.origin = baseUrl;
    headers["content-type"] = "application/x-www-form-urlencoded";
    const url = transport === "data" ? dataUrl(call.path) : baseUrl + call.path;
    res = await fetch(url, { method: "POST", headers, body: new URLSearchParams(call.body ?? {}).toString(), redirect: "manual" });
  }
  await res.arrayBuffer();
  const location = res.headers.get("location") ?? res.headers.get("x-remix-redirect");
  // Single fetch answers a redirect with 202 and the target: the same thing as a 3xx here.
  return { status: res.status === 202 && location ? 302 : res.status, location };
}

function classify(answer: Answer): Outcome {
  if (answer.status >= 200 && answer.status < 300) return "allow";
  if (answer.status >= 300 && answer.status < 400) {
    const location = new URL(answer.location ?? "/", baseUrl);
    // The sign-out's own confirmation is the login page too: that one is the action done, not a refusal.
    if (location.pathname === "/staff/login" && location.searchParams.get("signedOut") !== "1") return "sign-in";
    return "allow";
  }
  if (answer.status === 403) return "forbidden";
  if (answer.status === 404) return "not-found";
  return `status ${answer.status}`;
}

type Actor = Role | "anonymous";
const ACTORS: readonly Actor[] = [...ROLES, "anonymous"];
type CellResult = { rule: string; actor: Actor; caseCenter: string | null; expected: Access; actual: Outcome; note: string | null };

function columnName(actor: Actor, caseCenter: string | null): string {
  return caseCenter ? `${actor}@${caseCenter}` : actor;
}

/** One line per entry (and transport), one column per actor (× case center); a mismatch shows as actual≠expected!. */
function formatMatrix(results: readonly CellResult[]): string {
  const short: Record<string, string> = { allow: "ok", forbidden: "403", "not-found": "404", "sign-in": "login" };
  const columns = ACTORS.flatMap((a) => [columnName(a, null), columnName(a, OWN_CENTER), columnName(a, OTHER_CENTER)]).filter((c) =>
    results.some((r) => columnName(r.actor, r.caseCenter) === c),
  );
  const rules = [...new Set(results.map((r) => r.rule))];
  const cellText = (rule: string, column: string) => {
    const r = results.find((x) => x.rule === rule && columnName(x.actor, x.caseCenter) === column);
    if (!r) return "";
    const actual = short[r.actual] ?? r.actual;
    if (r.actual !== r.expected) return `${actual}≠${short[r.expected]}!`;
    return r.note ? `${actual}?` : actual;
  };
  const table = [["route", ...columns], ...rules.map((rule) => [rule, ...columns.map((c) => cellText(rule, c))])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")).join("\n");
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const buildPath = path.resolve("build/index.js");
  if (!fs.existsSync(buildPath)) throw new Error("No production build: run `npm run build` before these tests");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-matrix-"));
  // RATE_LIMITS off: the matrix sends a few hundred form posts from one address within a minute.
  env = parseEnv({ NODE_ENV: "production", DATA_DIR: dir, LOG_LEVEL: "info", RATE_LIMITS: "false" });
  secrets = resolveSecrets(env);
  store = openStore({ dialect: "sqlite", path: path.join(dir, "portal.sqlite") });
  await migrateToLatest(store.db);
  await seedReferenceData(store.db);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      const line = JSON.parse(String(chunk)) as { msg?: string; err?: { message?: string } };
      serverErrors.push(`${line.msg ?? "error"}${line.err?.message ? `: ${line.err.message}` : ""}`);
      done();
    },
  });
  build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  for (const [id, route] of Object.entries(build.routes)) if (route) routeIndex.set(fullPath(id), Boolean(route.index));
  const app = createApp({ env, secrets, store, logger: pino({ level: "error" }, sink), build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  passwordHash = await hashPassword(PASSWORD);
  for (const role of ROLES) staff[role] = await createMember(role);
});

afterAll(() => close());

/** Actions that read their form before asking who is posting (see the matrix report): an entry goes once its action checks first. */
const READS_FORM_BEFORE_GUARD: readonly string[] = [];

describe("the staff route table", () => {
  it("names each entry once, and has a way to call each", () => {
    const names = STAFF_ROUTES.map(describeRule);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names.filter((n) => !RECIPES[n])).toEqual([]);
    expect(Object.keys(RECIPES).filter((n) => !names.includes(n))).toEqual([]);
  });

  it("covers every staff route module, and nothing else", () => {
    const problems: string[] = [];
    const covered = new Set<string>();
    for (const file of fs.readdirSync(ROUTES_DIR).filter((f) => f.startsWith("staff"))) {
      const id = `routes/${file.replace(/\.[jt]sx?$/, "")}`;
      const route = build.routes[id];
      if (!route) {
        problems.push(`${file}: not in build/index.js (run \`remix build\`)`);
        continue;
      }
      const routePath = fullPath(id);
      covered.add(routePath);
      const rows = STAFF_ROUTES.filter((r) => r.path === routePath);
      // A module without a loader still answers GET with its page.
      const methods = { GET: Boolean(route.module.loader || route.module.default), POST: Boolean(route.module.action) };
      for (const method of ["GET", "POST"] as const) {
        const has = rows.some((r) => r.method === method);
        if (methods[method] && !has) problems.push(`${file}: ${method} ${routePath} has no row in app/domain/staff-routes.ts`);
        if (!methods[method] && has)
          problems.push(`${file}: the table has ${method} ${routePath}, the module has no ${method === "GET" ? "loader" : "action"}`);
      }
      // Every intent the action accepts has its own row, and the table names no intent the action lacks.
      const declared = declaredIntents(fs.readFileSync(path.join(ROUTES_DIR, file), "utf8")) ?? [];
      const tabled = rows.filter((r) => r.method === "POST" && r.intent).map((r) => r.intent!);
      const missing = declared.filter((i) => !tabled.includes(i));
      const extra = tabled.filter((i) => !declared.includes(i));
      if (missing.length) problems.push(`${file}: intents without a row: ${missing.join(", ")}`);
      if (extra.length) problems.push(`${file}: rows for intents the action does not declare: ${extra.join(", ")}`);
    }
    for (const rule of STAFF_ROUTES)
      if (!covered.has(rule.path)) problems.push(`${describeRule(rule)}: no staff route module serves this path`);
    expect(problems).toEqual([]);
  });

  it("checks the case intents against the form schema", () => {
    const tabled = STAFF_ROUTES.filter((r) => r.path === "/staff/cases/:id" && r.method === "POST").map((r) => r.intent);
    expect([...tabled].sort()).toEqual([...CASE_INTENTS].sort());
  });

  it("is what every role and an anonymous visitor get, on their own center's cases and on another's", { timeout: 240_000 }, async () => {
    const results: CellResult[] = [];
    for (const rule of STAFF_ROUTES) {
      const recipe = RECIPES[describeRule(rule)]!;
      for (const transport of rule.method === "POST" ? (["page", "data"] as const) : (["page"] as const)) {
        const name = `${describeRule(rule)}${transport === "data" ? " (.data)" : ""}`;
        for (const actor of ACTORS) {
          const member = actor === "anonymous" ? null : staff[actor];
          for (const caseCenter of takesCase(rule) ? [OWN_CENTER, OTHER_CENTER] : [null]) {
            const relation = caseCenter === null ? null : member?.centerSlug === caseCenter ? "own" : "other";
            const expected = expectedAccess(rule, member?.role ?? null, relation);
            const call = await recipe({ actor: member, caseCenter });
            const errorsBefore = serverErrors.length;
            const answer = await send(rule.method, transport, call, await sessionCookie(member));
            const actual = classify(answer);
            // Served, but did it do the thing? A business-rule refusal (a 200 with a problem) would
            // otherwise pass for access, and hide a setup that no longer exercises the action.
            let note: string | null = null;
            if (actual === "allow" && expected === "allow" && call.done && !call.done(answer))
              note = `served with ${answer.status} ${answer.location ?? ""} but the action did not complete`;
            if (serverErrors.length > errorsBefore)
              note = `${note ? `${note}; ` : ""}server error: ${serverErrors.slice(errorsBefore).join("; ")}`;
            results.push({ rule: name, actor, caseCenter, expected, actual, note });
          }
        }
      }
    }
    const mismatches = results
      .filter((r) => r.actual !== r.expected)
      .map(
        (r) => `${r.rule} as ${columnName(r.actor, r.caseCenter)}: expected ${r.expected}, got ${r.actual}${r.note ? ` (${r.note})` : ""}`,
      );
    const incomplete = results
      .filter((r) => r.actual === r.expected && r.note)
      .map((r) => `${r.rule} as ${columnName(r.actor, r.caseCenter)}: ${r.note}`);
    if (mismatches.length > 0 || incomplete.length > 0 || process.env.PRINT_MATRIX === "1")
      console.error(`Route × role matrix (${results.length} cells):\n${formatMatrix(results)}`);
    expect(mismatches).toEqual([]);
    expect(incomplete).toEqual([]);
    // Every guarded entry lets some role through: a row nobody can use is a typo.
    for (const rule of STAFF_ROUTES.filter((r) => r.scope === "permission" || r.scope === "center")) {
      expect(
        results.some((r) => r.rule === describeRule(rule) && r.actual === "allow"),
        describeRule(rule),
      ).toBe(true);
    }
    const perRule = (r: StaffRouteRule) => ACTORS.length * (takesCase(r) ? 2 : 1) * (r.method === "POST" ? 2 : 1);
    expect(results.length).toBe(STAFF_ROUTES.reduce((n, r) => n + perRule(r), 0));
  });

  it("asks who is posting before reading the form", async () => {
    const found: string[] = [];
    const details: string[] = [];
    for (const routePath of [...new Set(STAFF_ROUTES.filter((r) => r.method === "POST" && r.scope !== "public").map((r) => r.path))]) {
      const rules = STAFF_ROUTES.filter((r) => r.method === "POST" && r.path === routePath);
      const permissions = rules.flatMap((r) => ("anyOf" in r ? r.anyOf : []));
      // Anonymous, and (for guarded actions) every role that holds none of the action's permissions.
      const actors: Actor[] = ["anonymous", ...ROLES.filter((role) => permissions.length > 0 && !permissions.some((p) => can(role, p)))];
      const call = await RECIPES[describeRule(rules[0]!)]!({ actor: staff.officer, caseCenter: OWN_CENTER });
      for (const actor of actors) {
        const member = actor === "anonymous" ? null : staff[actor];
        const actual = classify(await send("POST", "data", { path: call.path, body: {} }, await sessionCookie(member)));
        const expected: Access = actor === "anonymous" ? "sign-in" : "forbidden";
        if (actual !== expected) {
          details.push(`POST ${routePath} (empty form) as ${actor}: expected ${expected}, got ${actual}`);
          if (!found.includes(routePath)) found.push(routePath);
        }
      }
    }
    if (found.join() !== READS_FORM_BEFORE_GUARD.join()) console.error(details.join("\n"));
    expect(found).toEqual(READS_FORM_BEFORE_GUARD);
  });
});

/**
 * The intents a route module's action accepts: its `INTENTS` list, or the list beside the form schema it imports.
 * Null when the module declares none (an action that does one thing).
 */
function declaredIntents(source: string): string[] | null {
  const list = /\bconst INTENTS\s*=\s*\[([^\]]*)\]/.exec(source);
  if (list) return [...list[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  if (/from "~\/schemas\/case-action"/.test(source)) return [...CASE_INTENTS];
  if (/from "~\/schemas\/dispute"/.test(source)) return [...DISPUTE_INTENTS];
  if (/from "~\/services\/report-intents.server"/.test(source)) return [...REPORT_ACTION_NAMES];
  if (/from "~\/schemas\/holiday"/.test(source)) return [...HOLIDAY_INTENTS];
  if (/from "~\/schemas\/emergency-contact"/.test(source)) return [...EMERGENCY_CONTACT_INTENTS];
  // schemas/staff-account also holds the invitation form, which has no intents: only the page that reads them counts.
  if (/\bisAccountIntent\b/.test(source)) return [...ACCOUNT_INTENTS];
  return null;
}
