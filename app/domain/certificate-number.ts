/**
 * Certificate numbers, `PSC-XXXX-XXXX`: printed on the certificate and typed by whoever checks it.
 * The same alphabet and check symbol as application references (app/domain/reference.ts): seven
 * random symbols, then a weighted mod-31 check symbol over prefix and body, so every mistyped
 * symbol and every swap of two symbols is caught before any lookup. The prefix is inside the sum,
 * so an application reference with its prefix changed to PSC is never a valid certificate number
 * (PCC → PSC changes the second symbol, C → S: 2 · 13 ≢ 0 mod 31).
 *
 * Kept apart from reference.ts, whose ReferenceKind names the kinds people quote to the portal about
 * their own records; a certificate number is quoted by third parties, with a verification code.
 * Browser-safe: numbers are drawn in certificate-number.server.ts.
 */
import { ALPHABET, compactSymbols, REFERENCE_RANDOM_LENGTH } from "./reference";

export const CERTIFICATE_PREFIX = "PSC";
export const CERTIFICATE_RANDOM_LENGTH = REFERENCE_RANDOM_LENGTH;

const MODULUS = 31;
const BODY_LENGTH = CERTIFICATE_RANDOM_LENGTH + 1;
const CANONICAL = new RegExp(`^${CERTIFICATE_PREFIX}-([${ALPHABET}]{4})-([${ALPHABET}]{4})$`);

function weightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum += (i + 1) * ALPHABET.indexOf(symbols.charAt(i));
  return sum % MODULUS;
}

/**
 * The check symbol for seven random symbols, or null when the check would be residue 30, which
 * has no symbol: such a body is never issued (the generator draws again).
 */
export function certificateCheckSymbol(randomSymbols: string): string | null {
  if (randomSymbols.length !== CERTIFICATE_RANDOM_LENGTH || compactSymbols(randomSymbols) !== randomSymbols) {
    throw new Error(`certificateCheckSymbol needs ${CERTIFICATE_RANDOM_LENGTH} symbols from the alphabet`);
  }
  return ALPHABET.charAt(weightedSum(CERTIFICATE_PREFIX + randomSymbols)) || null;
}

export function formatCertificateNumber(body: string): string {
  return `${CERTIFICATE_PREFIX}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** True for a number in canonical form (as stored and in URLs) with a correct check symbol. */
export function isValidCertificateNumber(value: string): boolean {
  const match = CANONICAL.exec(value);
  if (!match) return false;
  const body = (match[1] ?? "") + (match[2] ?? "");
  return certificateCheckSymbol(body.slice(0, CERTIFICATE_RANDOM_LENGTH)) === body.charAt(CERTIFICATE_RANDOM_LENGTH);
}

/**
 * A typed or scanned certificate number in canonical form, or null when it cannot be one: any case,
 * spaces, hyphens and dashes, full-width and Greek look-alike letters are forgiven; the prefix may
 * be left out; the check symbol must be right. Over-long input and other scripts give null without
 * being looked at further (compactSymbols caps the length).
 */
export function parseCertificateNumber(input: string): string | null {
  const symbols = compactSymbols(input);
  if (!symbols) return null;
  const body =
    symbols.length === BODY_LENGTH
      ? symbols
      : symbols.length === CERTIFICATE_PREFIX.length + BODY_LENGTH && symbols.startsWith(CERTIFICATE_PREFIX)
        ? symbols.slice(CERTIFICATE_PREFIX.length)
        : null;
  if (!body) return null;
  const canonical = formatCertificateNumber(body);
  return isValidCertificateNumber(canonical) ? canonical : null;
}
