/** Fresh verification codes, and how they are stored. Server-only (node:crypto). */
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { randomSymbols } from "./reference.server";
import { VERIFICATION_CODE_LENGTH } from "./verification-code";

/**
 * About 2⁴⁹ possibilities: guessing is left to the verification page's rate limit, and a clash
 * (about n² / 1.2 × 10¹⁵ pairs among n codes) is harmless because a code is checked together with its
 * certificate number.
 */
export function newVerificationCode(): string {
  return randomSymbols(VERIFICATION_CODE_LENGTH);
}

/**
 * The key under which codes are stored, derived from DOCUMENT_KEY: a copied database alone cannot
 * be searched for codes offline (2⁴⁹ tries against a plain hash would be within reach).
 */
export function verificationCodeKey(documentKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync("sha256", documentKey, Buffer.alloc(0), "pscg certificate verification code", 32));
}

/** HMAC-SHA256 (hex) of a code in stored form: what the certificate table keeps. */
export function hashVerificationCode(key: Uint8Array, code: string): string {
  return createHmac("sha256", key).update(code, "utf8").digest("hex");
}

/** Compares a typed code with a stored hash in constant time; a code of the wrong shape never matches. */
export function verificationCodeMatches(key: Uint8Array, code: string | null, storedHash: string): boolean {
  const given = Buffer.from(hashVerificationCode(key, code ?? ""), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return code !== null && given.length === expected.length && timingSafeEqual(given, expected);
}
