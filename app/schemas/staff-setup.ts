import * as z from "zod/mini";
import { staffEmail } from "./email";
import { newPasswordChecks, passwordsMatch } from "./password";
import { staffDisplayName } from "./staff-account";

export const SETUP_FIELDS = ["displayName", "email", "password", "confirmPassword"] as const;

export const StaffSetupSchema = z
  .object({
    token: z.string(),
    displayName: staffDisplayName("staff:validation.nameRequired"),
    email: staffEmail("staff:validation.emailRequired"),
    password: z.string().check(...newPasswordChecks()),
    confirmPassword: z.string(),
  })
  .check(passwordsMatch());
