import * as z from "zod/mini";
import { staffEmail } from "./email";

export const SIGN_IN_FIELDS = ["email", "password"] as const;

export const StaffSignInSchema = z.object({
  email: staffEmail("staff:validation.emailRequired"),
  // Not trimmed: spaces are part of a passphrase. No upper bound here: the body limit caps it,
  // and a too-long password is simply a wrong one.
  password: z.string().check(z.minLength(1, "staff:validation.passwordRequired")),
});

export const CODE_FIELDS = ["code"] as const;

/** Apps show "123 456"; recovery codes are printed "ABCD-EFGH-…". Both are typed with or without. */
const SEPARATORS = /[\s-]/g;

/** The second step of sign-in: a 6-digit TOTP code or a 16-symbol recovery code. */
export const StaffCodeSchema = z.object({
  code: z.string().check(
    z.trim(),
    z.minLength(1, "staff:validation.codeRequired"),
    z.maxLength(64, "staff:validation.codeFormat"),
    z.refine((v) => /^(\d{6}|[A-Za-z0-9]{16})$/.test(v.replace(SEPARATORS, "")), "staff:validation.codeFormat"),
  ),
});

/** Confirming a new authenticator app: only a TOTP code makes sense. */
export const StaffSetupCodeSchema = z.object({
  code: z.string().check(
    z.trim(),
    z.minLength(1, "staff:validation.codeRequired"),
    z.maxLength(64, "staff:validation.setupCodeFormat"),
    z.refine((v) => /^\d{6}$/.test(v.replace(SEPARATORS, "")), "staff:validation.setupCodeFormat"),
  ),
});
