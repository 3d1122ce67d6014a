/**
 * Guards for staff routes. Every staff loader and action calls one of these first: the server
 * decides who may see or do what, whatever the page shows. The session itself lives in the store
 * (app/models/staff-session.server.ts); the browser holds only its token, in `pscg_staff`.
 */
import { type AppLoadContext, redirect } from "@remix-run/node";
import { can, type Permission } from "~/domain/permissions";
import { isLang } from "~/i18n";
import { rateLimitKey, recordHit, undoHit } from "~/models/rate-limit.server";
import {
  findStaffSession,
  type IssuedSession,
  type OpenStaffSession,
  type StaffSessionUser,
  touchStaffSession,
} from "~/models/staff-session.server";
import type { Limit } from "~/services/rate-limit.server";
import { forbidden } from "~/utils/responses";
import { hashToken } from "~/utils/secret-token.server";

export const STAFF_COOKIE = "pscg_staff";
export const STAFF_HOME = "/staff";
export const STAFF_LOGIN = "/staff/login";
export const TOTP_PAGE = "/staff/totp";
export const TOTP_SETUP_PAGE = "/staff/totp/setup";

/** 32 random bytes in base64url, as issued; anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Failed password or code attempts from one client address before it must wait. */
export const STAFF_SIGN_IN_FAILURES: Limit = { bucket: "staff_sign_in", max: 20, windowMs: 15 * 60_000 };

export type StaffUser = Omit<StaffSessionUser, "totpConfirmed">;
export type StaffIdentity = { user: StaffUser; sessionRef: string };

// ---------------------------------------------------------------------------------------------
// The cookie. Written by hand rather than with createCookie: its value is the bare token, so the
// stored id_hash is exactly sha256(cookie value), and no signature is needed on 256 random bits.

function cookieAttributes(context: AppLoadContext): string {
  // Path=/staff: citizen pages never receive the staff session. No Max-Age: the cookie goes when
  // the browser closes (shared counter computers); the store enforces the idle and absolute limits.
  return `Path=${STAFF_HOME}; HttpOnly; SameSite=Lax${context.env.NODE_ENV === "production" ? "; Secure" : ""}`;
}

export function sessionCookie(context: AppLoadContext, session: IssuedSession): string {
  return `${STAFF_COOKIE}=${session.token}; ${cookieAttributes(context)}`;
}

export function clearedSessionCookie(context: AppLoadContext): string {
  return `${STAFF_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${cookieAttributes(context)}`;
}

export function sessionToken(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0 || part.slice(0, separator).trim() !== STAFF_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    if (TOKEN_SHAPE.test(value)) return value;
  }
  return null;
}

/** The stored id of the browser's session (sha256 of the token), for models keyed by it. */
export function sessionIdHash(request: Request): string | null {
  const token = sessionToken(request);
  return token ? hashToken(token) : null;
}

// ---------------------------------------------------------------------------------------------
// Where to send people. Every path is relative and under /staff; `?lng=` follows along.

const PROBE_ORIGIN = "http://probe.invalid";
/** Pages a sign-in must not return to: they would loop or start over. */
const NOT_A_DESTINATION = new Set([
  STAFF_LOGIN,
  "/staff/logout",
  TOTP_PAGE,
  TOTP_SETUP_PAGE,
  "/staff/totp/recovery-codes",
  "/staff/setup",
  "/staff/invite",
]);

/** Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example". */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A path to send a signed-in person to, from untrusted input (`?redirectTo=`): only a relative
 * path inside the staff area. Absolute URLs, scheme-relative `//host`, backslashes (which browsers
 * read as slashes) and control characters all give the fallback.
 */
export function safeRedirectPath(value: unknown, fallback: string = STAFF_HOME): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\") || hasControlCharacter(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  if (url.pathname !== STAFF_HOME && !url.pathname.startsWith(`${STAFF_HOME}/`)) return fallback;
  if (NOT_A_DESTINATION.has(url.pathname.replace(/\/$/, ""))) return fallback;
  return `${url.pathname}${url.search}`;
}

/** The request's `?lng=`, when it names a language. */
function requestedLanguage(request: Request): string | null {
  const lng = new URL(request.url).searchParams.get("lng");
  return isLang(lng) ? lng : null;
}

/**
 * A staff path with the given query parameters and the language the visitor chose (`?lng=`),
 * so a redirect never drops them back into English.
 */
export function staffPath(request: Request, path: string, params: Record<string, string | null> = {}): string {
  const url = new URL(path, PROBE_ORIGIN);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  const lng = requestedLanguage(request);
  if (lng && !url.searchParams.has("lng")) url.searchParams.set("lng", lng);
  return `${url.pathname}${url.search}`;
}

/** Where the request was going (for `?redirectTo=`), without the language, which travels on its own. */
function currentDestination(request: Request): string | null {
  const url = new URL(request.url);
  for (const name of ["lng", "_routes", "index"]) url.searchParams.delete(name);
  const path = safeRedirectPath(`${url.pathname}${url.search}`, "");
  return path === "" || path === STAFF_HOME ? null : path;
}

/** The `?redirectTo=` of this request, checked; null when absent or unsafe. */
export function requestedDestination(request: Request): string | null {
  const path = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  return path === "" ? null : path;
}

/** Where a completed sign-in goes: the checked `?redirectTo=`, else the staff home page. */
export function destinationAfterSignIn(request: Request): string {
  return staffPath(request, requestedDestination(request) ?? STAFF_HOME);
}

// ---------------------------------------------------------------------------------------------
// Guards.

export async function readStaffSession(request: Request, context: AppLoadContext): Promise<OpenStaffSession | null> {
  const token = sessionToken(request);
  return token ? findStaffSession(context.db, token) : null;
}

function signInRedirect(request: Request, context: AppLoadContext, hadCookie: boolean): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  // A dead cookie is cleared so that the login page can tell "signed out" from "never signed in".
  if (hadCookie) headers.append("Set-Cookie", clearedSessionCookie(context));
  return redirect(staffPath(request, STAFF_LOGIN, { redirectTo: currentDestination(request), ended: hadCookie ? "1" : null }), { headers });
}

/** The signed-in staff member, or a redirect to sign in (or to finish signing in) and come back. */
export async function requireStaff(request: Request, context: AppLoadContext): Promise<StaffIdentity> {
  const session = await readStaffSession(request, context);
  if (!session) throw signInRedirect(request, context, sessionToken(request) !== null);
  if (session.data.stage !== "full") {
    const page = session.user.totpConfirmed ? TOTP_PAGE : TOTP_SETUP_PAGE;
    throw redirect(staffPath(request, page, { redirectTo: currentDestination(request) }));
  }
  await touchStaffSession(context.db, session.idHash);
  const { totpConfirmed: _, ...user } = session.user;
  return { user, sessionRef: session.ref };
}

/** As requireStaff, and a 403 unless the staff member's role grants `permission`. */
export async function requirePermission(request: Request, context: AppLoadContext, permission: Permission): Promise<StaffIdentity> {
  const staff = await requireStaff(request, context);
  if (!can(staff.user.role, permission)) {
    context.logger.info({ requestId: context.requestId, permission }, "staff request refused: missing permission");
    throw forbidden();
  }
  return staff;
}

/**
 * For the second-factor pages only: a pending session, on the page that fits it (setup until a
 * TOTP secret is confirmed, the code page after). A full session goes on to where it was going.
 */
export async function requirePendingSignIn(request: Request, context: AppLoadContext, page: "setup" | "code"): Promise<OpenStaffSession> {
  const session = await readStaffSession(request, context);
  if (!session) throw signInRedirect(request, context, sessionToken(request) !== null);
  if (session.data.stage === "full") throw redirect(destinationAfterSignIn(request));
  const wanted = session.user.totpConfirmed ? "code" : "setup";
  if (wanted !== page) {
    throw redirect(staffPath(request, wanted === "code" ? TOTP_PAGE : TOTP_SETUP_PAGE, { redirectTo: requestedDestination(request) }));
  }
  return session;
}

/** The audit fields for an action by this staff member: `insertAuditEvent(trx, { ...staffActor(staff), … })`. */
export function staffActor(staff: StaffIdentity): { actorType: "staff"; actorId: string; sessionRef: string } {
  return { actorType: "staff", actorId: staff.user.id, sessionRef: staff.sessionRef };
}

// ---------------------------------------------------------------------------------------------
// Per-client limit on failed attempts, on top of the per-account lockout: it slows one address
// trying many accounts. Offices share an address behind NAT, so only failures are counted.

export type SignInAttempt = { allowed: boolean; succeeded: () => Promise<void> };

export async function takeSignInAttempt(context: AppLoadContext): Promise<SignInAttempt> {
  if (!context.env.RATE_LIMITS) return { allowed: true, succeeded: async () => {} };
  const key = rateLimitKey(STAFF_SIGN_IN_FAILURES.bucket, context.clientAddress, context.sessionSecret);
  const hit = await recordHit(context.db, key, STAFF_SIGN_IN_FAILURES.windowMs);
  return { allowed: hit.hits <= STAFF_SIGN_IN_FAILURES.max, succeeded: () => undoHit(context.db, key) };
}
