/**
 * Passport numbers, checked against the country that issued the passport (ISO 3166-1 alpha-2, as
 * everywhere else in the app). Stored upper-case without spaces, as in the passport's machine-readable
 * zone.
 */
import { foldTypedCharacters } from "./reference";

export type PassportError = "validation:passport.format" | "validation:passport.formatPakistan";
export type PassportResult = { ok: true; value: string } | { ok: false; error: PassportError };

const MAX_INPUT_LENGTH = 64;

// Pakistani passports: two letters then seven digits (AB1234567). Elsewhere ICAO 9303 gives the
// number a 9-character field of letters and digits; shorter than 6 is not seen in practice.
const PAKISTANI = /^[A-Z]{2}\d{7}$/;
const ANY_COUNTRY = /^[A-Z0-9]{6,9}$/;

/**
 * Pakistani numbers get their own message key because their shape is known and worth showing
 * ("2 letters then 7 numbers"). Spaces and hyphens are dropped: the MRZ has neither, and people add
 * them to group digits.
 */
export function parsePassportNumber(input: string, issuingCountry: string): PassportResult {
  const pakistani = issuingCountry.toUpperCase() === "PK";
  const error: PassportError = pakistani ? "validation:passport.formatPakistan" : "validation:passport.format";
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, error };
  const value = foldTypedCharacters(input).toUpperCase().replace(/[\s-]/g, "");
  return (pakistani ? PAKISTANI : ANY_COUNTRY).test(value) ? { ok: true, value } : { ok: false, error };
}
