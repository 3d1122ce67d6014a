/**
 * CNIC / NICOP numbers (both carry the same 13-digit number), stored as 13 digits and shown as
 * `XXXXX-XXXXXXX-X`.
 *
 * What the digits mean: NADRA does not publish the numbering scheme as a specification. The reading
 * used here is the one widely reported in the Pakistani press (e.g. The News, 19 Jan 2020, "Did you
 * know?"; Samaa TV, Jan 2020) and in python-stdnum's `stdnum.pk.cnic`: the first digit is the
 * province or region of the holder's registered address (1 Khyber Pakhtunkhwa, 2 FATA, 3 Punjab,
 * 4 Sindh, 5 Balochistan, 6 Islamabad, 7 Gilgit-Baltistan), the next four narrow it down to division,
 * district, tehsil and union council, the middle seven are a family number, and the last digit is
 * odd for men and even for women. Those sources stop at 7, but community-compiled code lists
 * (github.com/graysuit/cnic, cnic_codes_list.md) give 8 for Azad Jammu and Kashmir (Mirpur, Kotli,
 * Muzaffarabad…). 8 is accepted: refusing a real CNIC would lock out much of the Mirpuri diaspora,
 * while accepting a made-up one costs nothing that staff checks against NADRA do not already catch.
 */
import { foldTypedCharacters } from "./reference";

export type CnicError = "validation:cnic.format" | "validation:cnic.invalid";
export type CnicResult = { ok: true; value: string } | { ok: false; error: CnicError };

const REGION_DIGITS = "12345678";
const MAX_INPUT_LENGTH = 64;

/**
 * 13 digits, or 5-7-1 with hyphens as printed on the card; spaces anywhere are ignored. Hyphens in
 * other places are refused rather than dropped: they usually mean a digit went missing in a group.
 * `validation:cnic.format` is a wrong shape; `validation:cnic.invalid` is the right shape but not a
 * number NADRA issues (unknown region, or one digit repeated 13 times).
 */
export function parseCnic(input: string): CnicResult {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, error: "validation:cnic.format" };
  const compact = foldTypedCharacters(input).replace(/\s/g, "");
  if (!/^(\d{13}|\d{5}-\d{7}-\d)$/.test(compact)) return { ok: false, error: "validation:cnic.format" };
  const digits = compact.replace(/-/g, "");
  if (!REGION_DIGITS.includes(digits.charAt(0)) || /^(\d)\1*$/.test(digits)) return { ok: false, error: "validation:cnic.invalid" };
  return { ok: true, value: digits };
}

/** `XXXXX-XXXXXXX-X` for display; anything unreadable is shown as it was rather than hidden. */
export function formatCnic(cnic: string): string {
  const parsed = parseCnic(cnic);
  if (!parsed.ok) return cnic;
  const d = parsed.value;
  return `${d.slice(0, 5)}-${d.slice(5, 12)}-${d.slice(12)}`;
}

/**
 * False only when the CNIC is readable and its last digit contradicts the gender given, so a form can
 * ask "please check" without blocking. Other genders always match: NADRA is reported to issue either
 * parity to transgender holders (Daily Qudrat, citing NADRA sources). An unreadable CNIC also "matches": parseCnic reports that problem.
 */
export function cnicGenderDigitMatches(cnic: string, gender: string): boolean {
  const parsed = parseCnic(cnic);
  if (!parsed.ok || (gender !== "male" && gender !== "female")) return true;
  const odd = Number(parsed.value.charAt(12)) % 2 === 1;
  return gender === "male" ? odd : !odd;
}
