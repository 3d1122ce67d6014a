import { describe, expect, it } from "vitest";
import { ALPHABET } from "./reference";
import { VERIFICATION_CODE_LENGTH, formatVerificationCode, isValidVerificationCode, normalizeVerificationCode } from "./verification-code";
import { newVerificationCode } from "./verification-code.server";

describe("newVerificationCode", () => {
  it("gives 100,000 ten-symbol codes from the alphabet with no repeats", () => {
    const codes = Array.from({ length: 100_000 }, () => newVerificationCode());
    for (const code of codes) {
      if (code.length !== VERIFICATION_CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c)) || !isValidVerificationCode(code)) {
        expect.fail(`${code} is not a verification code`);
      }
    }
    // 30¹⁰ ≈ 5.9 × 10¹⁴ codes: a repeat among 100,000 happens about once in 10⁵ runs.
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("carries about 49 bits", () => {
    expect(VERIFICATION_CODE_LENGTH * Math.log2(ALPHABET.length)).toBeGreaterThan(49);
  });
});

describe("normalizeVerificationCode", () => {
  it.each([
    ["7KMX2QRFHD", "as stored"],
    ["7kmx2-qrfhd", "lower case, printed grouping"],
    [" 7KMX2 QRFHD ", "spaces"],
    ["7KMX2–QRFHD", "en dash"],
    ["７ＫＭＸ２ＱＲＦＨＤ", "full-width"],
  ])("understands %j (%s)", (input) => {
    expect(normalizeVerificationCode(input)).toBe("7KMX2QRFHD");
  });

  it.each([
    ["7KMX2QRFH", "too short"],
    ["7KMX2QRFHDD", "too long"],
    ["7KMX2QRFH0", "zero"],
    ["7KMX2QRFHO", "letter O"],
    ["7KMX2QRFH1", "one"],
    ["7KMX2QRFHI", "letter I"],
    ["7KMX2QRFHL", "letter L"],
    ["7KMX2QRFHU", "letter U"],
    ["", "nothing"],
  ])("refuses %j (%s)", (input) => {
    expect(normalizeVerificationCode(input)).toBeNull();
  });
});

describe("isValidVerificationCode", () => {
  it("accepts only the stored form", () => {
    expect(isValidVerificationCode("7KMX2QRFHD")).toBe(true);
    for (const variant of ["7kmx2qrfhd", "7KMX2-QRFHD", "7KMX2QRFH", "7KMX2QRFHD ", "7KMX2QRFH0"]) {
      expect(isValidVerificationCode(variant)).toBe(false);
    }
  });
});

describe("formatVerificationCode", () => {
  it("prints two groups of five, which normalize back", () => {
    expect(formatVerificationCode("7KMX2QRFHD")).toBe("7KMX2-QRFHD");
    const code = newVerificationCode();
    expect(normalizeVerificationCode(formatVerificationCode(code))).toBe(code);
  });
});
