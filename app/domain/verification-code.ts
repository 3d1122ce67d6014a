/**
 * The code printed on a certificate that a third party types, with the certificate number, to verify
 * it. Ten symbols from the reference alphabet (30¹⁰ ≈ 2⁴⁹), all random: it is a secret, so a check
 * symbol would spend a character without making guessing any harder. Browser-safe; codes are drawn
 * in verification-code.server.ts.
 */
import { ALPHABET, compactSymbols } from "./reference";

export const VERIFICATION_CODE_LENGTH = 10;

const CANONICAL = new RegExp(`^[${ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`);

/** True for a code in its stored form: ten symbols, upper case, no separators. */
export function isValidVerificationCode(value: string): boolean {
  return CANONICAL.test(value);
}

/**
 * What was typed, in stored form, or null when it cannot be a code. Forgiving in the same ways as
 * references (case, spaces, hyphens, dashes, full-width and Greek look-alike letters).
 */
export function normalizeVerificationCode(input: string): string | null {
  const symbols = compactSymbols(input);
  return symbols?.length === VERIFICATION_CODE_LENGTH ? symbols : null;
}

/** Two groups of five, as printed: easier to read aloud and to copy than ten in a row. */
export function formatVerificationCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
