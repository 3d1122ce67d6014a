/**
 * What an administrator's posts on one staff account do, once the route has guarded and parsed them:
 * one call per intent into staff-admin.server.ts, each logged without the account's details.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Role } from "~/domain/permissions";
import type { Lang } from "~/i18n";
import { invitationLink, invitationMail } from "~/mails/staff-invitation.server";
import {
  type AdminActor,
  type AdminOutcome,
  type AdminProblem,
  changeStaffRole,
  reinviteStaffUser,
  resetStaffTotp,
  setStaffUserDisabled,
  unlockStaffUser,
} from "~/models/staff-admin.server";
import type { AccountIntent } from "~/schemas/staff-account";

export type AccountChange =
  | { intent: "role"; role: Role; centerSlug: string | null }
  | { intent: Exclude<AccountIntent, "role" | "reinvite"> }
  | { intent: "reinvite"; lang: Lang };

export type AccountChangeOutcome =
  | { ok: false; problem: AdminProblem }
  | { ok: true; changed: boolean; invitation?: undefined }
  /** A renewed invitation: its link is shown once, on the page that asked for it. */
  | { ok: true; changed: true; invitation: { link: string; expiresAt: string } };

function applyChange(
  context: AppLoadContext,
  staffUserId: string,
  actor: AdminActor,
  change: Exclude<AccountChange, { intent: "reinvite" }>,
): Promise<AdminOutcome> {
  switch (change.intent) {
    case "role":
      return changeStaffRole(context.db, { staffUserId, role: change.role, centerSlug: change.centerSlug, actor });
    case "disable":
    case "enable":
      return setStaffUserDisabled(context.db, { staffUserId, disabled: change.intent === "disable", actor });
    case "unlock":
      return unlockStaffUser(context.db, { staffUserId, actor });
    case "reset_totp":
      return resetStaffTotp(context.db, { staffUserId, actor });
  }
}

export async function changeStaffAccount(
  context: AppLoadContext,
  input: { staffUserId: string; actor: AdminActor; change: AccountChange },
): Promise<AccountChangeOutcome> {
  const { staffUserId, actor, change } = input;
  const log = (outcome: string) =>
    context.logger.info({ requestId: context.requestId, intent: change.intent, outcome }, "staff account change");
  if (change.intent === "reinvite") {
    const result = await reinviteStaffUser(context.db, {
      staffUserId,
      actor,
      inviteLink: invitationLink(context.env),
      mail: invitationMail(change.lang),
    });
    log(result.ok ? "done" : result.problem);
    return result.ok ? { ok: true, changed: true, invitation: { link: result.link, expiresAt: result.expiresAt } } : result;
  }
  const outcome = await applyChange(context, staffUserId, actor, change);
  log(outcome.ok ? (outcome.changed ? "done" : "unchanged") : outcome.problem);
  return outcome;
}
