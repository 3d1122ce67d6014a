/** Fresh verification codes. Server-only (node:crypto). */
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
