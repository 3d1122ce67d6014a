/** Accepting an invitation: the invited person chooses a password, by the same rules as the first setup. */
import * as z from "zod/mini";
import { newPasswordChecks, passwordsMatch } from "./password";

export const PASSWORD_FIELDS = ["password", "confirmPassword"] as const;

export const AcceptInvitationSchema = z
  .object({
    token: z._default(z.string(), ""),
    password: z._default(z.string(), "").check(...newPasswordChecks()),
    confirmPassword: z._default(z.string(), ""),
  })
  .check(passwordsMatch());
