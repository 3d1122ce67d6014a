import * as z from "zod/mini";

export const SETUP_FIELDS = ["displayName", "email", "password", "confirmPassword"] as const;

export const StaffSetupSchema = z
  .object({
    token: z.string(),
    displayName: z
      .string()
      .check(z.trim(), z.minLength(1, "staff:validation.nameRequired"), z.maxLength(100, "staff:validation.nameTooLong")),
    email: z
      .string()
      .check(
        z.trim(),
        z.toLowerCase(),
        z.minLength(1, "staff:validation.emailRequired"),
        z.maxLength(254, "staff:validation.emailFormat"),
        z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "staff:validation.emailFormat"),
      ),
    // Not trimmed: spaces are part of a passphrase.
    password: z
      .string()
      .check(
        z.minLength(1, "staff:validation.passwordRequired"),
        z.minLength(15, "staff:validation.passwordTooShort"),
        z.maxLength(128, "staff:validation.passwordTooLong"),
      ),
    confirmPassword: z.string(),
  })
  .check(
    z.refine((v) => v.password === v.confirmPassword, {
      message: "staff:validation.passwordMismatch",
      path: ["confirmPassword"],
    }),
  );
