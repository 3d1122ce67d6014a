/** An administrator's forms for staff accounts: inviting someone, and changing an account's role. */
import * as z from "zod/mini";
import { ROLES } from "~/domain/permissions";
import { staffEmail } from "./email";

/** A staff member's name as colleagues see it; `requiredKey` says whose name the empty field asks for. */
export const staffDisplayName = (requiredKey: string) =>
  z.string().check(z.trim(), z.minLength(1, requiredKey), z.maxLength(100, "staff:validation.nameTooLong"));

// A role's center is checked by the route against the role (roleNeedsCenter), even when another field failed.
const role = () =>
  z._default(z.string(), "").check(z.refine((v) => (ROLES as readonly string[]).includes(v), "staff:validation.roleRequired"));
const center = () => z._default(z.string(), "");

export const INVITE_FIELDS = ["displayName", "email", "role", "center"] as const;

export const InviteSchema = z.object({
  displayName: staffDisplayName("staff:validation.staffNameRequired"),
  email: staffEmail("staff:validation.staffEmailRequired"),
  role: role(),
  center: center(),
});

export const ROLE_FIELDS = ["role", "center"] as const;

export const RoleSchema = z.object({ role: role(), center: center() });

/** What the account page's buttons post, each in its own form. */
export const ACCOUNT_INTENTS = ["role", "disable", "enable", "unlock", "reset_totp", "reinvite"] as const;
export type AccountIntent = (typeof ACCOUNT_INTENTS)[number];

export function isAccountIntent(value: string | undefined): value is AccountIntent {
  return (ACCOUNT_INTENTS as readonly string[]).includes(value ?? "");
}
