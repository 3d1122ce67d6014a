import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { sealedKind, sealState, unsealState } from "./sealed-state.server";

const secret = "a-session-secret-of-at-least-32-characters";
const options = { secret, purpose: "report", ttlMs: 60_000, now: 1_000_000 };

describe("sealed journey state", () => {
  it("opens what it sealed, with text in any script", () => {
    const value = { how: "whatsapp", phones: ["+92 300 1234567"], note: "ایجنٹ نے 5000 یورو مانگے 🙏" };
    const token = sealState(value, options);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(unsealState(token, options)).toEqual(value);
  });

  it("does not show the answers in the token", () => {
    const token = sealState({ phone: "+923001234567" }, options);
    expect(Buffer.from(token, "base64url").toString("latin1")).not.toContain("923001234567");
  });

  it("refuses an expired token", () => {
    const token = sealState({ a: 1 }, options);
    expect(unsealState(token, { ...options, now: options.now + 59_999 })).toEqual({ a: 1 });
    expect(unsealState(token, { ...options, now: options.now + 60_000 })).toBeNull();
  });

  it("refuses a token altered anywhere, sealed for another purpose or under another secret", () => {
    const token = sealState({ a: 1 }, options);
    const bytes = Buffer.from(token, "base64url");
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] = altered[i]! ^ 0x01;
      expect(unsealState(altered.toString("base64url"), options)).toBeNull();
    }
    expect(unsealState(token, { ...options, purpose: "other" })).toBeNull();
    expect(unsealState(token, { ...options, secret: `${secret}!` })).toBeNull();
  });

  it("answers null to anything that is not a token", () => {
    for (const junk of [null, undefined, "", "not base64!", "AAAA", "<script>", "a".repeat(10_000)]) {
      expect(unsealState(junk, options)).toBeNull();
    }
  });

  it("seals the same value differently each time", () => {
    expect(sealState({ a: 1 }, options)).not.toBe(sealState({ a: 1 }, options));
  });
});

describe("a kind of sealed value", () => {
  const kind = sealedKind({ purpose: "opened", ttlMs: 60_000, schema: z.object({ reportId: z.string() }) });
  const older = sealedKind({ purpose: "opened", ttlMs: 60_000, schema: z.object({ id: z.number() }) });

  it("opens what it sealed, and nothing of another shape, purpose or form field", () => {
    expect(kind.open(secret, kind.seal(secret, { reportId: "r1" }))).toEqual({ reportId: "r1" });
    // Sealed with the same purpose by a release whose value had another shape: opens as nothing.
    expect(kind.open(secret, older.seal(secret, { id: 7 }))).toBeNull();
    expect(kind.open(secret, sealState({ reportId: "r1" }, { ...options, purpose: "journey" }))).toBeNull();
    expect(kind.open(secret, new File(["x"], "x.txt"))).toBeNull();
    expect(kind.open(secret, null)).toBeNull();
  });
});
