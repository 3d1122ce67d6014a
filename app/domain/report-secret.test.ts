import { describe, expect, it } from "vitest";
import { ALPHABET } from "./reference";
import { readTypedSecret, SECRET_LENGTH, secretGroups } from "./report-secret";
import { hashReportSecret, newReportSecret, secretMatches } from "./report-secret.server";

describe("report secrets", () => {
  it("carry at least 80 bits, from the reference alphabet, shown in five groups of four", () => {
    expect(SECRET_LENGTH * Math.log2(ALPHABET.length)).toBeGreaterThanOrEqual(80);
    const { secret } = newReportSecret();
    expect(secret).toMatch(new RegExp(`^[${ALPHABET}]{${SECRET_LENGTH}}$`));
    expect(secretGroups(secret)).toHaveLength(5);
    expect(secretGroups(secret).join("")).toBe(secret);
  });

  it("are read back however they were typed", () => {
    const { secret } = newReportSecret();
    const typed = secretGroups(secret).join(" - ").toLowerCase();
    expect(readTypedSecret(typed)).toBe(secret);
    expect(readTypedSecret(secret.slice(1))).toBeNull();
    expect(readTypedSecret(`${secret}O`)).toBeNull();
  });

  it("are stored only as a hash that matches the secret and nothing else", () => {
    const { secret, secretHash } = newReportSecret();
    expect(secretHash).not.toContain(secret);
    expect(secretMatches(secret, secretHash)).toBe(true);
    expect(secretMatches(newReportSecret().secret, secretHash)).toBe(false);
    expect(secretMatches(secret, hashReportSecret(`${secret.slice(0, -1)}2`))).toBe(secret.endsWith("2"));
  });

  it("do not repeat over a large sample", () => {
    const seen = new Set(Array.from({ length: 20_000 }, () => newReportSecret().secret));
    expect(seen.size).toBe(20_000);
  });
});
