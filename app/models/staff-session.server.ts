/**
 * Staff sessions, kept in the store so every instance sees the same ones and a sign-out or a
 * disabled account ends them everywhere at once. The browser holds a random token; the table holds
 * only its sha256, so a copied database cannot be replayed as cookies.
 *
 * A session starts "pending" after the password and becomes "full" only after the second factor,
 * always under a new token (a token seen before a privilege change is never worth more after it).
 * Relative imports only: the end-to-end fixtures import this module outside the app's bundler.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../domain/permissions";
import { hashToken } from "../utils/secret-token.server";
import type { Database } from "../../db/schema";

/** Signed out after this long without a request (OWASP: 15–30 minutes for sensitive back offices). */
export const SESSION_IDLE_MS = 30 * 60_000;
/** Signed out this long after the second factor, however busy: a working day. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** Time allowed between the password and the second factor. */
export const PENDING_SESSION_MS = 10 * 60_000;
/** last_seen_at is written at most this often: a write per page view buys nothing. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionStage = "pending" | "full";

export type SessionData = {
  stage: SessionStage;
  /** During TOTP enrolment: the sealed secret shown on the setup page, until it is confirmed. */
  enrollment?: string;
  /** Right after enrolment: the sealed recovery codes, until the page that shows them once takes them. */
  recoveryCodes?: string;
};

export type StaffSessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  centerSlug: string | null;
  totpConfirmed: boolean;
};

export type OpenStaffSession = {
  idHash: string;
  /** A short, stable name for the session in the audit log; it does not lead back to the cookie. */
  ref: string;
  data: SessionData;
  user: StaffSessionUser;
};

export type IssuedSession = { token: string; idHash: string; ref: string };

export function sessionRef(idHash: string): string {
  return idHash.slice(0, 16);
}

function parseData(text: string): SessionData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  // Anything unreadable is treated as a pending session: it reaches no staff page.
  if (typeof value !== "object" || value === null) return { stage: "pending" };
  const record = value as Record<string, unknown>;
  const data: SessionData = { stage: record.stage === "full" ? "full" : "pending" };
  if (typeof record.enrollment === "string") data.enrollment = record.enrollment;
  if (typeof record.recoveryCodes === "string") data.recoveryCodes = record.recoveryCodes;
  return data;
}

/** Stores a new session under a fresh 256-bit token and returns the token (for the cookie only). */
export async function insertStaffSession(
  db: Kysely<Database>,
  staffUserId: string,
  stage: SessionStage,
  now = new Date(),
): Promise<IssuedSession> {
  const token = randomBytes(32).toString("base64url");
  const idHash = hashToken(token);
  const lifetime = stage === "full" ? SESSION_ABSOLUTE_MS : PENDING_SESSION_MS;
  const stamp = now.toISOString();
  await db
    .insertInto("session")
    .values({
      id_hash: idHash,
      staff_user_id: staffUserId,
      created_at: stamp,
      last_seen_at: stamp,
      expires_at: new Date(now.getTime() + lifetime).toISOString(),
      revoked_at: null,
      data: JSON.stringify({ stage } satisfies SessionData),
    })
    .execute();
  return { token, idHash, ref: sessionRef(idHash) };
}

/**
 * The live session behind a cookie token: not revoked, within its absolute and idle limits, and
 * belonging to an account that is not disabled. Anything else is null, for whatever reason.
 */
export async function findStaffSession(db: Kysely<Database>, token: string, now = new Date()): Promise<OpenStaffSession | null> {
  if (!token) return null;
  const stamp = now.toISOString();
  const row = await db
    .selectFrom("session")
    .innerJoin("staff_user", "staff_user.id", "session.staff_user_id")
    .select([
      "session.id_hash",
      "session.data",
      "staff_user.id",
      "staff_user.email",
      "staff_user.display_name",
      "staff_user.role",
      "staff_user.center_slug",
      "staff_user.totp_confirmed_at",
    ])
    .where("session.id_hash", "=", hashToken(token))
    .where("session.revoked_at", "is", null)
    .where("session.expires_at", ">", stamp)
    .where("session.last_seen_at", ">", new Date(now.getTime() - SESSION_IDLE_MS).toISOString())
    .where("staff_user.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    idHash: row.id_hash,
    ref: sessionRef(row.id_hash),
    data: parseData(row.data),
    user: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      centerSlug: row.center_slug,
      totpConfirmed: row.totp_confirmed_at !== null,
    },
  };
}

/** Slides the idle timeout forward (the absolute limit stays where it is). */
export async function touchStaffSession(db: Kysely<Database>, idHash: string, now = new Date()): Promise<void> {
  await db
    .updateTable("session")
    .set({ last_seen_at: now.toISOString() })
    .where("id_hash", "=", idHash)
    .where("revoked_at", "is", null)
    .where("last_seen_at", "<", new Date(now.getTime() - TOUCH_INTERVAL_MS).toISOString())
    .execute();
}

export async function updateStaffSessionData(db: Kysely<Database>, idHash: string, data: SessionData): Promise<void> {
  await db
    .updateTable("session")
    .set({ data: JSON.stringify(data) })
    .where("id_hash", "=", idHash)
    .execute();
}

/**
 * Takes the sealed recovery codes out of the session, once: of two requests at the same moment only
 * one gets them (the data is swapped only if nobody changed it in between).
 */
export async function takeSessionRecoveryCodes(db: Kysely<Database>, idHash: string): Promise<string | null> {
  const row = await db.selectFrom("session").select("data").where("id_hash", "=", idHash).executeTakeFirst();
  if (!row) return null;
  const { recoveryCodes, ...rest } = parseData(row.data);
  if (!recoveryCodes) return null;
  const result = await db
    .updateTable("session")
    .set({ data: JSON.stringify(rest) })
    .where("id_hash", "=", idHash)
    .where("data", "=", row.data)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? recoveryCodes : null;
}

/** Ends one session; true when it was still open. */
export async function revokeStaffSession(db: Kysely<Database>, idHash: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("session")
    .set({ revoked_at: now.toISOString() })
    .where("id_hash", "=", idHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every open session of an account (lockout, disabling, a password reset). */
export async function revokeStaffSessionsOf(db: Kysely<Database>, staffUserId: string, now = new Date()): Promise<number> {
  const result = await db
    .updateTable("session")
    .set({ revoked_at: now.toISOString() })
    .where("staff_user_id", "=", staffUserId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
