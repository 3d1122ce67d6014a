/**
 * Human-friendly references (`PCC-XXXX-XXXX` for applications, `RPT-XXXX-XXXX` for reports): seven
 * random symbols and one check symbol, so a mistyped reference is caught before any lookup.
 * Browser-safe: the random part lives in reference.server.ts.
 *
 * Check symbol: a weighted sum modulo the prime 31. With v(s) the symbol's position in ALPHABET,
 * over the ten symbols s1..s10 of prefix and body (the hyphen is not part of it):
 *
 *     check = (1·v(s1) + 2·v(s2) + … + 10·v(s10)) mod 31
 *
 * so a reference is valid exactly when Σ wᵢ·vᵢ ≡ 0 (mod 31) with weights w = (1, 2, …, 10, −1).
 * - Any single substitution changes the sum by wᵢ·(v′ − v). 31 is prime, wᵢ ≢ 0 and 0 < |v′ − v| < 31,
 *   so the product is never ≡ 0: every substitution is caught.
 * - Swapping the symbols at i and j changes the sum by (wᵢ − wⱼ)·(vⱼ − vᵢ). The eleven weights are
 *   distinct mod 31 (1…10 and 30), so every transposition is caught, adjacent or not.
 * - The prefix is inside the sum: PCC→RPT shifts it by 1·2 + 2·10 + 3·14 = 64 ≡ 2, so no
 *   application reference is ever a valid report reference, or the other way round.
 * Why not the alternatives: modulo 30 cannot do both. Catching every substitution needs every weight
 * coprime to 30, hence odd; then the difference of two neighbouring weights is even, and swapping two
 * symbols 15 apart changes the sum by an even number times 15 ≡ 0. Luhn mod 30 misses the swap of the
 * first and last symbols ("2Z" ↔ "Z2") just as Luhn misses 09 ↔ 90. Damm or Verhoeff of order 30 would
 * work but need a 30 × 30 table where this needs one line.
 * The cost: residue 30 has no symbol. Bodies whose check would be 30 are never issued (the generator
 * draws again, 1 time in 31), so the issued references stay uniform over all valid ones.
 */

/** Digits 2–9 and the letters without I, L, O, U: nothing that reads as another symbol. */
export const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export type ReferenceKind = "application" | "report";

export const REFERENCE_PREFIX = { application: "PCC", report: "RPT" } as const satisfies Record<ReferenceKind, string>;

/** Random symbols in a reference; the eighth symbol is the check. */
export const REFERENCE_RANDOM_LENGTH = 7;

const MODULUS = 31;
const BODY_LENGTH = REFERENCE_RANDOM_LENGTH + 1;
const PREFIX_LENGTH = 3;
// Nobody types a reference longer than this; cheaper than normalizing a pasted essay.
const MAX_INPUT_LENGTH = 64;

const KINDS = Object.keys(REFERENCE_PREFIX) as ReferenceKind[];
const CANONICAL = new RegExp(`^([${ALPHABET}]{3})-([${ALPHABET}]{4})-([${ALPHABET}]{4})$`);

/**
 * What any identifier field should do with what people type or paste: full-width forms become ASCII
 * (NFKC), Arabic-Indic and Urdu digits become 0–9, and every kind of dash becomes a hyphen-minus.
 * Shared by the CNIC, passport and phone modules.
 */
export function foldTypedCharacters(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, "-");
}

// A Greek keyboard yields these capitals for letters that look Latin (Athens is a pilot center). A
// wrong guess is harmless: it is a substitution, which the check symbol catches.
const GREEK_LOOKALIKES: Readonly<Record<string, string>> = {
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
};
const GREEK_PATTERN = new RegExp(`[${Object.keys(GREEK_LOOKALIKES).join("")}]`, "g");

/**
 * The alphabet symbols in what was typed, upper-cased, with spaces and hyphens dropped; null when
 * anything else is left. 0, 1, O, I, L and U are refused rather than mapped: no reference contains
 * them, so one was misread, and none has a single obvious meaning to map to (0/O could be D or Q,
 * 1/I/L could be 7 or J, U could be V). Crockford's base 32 maps O→0 and I/L→1 only because its
 * alphabet has 0 and 1; ours has neither.
 */
export function compactSymbols(input: string): string | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  const symbols = foldTypedCharacters(input)
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(GREEK_PATTERN, (c) => GREEK_LOOKALIKES[c] ?? c);
  for (const c of symbols) if (!ALPHABET.includes(c)) return null;
  return symbols;
}

function weightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum += (i + 1) * ALPHABET.indexOf(symbols.charAt(i));
  return sum % MODULUS;
}

/**
 * The check symbol for seven random symbols, or null when their check would be residue 30, which
 * has no symbol: such a body is never issued.
 */
export function checkSymbol(kind: ReferenceKind, randomSymbols: string): string | null {
  if (randomSymbols.length !== REFERENCE_RANDOM_LENGTH || compactSymbols(randomSymbols) !== randomSymbols) {
    throw new Error(`checkSymbol needs ${REFERENCE_RANDOM_LENGTH} symbols from the alphabet`);
  }
  return ALPHABET.charAt(weightedSum(REFERENCE_PREFIX[kind] + randomSymbols)) || null;
}

function format(prefix: string, body: string): string {
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4)}`;
}

function kindOfPrefix(prefix: string): ReferenceKind | undefined {
  return KINDS.find((k) => REFERENCE_PREFIX[k] === prefix);
}

/** True for a reference in its canonical form (as stored and in URLs) with a correct check symbol. */
export function isValidReference(value: string, kind?: ReferenceKind): boolean {
  const match = CANONICAL.exec(value);
  if (!match) return false;
  const [, prefix = "", first = "", second = ""] = match;
  const found = kindOfPrefix(prefix);
  if (!found || (kind && found !== kind)) return false;
  const body = first + second;
  return checkSymbol(found, body.slice(0, REFERENCE_RANDOM_LENGTH)) === body.charAt(REFERENCE_RANDOM_LENGTH);
}

/**
 * What was typed, in canonical form (`PCC-XXXX-XXXX`), or null when it cannot be a reference: any
 * case, spaces, missing or extra hyphens, dashes of any kind. Only the shape is checked, not the check
 * symbol, so a page can repeat back "PCC-… is not a valid reference" in a form people recognise.
 */
export function normalizeReference(input: string): string | null {
  return withPrefix(compactSymbols(input));
}

function withPrefix(symbols: string | null): string | null {
  if (symbols?.length !== PREFIX_LENGTH + BODY_LENGTH) return null;
  const prefix = symbols.slice(0, PREFIX_LENGTH);
  return kindOfPrefix(prefix) ? format(prefix, symbols.slice(PREFIX_LENGTH)) : null;
}

/**
 * A typed reference of the expected kind, canonical and with a correct check symbol, else null. The
 * prefix may be left out: the page already knows the kind, and the check symbol still covers it.
 */
export function parseReference(input: string, kind: ReferenceKind): string | null {
  const symbols = compactSymbols(input);
  const canonical = symbols?.length === BODY_LENGTH ? format(REFERENCE_PREFIX[kind], symbols) : withPrefix(symbols);
  return canonical && isValidReference(canonical, kind) ? canonical : null;
}
