import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { describeEachStore } from "../../test/support/stores";
import { createTestStaff } from "../../test/support/staff-accounts";
import { insertStaffSession, revokeStaffSession } from "~/models/staff-session.server";
import {
  clearedSessionCookie,
  destinationAfterSignIn,
  requirePendingSignIn,
  requirePermission,
  requireStaff,
  safeRedirectPath,
  sessionCookie,
  sessionToken,
  staffActor,
  STAFF_SIGN_IN_FAILURES,
  staffPath,
  takeSignInAttempt,
} from "./auth.server";
import { parseEnv } from "~/utils/env.server";

function testContext(db: Kysely<Database>, env: Record<string, string> = {}): AppLoadContext {
  return {
    db,
    env: parseEnv({ NODE_ENV: "test", RATE_LIMITS: "false", ...env }),
    logger: pino({ level: "silent" }),
    requestId: "test",
    clientAddress: "203.0.113.7",
    withinAnonymousLimit: () => true,
    cspNonce: "nonce",
    sessionSecret: "s".repeat(32),
    documentKey: randomBytes(32),
  };
}

const TOKEN = "A".repeat(43);

describe("safeRedirectPath", () => {
  it.each([
    ["/staff", "/staff"],
    ["/staff/queue", "/staff/queue"],
    ["/staff/cases/PCC-2345-6789?tab=notes", "/staff/cases/PCC-2345-6789?tab=notes"],
    ["/staff/queue#top", "/staff/queue"],
    ["/staff/./queue", "/staff/queue"],
  ])("keeps the staff path %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    ["an absolute URL", "https://evil.example/staff"],
    ["a scheme-relative URL", "//evil.example/staff"],
    ["a backslash that browsers read as a slash", "/\\evil.example/staff"],
    ["a backslash later on", "/staff\\..\\..\\evil"],
    ["a tab that browsers drop", "/\t/evil.example/staff"],
    ["a newline", "/staff/\nqueue"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,hi"],
    ["a relative path without a slash", "staff/queue"],
    ["a path outside the staff area", "/en/certificate"],
    ["a look-alike prefix", "/staffing"],
    ["dot segments climbing out", "/staff/../en"],
    ["encoded dot segments", "/staff/%2e%2e/en"],
    ["the sign-in page (a loop)", "/staff/login?redirectTo=/staff"],
    ["the second-factor page", "/staff/totp"],
    ["the sign-out route", "/staff/logout"],
    ["an empty value", ""],
    ["a missing value", null],
    ["something not a string", ["/staff/queue"]],
    ["an overlong value", `/staff/${"a".repeat(3000)}`],
  ])("refuses %s", (_, input) => {
    expect(safeRedirectPath(input)).toBe("/staff");
    expect(safeRedirectPath(input, "/staff/queue")).toBe("/staff/queue");
  });
});

describe("staff paths keep the chosen language", () => {
  const request = (url: string) => new Request(`http://localhost${url}`);

  it("adds ?lng= when the request has a valid one", () => {
    expect(staffPath(request("/staff/login?lng=ur"), "/staff/totp", { redirectTo: "/staff/queue" })).toBe(
      "/staff/totp?redirectTo=%2Fstaff%2Fqueue&lng=ur",
    );
    expect(staffPath(request("/staff/login?lng=xx"), "/staff")).toBe("/staff");
    expect(staffPath(request("/staff/login"), "/staff/login", { ended: "1", redirectTo: null })).toBe("/staff/login?ended=1");
  });

  it("sends a completed sign-in to the checked redirectTo, or home", () => {
    expect(destinationAfterSignIn(request("/staff/totp?redirectTo=%2Fstaff%2Fqueue%3Fpage%3D2&lng=el"))).toBe("/staff/queue?page=2&lng=el");
    expect(destinationAfterSignIn(request("/staff/totp?redirectTo=https%3A%2F%2Fevil.example"))).toBe("/staff");
    expect(destinationAfterSignIn(request("/staff/totp?redirectTo=%2Fstaff%2Fqueue%3Flng%3Dit&lng=ur"))).toBe("/staff/queue?lng=it");
  });
});

describe("the session cookie", () => {
  const context = (nodeEnv: "production" | "test") => ({ env: parseEnv({ NODE_ENV: nodeEnv }) }) as AppLoadContext;
  const issued = { token: TOKEN, idHash: "h", ref: "r" };

  it("is HttpOnly, SameSite=Lax, for /staff only, Secure in production, and lasts as long as the browser", () => {
    expect(sessionCookie(context("production"), issued)).toBe(`pscg_staff=${TOKEN}; Path=/staff; HttpOnly; SameSite=Lax; Secure`);
    expect(sessionCookie(context("test"), issued)).toBe(`pscg_staff=${TOKEN}; Path=/staff; HttpOnly; SameSite=Lax`);
    expect(clearedSessionCookie(context("production"))).toMatch(/^pscg_staff=; Max-Age=0; .*Path=\/staff; HttpOnly; SameSite=Lax; Secure$/);
  });

  it("is read only when it has the shape of an issued token", () => {
    const withCookie = (cookie: string) => new Request("http://localhost/staff", { headers: { Cookie: cookie } });
    expect(sessionToken(withCookie(`pcc_draft=x; pscg_staff=${TOKEN}; other=1`))).toBe(TOKEN);
    expect(sessionToken(withCookie("pscg_staff=short"))).toBeNull();
    expect(sessionToken(withCookie(`pscg_staff_other=${TOKEN}`))).toBeNull();
    expect(sessionToken(new Request("http://localhost/staff"))).toBeNull();
  });
});

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown response");
}

describeEachStore("staff guards", (store) => {
  const request = (path: string, token?: string) =>
    new Request(`http://localhost${path}`, token ? { headers: { Cookie: `pscg_staff=${token}` } } : {});

  it("let a full session through with the user and a session reference for the audit log", async () => {
    const { db } = store();
    const context = testContext(db);
    const staff = await createTestStaff(db, { role: "supervisor" });
    const session = await insertStaffSession(db, staff.id, "full");
    const identity = await requireStaff(request("/staff/queue", session.token), context);
    expect(identity).toEqual({
      user: { id: staff.id, email: staff.email, displayName: "Test Officer", role: "supervisor", centerSlug: null },
      sessionRef: session.ref,
    });
    expect(staffActor(identity)).toEqual({ actorType: "staff", actorId: staff.id, sessionRef: session.ref });
    expect(await requirePermission(request("/staff/queue", session.token), context, "reassign:case:center")).toEqual(identity);
  });

  it("send anyone without a session to sign in, and back afterwards", async () => {
    const { db } = store();
    const context = testContext(db);
    const response = await thrown(requireStaff(request("/staff/cases/PCC-2345-6789?tab=notes&lng=ur"), context));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/staff/login?redirectTo=%2Fstaff%2Fcases%2FPCC-2345-6789%3Ftab%3Dnotes&lng=ur");
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("clear a dead cookie and say the session ended", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const session = await insertStaffSession(db, staff.id, "full");
    await revokeStaffSession(db, session.idHash);
    const response = await thrown(requireStaff(request("/staff", session.token), testContext(db)));
    expect(response.headers.get("Location")).toBe("/staff/login?ended=1");
    expect(response.headers.get("Set-Cookie")).toMatch(/^pscg_staff=; Max-Age=0/);
  });

  it("keep a pending session on the second-factor pages", async () => {
    const { db } = store();
    const context = testContext(db);
    const enrolled = await createTestStaff(db);
    const pending = await insertStaffSession(db, enrolled.id, "pending");
    const toCode = await thrown(requireStaff(request("/staff/queue", pending.token), context));
    expect(toCode.headers.get("Location")).toBe("/staff/totp?redirectTo=%2Fstaff%2Fqueue");
    expect((await requirePendingSignIn(request("/staff/totp", pending.token), context, "code")).idHash).toBe(pending.idHash);
    const wrongPage = await thrown(requirePendingSignIn(request("/staff/totp/setup", pending.token), context, "setup"));
    expect(wrongPage.headers.get("Location")).toBe("/staff/totp");

    const newcomer = await createTestStaff(db, { totp: false });
    const enrolling = await insertStaffSession(db, newcomer.id, "pending");
    const toSetup = await thrown(requireStaff(request("/staff", enrolling.token), context));
    expect(toSetup.headers.get("Location")).toBe("/staff/totp/setup");

    // A full session has nothing to do there.
    const full = await insertStaffSession(db, enrolled.id, "full");
    const onward = await thrown(requirePendingSignIn(request("/staff/totp?redirectTo=%2Fstaff%2Fqueue", full.token), context, "code"));
    expect(onward.headers.get("Location")).toBe("/staff/queue");
  });

  it("limit failed sign-in attempts per client address, and give back the ones that succeed", async () => {
    const { db } = store();
    const context = { ...testContext(db, { RATE_LIMITS: "true" }), clientAddress: "198.51.100.23" };
    const succeeded = await takeSignInAttempt(context);
    await succeeded.succeeded();
    for (let i = 0; i < STAFF_SIGN_IN_FAILURES.max; i += 1) expect((await takeSignInAttempt(context)).allowed).toBe(true);
    expect((await takeSignInAttempt(context)).allowed).toBe(false);
    expect((await takeSignInAttempt({ ...context, clientAddress: "198.51.100.24" })).allowed).toBe(true);
    expect((await takeSignInAttempt(testContext(db))).allowed).toBe(true);
  });

  it("answer 403 when the role lacks the permission", async () => {
    const { db } = store();
    const admin = await createTestStaff(db, { role: "admin" });
    const session = await insertStaffSession(db, admin.id, "full");
    const response = await thrown(requirePermission(request("/staff/queue", session.token), testContext(db), "read:case:center"));
    expect(response.status).toBe(403);
  });
});
