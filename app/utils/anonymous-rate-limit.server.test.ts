import { describe, expect, it } from "vitest";
import { AnonymousRateLimiter } from "./anonymous-rate-limit.server";

const limit = { bucket: "report-follow-up", max: 3, windowMs: 60_000 };

describe("anonymous rate limits", () => {
  it("allows up to the limit per address and window, then refuses", () => {
    const limiter = new AnonymousRateLimiter();
    const results = Array.from({ length: 5 }, () => limiter.hit(limit, "203.0.113.9", 1_000));
    expect(results).toEqual([true, true, true, false, false]);
    expect(limiter.hit(limit, "203.0.113.10", 1_000)).toBe(true);
  });

  it("starts again when the window has passed", () => {
    const limiter = new AnonymousRateLimiter();
    for (let i = 0; i < 4; i++) limiter.hit(limit, "203.0.113.9", 1_000);
    expect(limiter.hit(limit, "203.0.113.9", 60_999)).toBe(false);
    expect(limiter.hit(limit, "203.0.113.9", 61_000)).toBe(true);
  });

  it("counts buckets apart", () => {
    const limiter = new AnonymousRateLimiter();
    for (let i = 0; i < 3; i++) limiter.hit(limit, "203.0.113.9", 1_000);
    expect(limiter.hit({ ...limit, bucket: "report-post" }, "203.0.113.9", 1_000)).toBe(true);
  });

  it("keeps no form of the address that another process could match", () => {
    const limiter = new AnonymousRateLimiter();
    limiter.hit(limit, "203.0.113.77", 1_000);
    const held = JSON.stringify([...(limiter as unknown as { counters: Map<string, unknown> }).counters.keys()]);
    expect(held).not.toContain("203.0.113.77");
    expect(held).not.toContain(Buffer.from("203.0.113.77").toString("base64url"));
  });

  it("stays bounded under a flood of addresses", () => {
    const limiter = new AnonymousRateLimiter();
    for (let i = 0; i < 100_050; i++) limiter.hit(limit, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 1_000);
    expect(limiter.size).toBeLessThanOrEqual(100_000);
  });
});
