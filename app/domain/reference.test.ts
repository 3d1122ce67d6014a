import { beforeAll, describe, expect, it } from "vitest";
import {
  ALPHABET,
  REFERENCE_PREFIX,
  checkSymbol,
  compactSymbols,
  foldTypedCharacters,
  isValidReference,
  normalizeReference,
  parseReference,
  type ReferenceKind,
} from "./reference";
import { newReference, randomSymbols } from "./reference.server";

const KINDS: ReferenceKind[] = ["application", "report"];

/** The eight symbols after the prefix, hyphen removed, and back. */
const symbolsOf = (reference: string) => reference.slice(4).replace("-", "");
const withSymbols = (prefix: string, s: string) => `${prefix}-${s.slice(0, 4)}-${s.slice(4)}`;

describe("alphabet", () => {
  it("has exactly the 30 symbols without look-alikes", () => {
    expect(ALPHABET).toBe("23456789ABCDEFGHJKMNPQRSTVWXYZ");
    expect(new Set(ALPHABET).size).toBe(30);
    for (const c of "01ILOU") expect(ALPHABET).not.toContain(c);
  });

  it("contains both prefixes, so the check symbol can cover them", () => {
    for (const prefix of Object.values(REFERENCE_PREFIX)) expect(compactSymbols(prefix)).toBe(prefix);
  });
});

describe("check symbol", () => {
  it("is pinned: changing the scheme would invalidate every reference already issued", () => {
    expect(checkSymbol("application", "7KMX2QR")).toBe("F");
    expect(checkSymbol("report", "7KMX2QR")).toBe("H");
    expect(checkSymbol("application", "2222222")).toBe("A"); // (1·20 + 2·10 + 3·10) mod 31 = 8 → "A"
    expect(isValidReference("PCC-7KMX-2QRF")).toBe(true);
    expect(isValidReference("RPT-7KMX-2QRH")).toBe(true);
    expect(isValidReference("PCC-ZZZZ-ZZZ5")).toBe(true);
  });

  it("has no symbol for residue 30, so such a body is never valid", () => {
    // 70 (prefix PCC) + 4·21 ("Q" first) = 154 ≡ 30 (mod 31)
    expect(checkSymbol("application", "Q222222")).toBeNull();
    for (const c of ALPHABET) expect(isValidReference(`PCC-Q222-222${c}`)).toBe(false);
  });

  it("refuses bodies that are not seven alphabet symbols", () => {
    expect(() => checkSymbol("application", "7KMX2Q")).toThrow();
    expect(() => checkSymbol("application", "7KMX2Q0")).toThrow();
    expect(() => checkSymbol("application", "7kmx2qr")).toThrow();
  });

  // The proof in reference.ts rests on the sum being linear: a change at one position shifts it by
  // the same amount whatever the other symbols are. These walk every position and every pair of
  // symbols in random contexts, which covers every substitution and transposition of the body.
  it("gives every symbol at any one position a different check (every substitution is caught)", () => {
    for (const kind of KINDS) {
      for (let round = 0; round < 20; round++) {
        const context = randomSymbols(7);
        for (let position = 0; position < 7; position++) {
          const checks = [...ALPHABET].map((c) => checkSymbol(kind, context.slice(0, position) + c + context.slice(position + 1)));
          const issued = checks.filter((c) => c !== null);
          expect(issued.length).toBeGreaterThanOrEqual(29);
          expect(new Set(issued).size).toBe(issued.length);
        }
      }
    }
  });

  it("changes when any two adjacent body symbols are swapped (every transposition is caught)", () => {
    for (const kind of KINDS) {
      for (let round = 0; round < 5; round++) {
        const context = randomSymbols(7);
        for (let position = 0; position < 6; position++) {
          for (const a of ALPHABET) {
            for (const b of ALPHABET) {
              if (a === b) continue;
              const put = (x: string, y: string) => context.slice(0, position) + x + y + context.slice(position + 2);
              const check = checkSymbol(kind, put(a, b));
              if (check) expect(checkSymbol(kind, put(b, a))).not.toBe(check);
            }
          }
        }
      }
    }
  });

  it("catches the last random symbol swapped with the check symbol, for every pair", () => {
    for (const kind of KINDS) {
      for (let round = 0; round < 20; round++) {
        const head = randomSymbols(6);
        for (const a of ALPHABET) {
          const check = checkSymbol(kind, head + a);
          if (check && check !== a) expect(checkSymbol(kind, head + check)).not.toBe(a);
        }
      }
    }
  });
});

describe("newReference", () => {
  let sample: string[] = [];
  beforeAll(() => {
    sample = Array.from({ length: 100_000 }, (_, i) => newReference(i % 2 ? "report" : "application"));
  });

  it("gives 100,000 valid references of the right kind, in canonical form, alphabet only", () => {
    const shape = /^(PCC|RPT)-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;
    const wrong = sample.filter((reference, i) => {
      const kind = i % 2 ? "report" : "application";
      return !shape.test(reference) || !reference.startsWith(REFERENCE_PREFIX[kind]) || !isValidReference(reference, kind);
    });
    expect(wrong).toEqual([]);
  });

  it("does not repeat itself more than chance allows", () => {
    // There are 30⁷ · 30/31 ≈ 2.1 × 10¹⁰ valid bodies per kind, so 50,000 of each kind should hold
    // about 2 · 50,000² / (2 · 2.1 × 10¹⁰) ≈ 0.12 repeated pairs (Poisson); 5 or more happens once in
    // about 10⁸ runs. Zero cannot be demanded: it fails about one run in nine. A generator with less
    // entropy than claimed repeats far more. (The store retries on its unique index; see newReference.)
    expect(sample.length - new Set(sample).size).toBeLessThanOrEqual(4);
  });

  it("draws every symbol at every position with equal chance", () => {
    // Pearson's χ² with 29 degrees of freedom; above 85 happens by chance about once in 4 × 10⁶ per
    // position. A `byte % 30` generator scores about 340 here.
    for (let position = 0; position < 8; position++) {
      const counts = new Map<string, number>();
      for (const reference of sample) {
        const c = symbolsOf(reference).charAt(position);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      expect(counts.size).toBe(30);
      const expected = sample.length / 30;
      let chiSquare = 0;
      for (const count of counts.values()) chiSquare += (count - expected) ** 2 / expected;
      expect(chiSquare).toBeLessThan(85);
    }
  });

  it("detects every single substitution and every adjacent transposition of 2,000 references", () => {
    let substitutions = 0;
    let transpositions = 0;
    for (const reference of sample.slice(0, 2_000)) {
      const prefix = reference.slice(0, 3);
      const symbols = symbolsOf(reference);
      for (let i = 0; i < symbols.length; i++) {
        for (const c of ALPHABET) {
          if (c === symbols.charAt(i)) continue;
          const typo = withSymbols(prefix, symbols.slice(0, i) + c + symbols.slice(i + 1));
          if (isValidReference(typo)) expect.fail(`${reference} → ${typo} was not detected`);
          substitutions++;
        }
      }
      // Across the hyphen too: people do not see it as a boundary when copying.
      for (let i = 0; i + 1 < symbols.length; i++) {
        const [a, b] = [symbols.charAt(i), symbols.charAt(i + 1)];
        if (a === b) continue;
        const typo = withSymbols(prefix, symbols.slice(0, i) + b + a + symbols.slice(i + 2));
        if (isValidReference(typo)) expect.fail(`${reference} → ${typo} was not detected`);
        transpositions++;
      }
    }
    expect(substitutions).toBe(2_000 * 8 * 29);
    expect(transpositions).toBeGreaterThan(2_000 * 7 * 0.9); // swaps of two equal symbols change nothing
  });

  it("never gives an application reference that is valid as a report reference, or the other way round", () => {
    for (const reference of sample.slice(0, 2_000)) {
      const other = reference.startsWith("PCC") ? `RPT${reference.slice(3)}` : `PCC${reference.slice(3)}`;
      expect(isValidReference(other)).toBe(false);
    }
  });
});

describe("isValidReference", () => {
  it("accepts only the canonical form", () => {
    expect(isValidReference("PCC-7KMX-2QRF")).toBe(true);
    expect(isValidReference("PCC-7KMX-2QRF", "application")).toBe(true);
    expect(isValidReference("PCC-7KMX-2QRF", "report")).toBe(false);
    for (const variant of ["pcc-7kmx-2qrf", "PCC7KMX2QRF", "PCC-7KMX2QRF", " PCC-7KMX-2QRF", "PCC–7KMX–2QRF", "XYZ-7KMX-2QRF", ""]) {
      expect(isValidReference(variant)).toBe(false);
    }
  });
});

describe("normalizeReference and parseReference", () => {
  const valid = "PCC-7KMX-2QRF";

  it.each([
    ["pcc-7kmx-2qrf", "lower case"],
    ["PCC 7KMX 2QRF", "spaces instead of hyphens"],
    ["PCC7KMX2QRF", "no hyphens"],
    ["  PCC - 7KMX - 2QRF  ", "spaces around everything"],
    ["PCC--7KMX--2QRF", "doubled hyphens"],
    ["P-C-C-7-K-M-X-2-Q-R-F", "hyphens everywhere"],
    ["PCC-7K MX-2Q RF", "groups split differently"],
    ["PCC–7KMX—2QRF", "en and em dashes"],
    ["PCC‑7KMX−2QRF", "non-breaking hyphen and minus sign"],
    ["PCC\u00a07KMX\u00a02QRF", "non-breaking spaces"],
    ["ＰＣＣ－７ＫＭＸ－２ＱＲＦ", "full-width characters"],
    ["PCC-۷KMX-۲QRF", "Urdu digits"],
    ["PCC-٧KMX-٢QRF", "Arabic-Indic digits"],
    ["ΡCC-7ΚΜΧ-2QRF", "Greek capitals that look Latin"],
    ["PCC-7KMX-2QRF\n", "a trailing newline from a paste"],
  ])("understands %j (%s)", (input) => {
    expect(normalizeReference(input)).toBe(valid);
    expect(parseReference(input, "application")).toBe(valid);
  });

  it("accepts the eight symbols without the prefix when the page knows the kind", () => {
    expect(parseReference("7kmx-2qrf", "application")).toBe(valid);
    expect(parseReference("7KMX 2QRH", "report")).toBe("RPT-7KMX-2QRH");
    expect(normalizeReference("7KMX-2QRF")).toBeNull(); // without a kind there is nothing to add
  });

  it.each([
    ["PCC-7KMX-2QR0", "zero: could be D or Q"],
    ["PCC-7KMX-2QRO", "letter O"],
    ["PCC-7KMX-2QR1", "one: could be 7 or J"],
    ["PCC-7KMX-2QRI", "letter I"],
    ["pcc-7kmx-2qrl", "letter l"],
    ["PCC-7KMX-2QRU", "letter U: could be V"],
    ["PCC-7KMX-2QR", "a symbol short"],
    ["PCC-7KMX-2QRFF", "a symbol too many"],
    ["ABC-7KMX-2QRF", "an unknown prefix"],
    ["PCC.7KMX.2QRF", "dots"],
    ["PCC-7KMX-2QR*", "punctuation"],
    ["", "nothing"],
    [`PCC-7KMX-2QRF${" ".repeat(100)}`, "absurdly long input"],
  ])("refuses %j (%s)", (input) => {
    expect(normalizeReference(input)).toBeNull();
    expect(parseReference(input, "application")).toBeNull();
  });

  it("normalizes a well-shaped reference with a wrong check symbol, but does not parse it", () => {
    expect(normalizeReference("pcc 7kmx 2qrg")).toBe("PCC-7KMX-2QRG");
    expect(parseReference("pcc 7kmx 2qrg", "application")).toBeNull();
  });

  it("refuses a reference of the other kind", () => {
    expect(parseReference("RPT-7KMX-2QRH", "application")).toBeNull();
    expect(parseReference("rpt 7kmx 2qrh", "report")).toBe("RPT-7KMX-2QRH");
    expect(parseReference(valid, "report")).toBeNull();
  });
});

describe("foldTypedCharacters", () => {
  it("turns what keyboards and pastes produce into plain ASCII digits and hyphens", () => {
    expect(foldTypedCharacters("۳۵۲۰۲–١٢٣٤٥٦٧—１")).toBe("35202-1234567-1");
    expect(foldTypedCharacters("a\u00a0b")).toBe("a b");
  });
});
