/**
 * The rules for a staff password someone chooses (first setup, an accepted invitation), per OWASP
 * ASVS: long, no composition rules. The common-password check needs the server's word list, so it
 * stays in app/utils/password.server.ts and runs after these.
 */
import * as z from "zod/mini";

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

/** Checks for the new password's string field. Not trimmed: spaces are part of a passphrase. */
export const newPasswordChecks = () =>
  [
    z.minLength(1, "staff:validation.passwordRequired"),
    z.minLength(PASSWORD_MIN_LENGTH, "staff:validation.passwordTooShort"),
    z.maxLength(PASSWORD_MAX_LENGTH, "staff:validation.passwordTooLong"),
  ] as const;

/** The object-level check that the password was typed the same twice. */
export const passwordsMatch = () =>
  z.refine<{ password: string; confirmPassword: string }>((v) => v.password === v.confirmPassword, {
    message: "staff:validation.passwordMismatch",
    path: ["confirmPassword"],
  });
