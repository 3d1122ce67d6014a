/**
 * Staff passwords per OWASP ASVS: long, not common, no composition rules; argon2id with the
 * library's defaults (m=19 MiB, t=2, p=1, the OWASP minimum).
 */
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  // A common password padded with repeats of one character ("password1111111") is still common.
  return COMMON.has(lowered) || COMMON.has(lowered.replace(/(.)\1+$/, "$1")) || COMMON.has(lowered.replace(/(.)\1+$/, ""));
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}
