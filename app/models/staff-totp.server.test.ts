import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { createTestStaff } from "../../test/support/staff-accounts";
import {
  claimTotpStep,
  compactRecoveryCode,
  compactTotpCode,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  openRecoveryCodes,
  openTotpSecret,
  replaceRecoveryCodes,
  sealRecoveryCodes,
  sealTotpSecret,
  totpCode,
  totpQrCodeDataUrl,
  totpUri,
} from "./staff-totp.server";

const key = randomBytes(32);
const t0 = new Date("2026-11-28T08:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("TOTP secrets", () => {
  it("are 160 random bits in base32, and differ every time", () => {
    const secrets = Array.from({ length: 50 }, newTotpSecret);
    for (const s of secrets) expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(new Set(secrets).size).toBe(50);
  });

  it("are sealed to one account under the document key", () => {
    const secret = newTotpSecret();
    const sealed = sealTotpSecret(key, "user-1", secret);
    expect(sealed).not.toContain(secret);
    expect(openTotpSecret(key, "user-1", sealed)).toBe(secret);
    expect(() => openTotpSecret(key, "user-2", sealed)).toThrow();
    expect(() => openTotpSecret(randomBytes(32), "user-1", sealed)).toThrow();
  });

  it("travel in an otpauth:// URI for PSCG, and as an SVG QR code in a data: URL", async () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, "ayesha.khan@police.example.pk");
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname)).toBe("/PSCG:ayesha.khan@police.example.pk");
    expect(Object.fromEntries(url.searchParams)).toEqual({ issuer: "PSCG", secret, algorithm: "SHA1", digits: "6", period: "30" });
    const image = await totpQrCodeDataUrl(uri);
    expect(image).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(image.split(",")[1]!, "base64").toString("utf8")).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
  });
});

describe("TOTP codes", () => {
  const secret = newTotpSecret();
  const step = TOTP.counter({ timestamp: t0.getTime() });

  it("match their own step, one step either side, and nothing further", () => {
    expect(matchTotpStep(secret, totpCode(secret, t0), t0)).toBe(step);
    expect(matchTotpStep(secret, totpCode(secret, at(-30_000)), t0)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, at(30_000)), t0)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCode(secret, at(-60_000)), t0)).toBeNull();
    expect(matchTotpStep(secret, totpCode(secret, at(60_000)), t0)).toBeNull();
    expect(matchTotpStep(newTotpSecret(), totpCode(secret, t0), t0)).toBeNull();
    expect(matchTotpStep(secret, "12345", t0)).toBeNull();
  });

  it("agree with an independent RFC 6238 implementation (the otpauth library, used directly)", () => {
    expect(totpCode(secret, t0)).toBe(new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: t0.getTime() }));
    // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits), so 287082 with 6.
    const rfcSecret = Secret.fromLatin1("12345678901234567890").base32;
    expect(totpCode(rfcSecret, new Date(59_000))).toBe("287082");
  });

  it("are read as typed: spaces and hyphens dropped, six digits required", () => {
    expect(compactTotpCode("123 456")).toBe("123456");
    expect(compactTotpCode(" 123-456 ")).toBe("123456");
    expect(compactTotpCode("12345")).toBeNull();
    expect(compactTotpCode("12345a")).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are 16 symbols of the unambiguous alphabet, all different", () => {
    const codes = newRecoveryCodes(1_000);
    expect(new Set(codes).size).toBe(1_000);
    for (const c of codes) expect(c).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}(-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}){3}$/);
    // Every symbol turns up: no bias towards part of the alphabet.
    expect(new Set(codes.join("").replace(/-/g, "")).size).toBe(30);
  });

  it("are read as typed, and refuse what cannot be one", () => {
    expect(compactRecoveryCode("abcd-efgh-jkmn-pqrs")).toBe("ABCDEFGHJKMNPQRS");
    expect(compactRecoveryCode("ABCD EFGH JKMN PQRS")).toBe("ABCDEFGHJKMNPQRS");
    expect(compactRecoveryCode("ABCD-EFGH-JKMN-PQR")).toBeNull();
    expect(compactRecoveryCode("ABCD-EFGH-JKMN-PQRO")).toBeNull();
  });

  it("are sealed to the session that may see them", () => {
    const codes = newRecoveryCodes();
    const sealed = sealRecoveryCodes(key, "session-a", codes);
    expect(openRecoveryCodes(key, "session-a", sealed)).toEqual(codes);
    expect(() => openRecoveryCodes(key, "session-b", sealed)).toThrow();
  });
});

describeEachStore("second-factor records", (store) => {
  it("accept each TOTP step once, and never one older than the last", async () => {
    const { db } = store();
    const staff = await createTestStaff(db, { totp: false });
    expect(await claimTotpStep(db, staff.id, 100)).toBe(true);
    expect(await claimTotpStep(db, staff.id, 100)).toBe(false);
    expect(await claimTotpStep(db, staff.id, 99)).toBe(false);
    expect(await claimTotpStep(db, staff.id, 101)).toBe(true);
    const results = await Promise.all([102, 102, 102].map((step) => claimTotpStep(db, staff.id, step)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("keep recovery codes as hashes, each usable once by its own account", async () => {
    const { db } = store();
    const [a, b] = [await createTestStaff(db, { totp: false }), await createTestStaff(db, { totp: false })];
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(db, a.id, codes);
    expect(await countUnusedRecoveryCodes(db, a.id)).toBe(10);
    expect(await consumeRecoveryCode(db, b.id, codes[0]!)).toBe(false);
    expect(await consumeRecoveryCode(db, a.id, codes[0]!)).toBe(true);
    expect(await consumeRecoveryCode(db, a.id, codes[0]!.toLowerCase())).toBe(false);
    expect(await consumeRecoveryCode(db, a.id, "not a code")).toBe(false);
    expect(await countUnusedRecoveryCodes(db, a.id)).toBe(9);
    // New codes replace the old ones, used or not.
    const fresh = newRecoveryCodes();
    await replaceRecoveryCodes(db, a.id, fresh);
    expect(await consumeRecoveryCode(db, a.id, codes[1]!)).toBe(false);
    expect(await countUnusedRecoveryCodes(db, a.id)).toBe(10);
  });
});
