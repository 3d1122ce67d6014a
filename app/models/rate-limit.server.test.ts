import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { clearHits, deleteExpiredHits, rateLimitKey, recordHit, undoHit } from "./rate-limit.server";

describeEachStore("rate-limit counters", (store) => {
  const t0 = new Date("2026-11-28T10:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("counts hits within a window and starts again after it", async () => {
    const { db } = store();
    const key = rateLimitKey("test", "203.0.113.9", "secret");
    expect((await recordHit(db, key, 60_000, t0)).hits).toBe(1);
    expect((await recordHit(db, key, 60_000, at(1_000))).hits).toBe(2);
    const third = await recordHit(db, key, 60_000, at(59_000));
    expect(third.hits).toBe(3);
    expect(third.resetAt.toISOString()).toBe(at(60_000).toISOString());
    const fresh = await recordHit(db, key, 60_000, at(60_000));
    expect(fresh.hits).toBe(1);
    expect(fresh.resetAt.toISOString()).toBe(at(120_000).toISOString());
  });

  it("undoes and clears hits, and deletes expired counters", async () => {
    const { db } = store();
    const key = rateLimitKey("test", "198.51.100.1", "secret");
    await recordHit(db, key, 60_000, t0);
    await recordHit(db, key, 60_000, t0);
    await undoHit(db, key);
    expect((await recordHit(db, key, 60_000, t0)).hits).toBe(2);
    await clearHits(db, key);
    expect((await recordHit(db, key, 60_000, t0)).hits).toBe(1);
    expect(await deleteExpiredHits(db, at(10 * 60_000))).toBeGreaterThanOrEqual(1);
  });

  it("keeps no client address in its keys", () => {
    const key = rateLimitKey("post", "203.0.113.9", "secret");
    expect(key).not.toContain("203.0.113.9");
    expect(key).not.toBe(rateLimitKey("post", "203.0.113.9", "other-secret"));
  });
});
