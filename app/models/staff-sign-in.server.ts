/**
 * Staff sign-in in two steps, password then second factor, each with its audit rows in the same
 * transaction as the change. Failures say nothing to the caller about which check failed; the
 * reason goes only to the audit log (never the typed email address).
 */
import { randomBytes } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import { insertAuditEvent } from "~/models/audit.server";
import {
  insertStaffSession,
  type IssuedSession,
  type OpenStaffSession,
  revokeStaffSession,
  revokeStaffSessionsOf,
  takeSessionRecoveryCodes,
  updateStaffSessionData,
} from "~/models/staff-session.server";
import {
  claimTotpStep,
  compactTotpCode,
  confirmTotpSecret,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  findConfirmedTotpSecret,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  openRecoveryCodes,
  openTotpSecret,
  replaceRecoveryCodes,
  sealRecoveryCodes,
  sealTotpSecret,
} from "~/models/staff-totp.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { hashToken } from "~/utils/secret-token.server";
import type { Database } from "../../db/schema";

/** Wrong passwords or codes in a row before the account locks (ASVS 2.2.1 asks for at most 100). */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export type SignInFailure =
  | "unknown_account"
  | "wrong_password"
  | "disabled"
  | "locked"
  | "wrong_code"
  | "replayed_code"
  | "session_ended"
  | "already_enrolled";

let dummyHash: Promise<string> | undefined;
/**
 * A hash to verify against when there is no account, so that an unknown address takes as long as
 * a wrong password and response times do not tell which addresses have accounts.
 */
function hashForUnknownAccount(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummyHash;
}

/** Thrown inside a transaction to roll it back with a refusal rather than an error. */
class Refusal extends Error {
  constructor(readonly reason: SignInFailure) {
    super(reason);
  }
}

/**
 * Counts a failed attempt; at the limit the account locks, every session of it ends, and the
 * counter starts again for when the lock expires. True when this attempt locked the account.
 */
async function recordFailedAttempt(trx: Transaction<Database>, staffUserId: string, now: Date): Promise<boolean> {
  // One statement, so concurrent failures each count (the row lock serialises them on PostgreSQL).
  const row = await trx
    .updateTable("staff_user")
    .set({ failed_sign_ins: sql<number>`failed_sign_ins + 1` })
    .where("id", "=", staffUserId)
    .returning("failed_sign_ins")
    .executeTakeFirstOrThrow();
  if (Number(row.failed_sign_ins) < MAX_FAILED_SIGN_INS) return false;
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MS).toISOString();
  await trx.updateTable("staff_user").set({ failed_sign_ins: 0, locked_until: lockedUntil }).where("id", "=", staffUserId).execute();
  await revokeStaffSessionsOf(trx, staffUserId, now);
  await insertAuditEvent(trx, {
    actorType: "system",
    action: "staff_user.locked",
    entityType: "staff_user",
    entityId: staffUserId,
    details: { until: lockedUntil, attempts: MAX_FAILED_SIGN_INS },
    occurredAt: now,
  });
  return true;
}

async function recordFailure(
  trx: Transaction<Database>,
  input: { staffUserId: string | null; stage: "password" | "second_factor"; reason: SignInFailure; sessionRef?: string; counts: boolean },
  now: Date,
): Promise<boolean> {
  // Whoever tried is not signed in, so the actor is unknown; the account tried is the entity.
  await insertAuditEvent(trx, {
    actorType: "staff",
    actorId: null,
    sessionRef: input.sessionRef ?? null,
    action: "staff_user.sign_in_failed",
    entityType: "staff_user",
    entityId: input.staffUserId,
    details: { stage: input.stage, reason: input.reason },
    occurredAt: now,
  });
  return input.counts && input.staffUserId ? recordFailedAttempt(trx, input.staffUserId, now) : false;
}

export type PasswordResult =
  | { ok: true; session: IssuedSession; totpConfirmed: boolean }
  | { ok: false; reason: SignInFailure; lockedNow: boolean };

/**
 * Step one: on the right password, a new pending session that reaches only the second-factor
 * pages. The browser's previous session, if any, ends here (no session outlives a sign-in).
 */
export async function signInWithPassword(
  db: Kysely<Database>,
  input: { email: string; password: string; previousToken: string | null },
  now = new Date(),
): Promise<PasswordResult> {
  const account = await db
    .selectFrom("staff_user")
    .select(["id", "password_hash", "disabled_at", "locked_until", "totp_confirmed_at"])
    .where("email", "=", input.email.trim().toLowerCase())
    .executeTakeFirst();
  // Always one argon2 verification, whatever the account's state.
  const passwordOk = await verifyPassword(account?.password_hash ?? (await hashForUnknownAccount()), input.password);
  const reason: SignInFailure | null = !account
    ? "unknown_account"
    : account.disabled_at
      ? "disabled"
      : account.locked_until && account.locked_until > now.toISOString()
        ? "locked"
        : !account.password_hash || !passwordOk
          ? "wrong_password"
          : null;

  return db.transaction().execute(async (trx) => {
    if (reason || !account) {
      const failure = reason ?? "unknown_account";
      const lockedNow = await recordFailure(
        trx,
        { staffUserId: account?.id ?? null, stage: "password", reason: failure, counts: failure === "wrong_password" },
        now,
      );
      return { ok: false, reason: failure, lockedNow };
    }
    if (input.previousToken) await revokeStaffSession(trx, hashToken(input.previousToken), now);
    const session = await insertStaffSession(trx, account.id, "pending", now);
    return { ok: true, session, totpConfirmed: account.totp_confirmed_at !== null };
  });
}

/** Ends the pending session and opens the full one, with the sign-in's audit row. */
async function promote(
  trx: Transaction<Database>,
  pending: OpenStaffSession,
  method: "totp" | "recovery_code",
  now: Date,
): Promise<IssuedSession> {
  if (!(await revokeStaffSession(trx, pending.idHash, now))) throw new Refusal("session_ended");
  await trx.updateTable("staff_user").set({ failed_sign_ins: 0 }).where("id", "=", pending.user.id).execute();
  const session = await insertStaffSession(trx, pending.user.id, "full", now);
  await insertAuditEvent(trx, {
    actorType: "staff",
    actorId: pending.user.id,
    sessionRef: session.ref,
    action: "staff_user.signed_in",
    entityType: "staff_user",
    entityId: pending.user.id,
    details: { method },
    occurredAt: now,
  });
  return session;
}

async function refuseOrThrow<T>(work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
}

export type SecondFactorResult =
  | { ok: true; session: IssuedSession; method: "totp" | "recovery_code"; recoveryCodesLeft: number | null }
  | { ok: false; reason: SignInFailure; lockedNow: boolean };

/**
 * Step two for an enrolled account: a TOTP code not used before, or an unused recovery code.
 * A wrong or replayed code counts towards the lockout like a wrong password.
 */
export async function completeSignIn(
  db: Kysely<Database>,
  input: { pending: OpenStaffSession; code: string; documentKey: Uint8Array },
  now = new Date(),
): Promise<SecondFactorResult> {
  const { pending } = input;
  const sealed = await findConfirmedTotpSecret(db, pending.user.id);
  if (!sealed) return { ok: false, reason: "session_ended", lockedNow: false };
  const totp = compactTotpCode(input.code);
  const step = totp ? matchTotpStep(openTotpSecret(input.documentKey, pending.user.id, sealed), totp, now) : null;

  const outcome = await refuseOrThrow(() =>
    db.transaction().execute(async (trx) => {
      if (totp) {
        if (step === null) throw new Refusal("wrong_code");
        if (!(await claimTotpStep(trx, pending.user.id, step))) throw new Refusal("replayed_code");
        return { session: await promote(trx, pending, "totp", now), method: "totp" as const, recoveryCodesLeft: null };
      }
      if (!(await consumeRecoveryCode(trx, pending.user.id, input.code, now))) throw new Refusal("wrong_code");
      const session = await promote(trx, pending, "recovery_code", now);
      const left = await countUnusedRecoveryCodes(trx, pending.user.id);
      await insertAuditEvent(trx, {
        actorType: "staff",
        actorId: pending.user.id,
        sessionRef: session.ref,
        action: "staff_user.recovery_code_used",
        entityType: "staff_user",
        entityId: pending.user.id,
        details: { left },
        occurredAt: now,
      });
      return { session, method: "recovery_code" as const, recoveryCodesLeft: left };
    }),
  );
  if (!(outcome instanceof Refusal)) return { ok: true, ...outcome };
  const lockedNow = await db.transaction().execute((trx) =>
    recordFailure(
      trx,
      {
        staffUserId: pending.user.id,
        stage: "second_factor",
        reason: outcome.reason,
        sessionRef: pending.ref,
        counts: outcome.reason !== "session_ended",
      },
      now,
    ),
  );
  return { ok: false, reason: outcome.reason, lockedNow };
}

/**
 * The secret the setup page shows: made once per pending session and kept (sealed) in it, so a
 * reload shows the same QR code, and it dies with the session unless confirmed.
 */
export async function startTotpEnrollment(db: Kysely<Database>, pending: OpenStaffSession, documentKey: Uint8Array): Promise<string> {
  if (pending.data.enrollment) return openTotpSecret(documentKey, pending.user.id, pending.data.enrollment);
  const secret = newTotpSecret();
  await updateStaffSessionData(db, pending.idHash, { ...pending.data, enrollment: sealTotpSecret(documentKey, pending.user.id, secret) });
  return secret;
}

export type EnrollmentResult = { ok: true; session: IssuedSession; recoveryCodes: string[] } | { ok: false; reason: SignInFailure };

/**
 * Confirms the shown secret with a code from the app, then hands out fresh recovery codes (kept
 * as hashes; the codes themselves only until shown once) and the full session.
 */
export async function confirmTotpEnrollment(
  db: Kysely<Database>,
  input: { pending: OpenStaffSession; code: string; documentKey: Uint8Array },
  now = new Date(),
): Promise<EnrollmentResult> {
  const { pending } = input;
  const sealed = pending.data.enrollment;
  if (!sealed) return { ok: false, reason: "session_ended" };
  const totp = compactTotpCode(input.code);
  const step = totp ? matchTotpStep(openTotpSecret(input.documentKey, pending.user.id, sealed), totp, now) : null;
  // Not counted towards the lockout: whoever sees this page can read the secret anyway.
  if (step === null) return { ok: false, reason: "wrong_code" };

  const outcome = await refuseOrThrow(() =>
    db.transaction().execute(async (trx) => {
      if (!(await confirmTotpSecret(trx, pending.user.id, sealed, step, now))) throw new Refusal("already_enrolled");
      const recoveryCodes = newRecoveryCodes();
      await replaceRecoveryCodes(trx, pending.user.id, recoveryCodes, now);
      await insertAuditEvent(trx, {
        actorType: "staff",
        actorId: pending.user.id,
        sessionRef: pending.ref,
        action: "staff_user.totp_enrolled",
        entityType: "staff_user",
        entityId: pending.user.id,
        details: { recoveryCodes: recoveryCodes.length },
        occurredAt: now,
      });
      const session = await promote(trx, pending, "totp", now);
      // Shown by the next page, once (a redirect away, so that a reload cannot re-post this form).
      await updateStaffSessionData(trx, session.idHash, {
        stage: "full",
        recoveryCodes: sealRecoveryCodes(input.documentKey, session.idHash, recoveryCodes),
      });
      return { session, recoveryCodes };
    }),
  );
  return outcome instanceof Refusal ? { ok: false, reason: outcome.reason } : { ok: true, ...outcome };
}

/** The recovery codes made at enrolment, for the one page view that shows them; null afterwards. */
export async function takeRecoveryCodesToShow(
  db: Kysely<Database>,
  sessionIdHash: string,
  documentKey: Uint8Array,
): Promise<string[] | null> {
  const sealed = await takeSessionRecoveryCodes(db, sessionIdHash);
  return sealed ? openRecoveryCodes(documentKey, sessionIdHash, sealed) : null;
}

/** Ends the session with its audit row; false when it had already ended. */
export async function signOut(db: Kysely<Database>, session: OpenStaffSession, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await revokeStaffSession(trx, session.idHash, now))) return false;
    await insertAuditEvent(trx, {
      actorType: "staff",
      actorId: session.user.id,
      sessionRef: session.ref,
      action: "staff_user.signed_out",
      entityType: "staff_user",
      entityId: session.user.id,
      details: { stage: session.data.stage },
      occurredAt: now,
    });
    return true;
  });
}
