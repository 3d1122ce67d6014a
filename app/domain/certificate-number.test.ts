import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_PREFIX,
  certificateCheckSymbol,
  formatCertificateNumber,
  isValidCertificateNumber,
  parseCertificateNumber,
} from "./certificate-number";
import { newCertificateNumber } from "./certificate-number.server";
import { ALPHABET, compactSymbols, isValidReference } from "./reference";
import { newReference, randomSymbols } from "./reference.server";

const body = (number: string) => number.slice(4).replace("-", "");

describe("certificate numbers", () => {
  it("use a prefix made of alphabet symbols, so the check covers it", () => {
    expect(compactSymbols(CERTIFICATE_PREFIX)).toBe(CERTIFICATE_PREFIX);
  });

  it("pin the check symbol: changing the scheme would invalidate every certificate issued", () => {
    // P=20, S=23, C=10, 7=5, K=17, M=18, X=27, 2=0, Q=21, R=22:
    // 1·20 + 2·23 + 3·10 + 4·5 + 5·17 + 6·18 + 7·27 + 8·0 + 9·21 + 10·22 = 907 ≡ 8 (mod 31) → "A"
    expect(certificateCheckSymbol("7KMX2QR")).toBe("A");
    expect(isValidCertificateNumber("PSC-7KMX-2QRA")).toBe(true);
    expect(isValidCertificateNumber("PSC-7KMX-2QRB")).toBe(false);
  });

  it("draws 100,000 valid numbers of the documented shape", () => {
    const numbers = Array.from({ length: 100_000 }, () => newCertificateNumber());
    for (const n of numbers)
      if (!/^PSC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/.test(n) || !isValidCertificateNumber(n))
        expect.fail(`${n} is not a certificate number`);
    // 2.1 × 10¹⁰ numbers: about 0.24 repeats expected among 100,000, so a repeat is possible but rare;
    // the unique index catches it and the issuer draws again.
    expect(new Set(numbers).size).toBeGreaterThan(numbers.length - 3);
  });

  it("catch every single substitution and every adjacent swap", () => {
    for (let round = 0; round < 200; round++) {
      const n = newCertificateNumber();
      const symbols = body(n);
      for (let i = 0; i < symbols.length; i++) {
        for (const c of ALPHABET) {
          if (c === symbols[i]) continue;
          expect(isValidCertificateNumber(formatCertificateNumber(symbols.slice(0, i) + c + symbols.slice(i + 1)))).toBe(false);
        }
        if (i < symbols.length - 1 && symbols[i] !== symbols[i + 1]) {
          const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
          expect(isValidCertificateNumber(formatCertificateNumber(swapped))).toBe(false);
        }
      }
    }
  });

  it("never accept an application reference with its prefix changed", () => {
    for (let i = 0; i < 2_000; i++) {
      const reference = newReference("application");
      expect(isValidReference(reference)).toBe(true);
      expect(isValidCertificateNumber(`PSC${reference.slice(3)}`)).toBe(false);
      expect(parseCertificateNumber(reference)).toBeNull();
    }
  });
});

describe("parseCertificateNumber", () => {
  it.each([
    ["PSC-7KMX-2QRA", "as printed"],
    ["psc-7kmx-2qra", "lower case"],
    [" PSC 7KMX 2QRA ", "spaces"],
    ["PSC7KMX2QRA", "no hyphens"],
    ["7KMX-2QRA", "without the prefix"],
    ["PSC–7KMX–2QRA", "en dashes"],
    ["ＰＳＣ-７ＫＭＸ-２ＱＲＡ", "full-width"],
    ["PSC-7ΚΜΧ-2QRA", "Greek capitals that look Latin"],
  ])("understands %j (%s)", (input) => {
    expect(parseCertificateNumber(input)).toBe("PSC-7KMX-2QRA");
  });

  it.each([
    ["PSC-7KMX-2QRB", "wrong check symbol"],
    ["PCC-7KMX-2QRA", "an application prefix"],
    ["PSC-7KMX-2QR", "too short"],
    ["PSC-7KMX-2QRA4", "too long"],
    ["PSC-7KMX-2QRO", "letter O"],
    ["پی ایس سی-۷", "Urdu script"],
    ["PSC-7KMX-2QRA".repeat(40), "over-long"],
    ["<script>alert(1)</script>", "markup"],
    ["", "nothing"],
  ])("refuses %j (%s)", (input) => {
    expect(parseCertificateNumber(input)).toBeNull();
  });

  it("reads back every number it prints", () => {
    for (let i = 0; i < 1_000; i++) {
      const n = formatCertificateNumber(randomSymbols(7) + "2");
      expect(parseCertificateNumber(n)).toBe(isValidCertificateNumber(n) ? n : null);
    }
  });
});
