import { createHash, timingSafeEqual } from "node:crypto";
import { randomSymbols } from "./reference.server";
import { SECRET_LENGTH } from "./report-secret";

/**
 * A fresh secret and the hash under which it is stored. Plain SHA-256 is enough here: with 98 bits
 * of randomness there is nothing to guess, so a slow password hash would only slow the page down.
 */
export function newReportSecret(): { secret: string; secretHash: string } {
  const secret = randomSymbols(SECRET_LENGTH);
  return { secret, secretHash: hashReportSecret(secret) };
}

export function hashReportSecret(secret: string): string {
  return createHash("sha256").update(`report-secret:${secret}`).digest("hex");
}

/** Constant-time, so the answer's timing says nothing about how much of a secret was right. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashReportSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
