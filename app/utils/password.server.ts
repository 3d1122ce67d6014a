/**
 * Staff passwords per OWASP ASVS: long (app/schemas/password.ts), not common, no composition rules; argon2id with the
 * library's defaults (m=19 MiB, t=2, p=1, the OWASP minimum).
 */
import { createRequire } from "node:module";
import type * as LanguageCommon from "@zxcvbn-ts/language-common";

/**
 * The 49,000 common passwords (about 7 MB in memory) are read at the first password check, not at
 * start: only staff sign-in, setup and invitations need them.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)("@zxcvbn-ts/language-common") as typeof LanguageCommon;
    common = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  }
  return common;
}

/** Digits counted up or down: "1234567" and "7654321" pad a password to length without adding to it. */
const COUNTING = ["01234567890", "09876543210"];

/** The password without its longest trailing counting run of 3+ digits ("password1234567" → "password"). */
function withoutCountingRun(password: string): string {
  for (let i = 0; i < password.length - 2; i += 1) {
    if (COUNTING.some((run) => run.includes(password.slice(i)))) return password.slice(0, i);
  }
  return password;
}

export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  const commonSet = commonPasswords();
  // A common password padded with repeats of one character ("password1111111") or with counting
  // digits ("password1234567") is still common.
  return (
    commonSet.has(lowered) ||
    commonSet.has(lowered.replace(/(.)\1+$/, "$1")) ||
    commonSet.has(lowered.replace(/(.)\1+$/, "")) ||
    commonSet.has(withoutCountingRun(lowered))
  );
}

// The native argon2 binding is loaded at the first staff sign-in, not at start (decision 046).
const argon2 = () => import("@node-rs/argon2");

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return (await argon2()).verify(passwordHash, password).catch(() => false);
}
