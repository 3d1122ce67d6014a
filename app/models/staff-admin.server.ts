/**
 * Staff accounts as administrators manage them: invitations (no password is ever chosen or sent by
 * anyone but its owner), disabling and enabling, role and center, second-factor resets and
 * unlocking. Each change and its audit row are one transaction; the audit details name roles,
 * centers and counts, never an email address or a secret.
 *
 * Lock-out guards: an administrator cannot disable, demote or reset themselves, and every change
 * re-checks, under one lock, that the acting administrator is still an active administrator. Two
 * administrators disabling each other at the same moment therefore leave one of them active.
 */
import type { Kysely, Transaction } from "kysely";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import { lockChain } from "../../db/dialect";
import { isUniqueViolation } from "../../db/errors";
import type { CenterTable, Database, StaffUserTable } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import { type ComposedMail, enqueueMail } from "./outbox.server";
import { revokeStaffSessionsOf } from "./staff-session.server";
import { disableStaffUser, insertStaffUser, type StaffRole } from "./staff-user.server";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 72 * 60 * 60_000;

export type CenterKind = CenterTable["kind"];

/** Where each role works: the kinds of center it must be tied to, or null for none at all. */
export const CENTER_KINDS_FOR_ROLE: Readonly<Record<StaffRole, readonly CenterKind[] | null>> = {
  officer: ["service_center"],
  supervisor: ["service_center"],
  embassy_desk: ["embassy", "consulate"],
  investigator: null,
  admin: null,
};

export function roleNeedsCenter(role: StaffRole): boolean {
  return CENTER_KINDS_FOR_ROLE[role] !== null;
}

/** The administrator making a change, as the audit log records them (see staffActor). */
export type AdminActor = Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef"> & { actorId: string };

export type AccountStatus = "active" | "invited" | "locked" | "disabled";

export type StaffAccount = {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  centerSlug: string | null;
  status: AccountStatus;
  /** An authenticator app is confirmed for the account. */
  totpSetUp: boolean;
  lockedUntil: string | null;
  createdAt: string;
};

export type AdminProblem =
  | "not_found"
  /** The administrator tried to disable, demote or reset their own account. */
  | "self"
  /** The acting account is no longer an active administrator (disabled or demoted meanwhile). */
  | "actor_not_admin"
  | "email_taken"
  | "center_required"
  | "center_not_allowed"
  | "center_invalid"
  /** A new invitation for an account that already has a password, or is disabled. */
  | "not_invited";

export type AdminOutcome = { ok: true; changed: boolean } | { ok: false; problem: AdminProblem };

export type InvitationMailContent = ComposedMail & { language: string };
/** Writes the invitation mail (in the caller's language) around the link. */
export type InvitationMail = (input: { link: string; displayName: string; expiresAt: Date }) => InvitationMailContent;

export type IssuedInvitation = { staffUserId: string; link: string; expiresAt: string };

/** Thrown inside a transaction to roll it back with a refusal rather than an error. */
class Refusal extends Error {
  constructor(readonly problem: AdminProblem) {
    super(problem);
  }
}

async function refusing<T>(work: () => Promise<T>): Promise<T | { ok: false; problem: AdminProblem }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    if (isUniqueViolation(error)) return { ok: false, problem: "email_taken" };
    throw error;
  }
}

type AccountRow = Pick<
  StaffUserTable,
  | "id"
  | "email"
  | "display_name"
  | "role"
  | "center_slug"
  | "password_hash"
  | "disabled_at"
  | "locked_until"
  | "totp_confirmed_at"
  | "created_at"
>;

function statusOf(row: AccountRow, now: Date): AccountStatus {
  if (row.disabled_at) return "disabled";
  if (row.locked_until && row.locked_until > now.toISOString()) return "locked";
  if (!row.password_hash) return "invited";
  return "active";
}

function toAccount(row: AccountRow, now: Date): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    centerSlug: row.center_slug,
    status: statusOf(row, now),
    totpSetUp: row.totp_confirmed_at !== null,
    lockedUntil: row.locked_until && row.locked_until > now.toISOString() ? row.locked_until : null,
    createdAt: row.created_at,
  };
}

const ACCOUNT_COLUMNS = [
  "id",
  "email",
  "display_name",
  "role",
  "center_slug",
  "password_hash",
  "disabled_at",
  "locked_until",
  "totp_confirmed_at",
  "created_at",
] as const;

/** Every staff account, by name. A back office has hundreds, not millions: one page is enough. */
export async function listStaffAccounts(db: Kysely<Database>, now = new Date()): Promise<StaffAccount[]> {
  const rows = await db.selectFrom("staff_user").select(ACCOUNT_COLUMNS).orderBy("display_name").orderBy("id").execute();
  return rows.map((row) => toAccount(row, now));
}

export async function findStaffAccount(db: Kysely<Database>, staffUserId: string, now = new Date()): Promise<StaffAccount | null> {
  const row = await db.selectFrom("staff_user").select(ACCOUNT_COLUMNS).where("id", "=", staffUserId).executeTakeFirst();
  return row ? toAccount(row, now) : null;
}

/**
 * The center rule for a role: none for administrators and investigators; an active service center
 * for officers and supervisors; an active embassy or consulate for the embassy desk. A center that
 * has since been closed stays acceptable for an account already tied to it (`keep`).
 */
async function checkCenter(
  trx: Kysely<Database>,
  role: StaffRole,
  centerSlug: string | null,
  keep: string | null = null,
): Promise<AdminProblem | null> {
  const kinds = CENTER_KINDS_FOR_ROLE[role];
  if (!kinds) return centerSlug ? "center_not_allowed" : null;
  if (!centerSlug) return "center_required";
  const center = await trx.selectFrom("center").select(["kind", "active"]).where("slug", "=", centerSlug).executeTakeFirst();
  if (!center || !kinds.includes(center.kind)) return "center_invalid";
  if (Number(center.active) !== 1 && centerSlug !== keep) return "center_invalid";
  return null;
}

/**
 * Serialises administrators' changes and checks that whoever makes this one still may: the guard
 * ran when the request came in, and another administrator may have disabled or demoted them since.
 */
async function lockAsAdmin(trx: Transaction<Database>, actor: AdminActor): Promise<void> {
  await lockChain(trx, "staff_admin");
  const row = await trx.selectFrom("staff_user").select(["role", "disabled_at"]).where("id", "=", actor.actorId).executeTakeFirst();
  if (!row || row.role !== "admin" || row.disabled_at) throw new Refusal("actor_not_admin");
}

async function issueInvitation(
  trx: Transaction<Database>,
  account: { id: string; email: string; displayName: string },
  input: { actor: AdminActor; inviteLink: (token: string) => string; mail: InvitationMail },
  now: Date,
): Promise<IssuedInvitation> {
  // One live invitation per account: a new one makes the older links useless.
  await trx.deleteFrom("staff_invitation").where("staff_user_id", "=", account.id).where("used_at", "is", null).execute();
  const { token, tokenHash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await trx
    .insertInto("staff_invitation")
    .values({
      token_hash: tokenHash,
      staff_user_id: account.id,
      created_by: input.actor.actorId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
  const link = input.inviteLink(token);
  const mail = input.mail({ link, displayName: account.displayName, expiresAt });
  await enqueueMail(trx, { to: account.email, ...mail }, now);
  return { staffUserId: account.id, link, expiresAt: expiresAt.toISOString() };
}

/**
 * Creates an account without a password and its one-time invitation link (valid 72 hours, stored
 * as a hash), queues the invitation mail, and records who invited whom, all in one transaction.
 */
export async function inviteStaffUser(
  db: Kysely<Database>,
  input: {
    email: string;
    displayName: string;
    role: StaffRole;
    centerSlug: string | null;
    actor: AdminActor;
    inviteLink: (token: string) => string;
    mail: InvitationMail;
  },
  now = new Date(),
): Promise<({ ok: true } & IssuedInvitation) | { ok: false; problem: AdminProblem }> {
  const email = input.email.trim().toLowerCase();
  const centerSlug = roleNeedsCenter(input.role) ? input.centerSlug : input.centerSlug || null;
  return refusing(() =>
    db.transaction().execute(async (trx) => {
      await lockAsAdmin(trx, input.actor);
      const centerProblem = await checkCenter(trx, input.role, centerSlug);
      if (centerProblem) throw new Refusal(centerProblem);
      const taken = await trx.selectFrom("staff_user").select("id").where("email", "=", email).executeTakeFirst();
      if (taken) throw new Refusal("email_taken");
      const id = await insertStaffUser(
        trx,
        { email, displayName: input.displayName.trim(), passwordHash: null, role: input.role, centerSlug },
        now,
      );
      const issued = await issueInvitation(trx, { id, email, displayName: input.displayName.trim() }, input, now);
      await insertAuditEvent(trx, {
        ...input.actor,
        action: "staff_user.invited",
        entityType: "staff_user",
        entityId: id,
        details: { role: input.role, center: centerSlug, expiresAt: issued.expiresAt },
        occurredAt: now,
      });
      return { ok: true as const, ...issued };
    }),
  );
}

/** A fresh invitation for an account that has not chosen a password yet (the last one expired or got lost). */
export async function reinviteStaffUser(
  db: Kysely<Database>,
  input: { staffUserId: string; actor: AdminActor; inviteLink: (token: string) => string; mail: InvitationMail },
  now = new Date(),
): Promise<({ ok: true } & IssuedInvitation) | { ok: false; problem: AdminProblem }> {
  return refusing(() =>
    db.transaction().execute(async (trx) => {
      await lockAsAdmin(trx, input.actor);
      const row = await trx
        .selectFrom("staff_user")
        .select(["id", "email", "display_name", "password_hash", "disabled_at"])
        .where("id", "=", input.staffUserId)
        .executeTakeFirst();
      if (!row) throw new Refusal("not_found");
      if (row.password_hash || row.disabled_at) throw new Refusal("not_invited");
      const issued = await issueInvitation(trx, { id: row.id, email: row.email, displayName: row.display_name }, input, now);
      await insertAuditEvent(trx, {
        ...input.actor,
        action: "staff_user.invitation_renewed",
        entityType: "staff_user",
        entityId: row.id,
        details: { expiresAt: issued.expiresAt },
        occurredAt: now,
      });
      return { ok: true as const, ...issued };
    }),
  );
}

export type OpenInvitation = { staffUserId: string; email: string; displayName: string };

/** The account an invitation link is for, while the link can still be used. */
export async function findOpenInvitation(db: Kysely<Database>, token: string, now = new Date()): Promise<OpenInvitation | null> {
  if (!token) return null;
  const row = await db
    .selectFrom("staff_invitation")
    .innerJoin("staff_user", "staff_user.id", "staff_invitation.staff_user_id")
    .select(["staff_user.id", "staff_user.email", "staff_user.display_name"])
    .where("staff_invitation.token_hash", "=", hashToken(token))
    .where("staff_invitation.used_at", "is", null)
    .where("staff_invitation.expires_at", ">", now.toISOString())
    .where("staff_user.password_hash", "is", null)
    .where("staff_user.disabled_at", "is", null)
    .executeTakeFirst();
  return row ? { staffUserId: row.id, email: row.email, displayName: row.display_name } : null;
}

/**
 * Sets the invitee's password (already hashed) and uses the link up, once: of two submissions only
 * one sets a password. False when the link is unknown, used, expired, or the account was disabled.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  input: { token: string; passwordHash: string },
  now = new Date(),
): Promise<boolean> {
  const stamp = now.toISOString();
  const outcome = await refusing(() =>
    db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable("staff_invitation")
        .set({ used_at: stamp })
        .where("token_hash", "=", hashToken(input.token))
        .where("used_at", "is", null)
        .where("expires_at", ">", stamp)
        .returning("staff_user_id")
        .executeTakeFirst();
      if (!used) throw new Refusal("not_invited");
      const updated = await trx
        .updateTable("staff_user")
        .set({ password_hash: input.passwordHash, failed_sign_ins: 0, locked_until: null, updated_at: stamp })
        .where("id", "=", used.staff_user_id)
        .where("password_hash", "is", null)
        .where("disabled_at", "is", null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Refusal("not_invited");
      await insertAuditEvent(trx, {
        actorType: "staff",
        actorId: used.staff_user_id,
        sessionRef: null,
        action: "staff_user.invitation_accepted",
        entityType: "staff_user",
        entityId: used.staff_user_id,
        occurredAt: now,
      });
      return true;
    }),
  );
  return outcome === true;
}

/**
 * One administrator's change to one account: under the admin lock, in one transaction with its audit
 * row. `change` reads and writes, and says what to record, or null when there was nothing to change.
 */
async function changeAccount(
  db: Kysely<Database>,
  input: { staffUserId: string; actor: AdminActor },
  now: Date,
  change: (trx: Transaction<Database>) => Promise<Pick<AuditEventInput, "action" | "details"> | null>,
): Promise<AdminOutcome> {
  return refusing(() =>
    db.transaction().execute(async (trx) => {
      await lockAsAdmin(trx, input.actor);
      const audit = await change(trx);
      if (!audit) return { ok: true as const, changed: false };
      await insertAuditEvent(trx, {
        ...input.actor,
        ...audit,
        entityType: "staff_user",
        entityId: input.staffUserId,
        occurredAt: now,
      });
      return { ok: true as const, changed: true };
    }),
  );
}

/** Disables (ending every session) or enables an account. Nobody can disable themselves. */
export async function setStaffUserDisabled(
  db: Kysely<Database>,
  input: { staffUserId: string; disabled: boolean; actor: AdminActor },
  now = new Date(),
): Promise<AdminOutcome> {
  if (input.staffUserId === input.actor.actorId) return { ok: false, problem: "self" };
  return changeAccount(db, input, now, async (trx) => {
    const row = await trx.selectFrom("staff_user").select(["disabled_at"]).where("id", "=", input.staffUserId).executeTakeFirst();
    if (!row) throw new Refusal("not_found");
    if (Boolean(row.disabled_at) === input.disabled) return null;
    if (input.disabled) {
      await disableStaffUser(trx, input.staffUserId, now);
    } else {
      await trx
        .updateTable("staff_user")
        .set({ disabled_at: null, updated_at: now.toISOString() })
        .where("id", "=", input.staffUserId)
        .execute();
    }
    return { action: input.disabled ? "staff_user.disabled" : "staff_user.enabled" };
  });
}

/**
 * Changes an account's role and center. Its sessions end: a session started under one set of
 * permissions is not carried over into another. Administrators cannot demote themselves.
 */
export async function changeStaffRole(
  db: Kysely<Database>,
  input: { staffUserId: string; role: StaffRole; centerSlug: string | null; actor: AdminActor },
  now = new Date(),
): Promise<AdminOutcome> {
  if (input.staffUserId === input.actor.actorId) return { ok: false, problem: "self" };
  const centerSlug = roleNeedsCenter(input.role) ? input.centerSlug : input.centerSlug || null;
  return changeAccount(db, input, now, async (trx) => {
    const row = await trx.selectFrom("staff_user").select(["role", "center_slug"]).where("id", "=", input.staffUserId).executeTakeFirst();
    if (!row) throw new Refusal("not_found");
    const centerProblem = await checkCenter(trx, input.role, centerSlug, row.center_slug);
    if (centerProblem) throw new Refusal(centerProblem);
    if (row.role === input.role && row.center_slug === centerSlug) return null;
    await trx
      .updateTable("staff_user")
      .set({ role: input.role, center_slug: centerSlug, updated_at: now.toISOString() })
      .where("id", "=", input.staffUserId)
      .execute();
    const sessionsEnded = await revokeStaffSessionsOf(trx, input.staffUserId, now);
    return {
      action: "staff_user.role_changed",
      details: { fromRole: row.role, toRole: input.role, fromCenter: row.center_slug, toCenter: centerSlug, sessionsEnded },
    };
  });
}

/**
 * Clears the authenticator app and the recovery codes, so the next sign-in sets up a new one, and
 * ends the account's sessions. Not for one's own account: another administrator does it.
 */
export async function resetStaffTotp(
  db: Kysely<Database>,
  input: { staffUserId: string; actor: AdminActor },
  now = new Date(),
): Promise<AdminOutcome> {
  if (input.staffUserId === input.actor.actorId) return { ok: false, problem: "self" };
  return changeAccount(db, input, now, async (trx) => {
    const row = await trx
      .selectFrom("staff_user")
      .select(["totp_secret", "totp_confirmed_at"])
      .where("id", "=", input.staffUserId)
      .executeTakeFirst();
    if (!row) throw new Refusal("not_found");
    const sessionsEnded = await revokeStaffSessionsOf(trx, input.staffUserId, now);
    const codes = await trx.deleteFrom("staff_recovery_code").where("staff_user_id", "=", input.staffUserId).executeTakeFirst();
    if (!row.totp_secret && !row.totp_confirmed_at && sessionsEnded === 0 && Number(codes.numDeletedRows) === 0) return null;
    await trx
      .updateTable("staff_user")
      .set({ totp_secret: null, totp_confirmed_at: null, totp_last_step: null, updated_at: now.toISOString() })
      .where("id", "=", input.staffUserId)
      .execute();
    return { action: "staff_user.totp_reset", details: { sessionsEnded, recoveryCodesDeleted: Number(codes.numDeletedRows) } };
  });
}

/** Lifts a lockout after too many failed sign-ins (the counter starts again). */
export async function unlockStaffUser(
  db: Kysely<Database>,
  input: { staffUserId: string; actor: AdminActor },
  now = new Date(),
): Promise<AdminOutcome> {
  return changeAccount(db, input, now, async (trx) => {
    const row = await trx.selectFrom("staff_user").select(["locked_until"]).where("id", "=", input.staffUserId).executeTakeFirst();
    if (!row) throw new Refusal("not_found");
    if (!row.locked_until || row.locked_until <= now.toISOString()) return null;
    await trx
      .updateTable("staff_user")
      .set({ locked_until: null, failed_sign_ins: 0, updated_at: now.toISOString() })
      .where("id", "=", input.staffUserId)
      .execute();
    return { action: "staff_user.unlocked" };
  });
}
