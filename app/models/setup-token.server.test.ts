import { expect, it } from "vitest";
import { describeEachStore } from "../../db/test-stores";
import { consumeSetupToken, isSetupTokenUsable, issueSetupToken } from "./setup-token.server";

describeEachStore("setup token", (store) => {
  it("works once, is stored only as a hash, and expires", async () => {
    const { db } = store();
    const now = new Date("2026-11-28T10:00:00.000Z");
    const token = await issueSetupToken(db, now);
    const stored = await db.selectFrom("setup_token").select("token_hash").execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    expect(await isSetupTokenUsable(db, token, now)).toBe(true);
    expect(await isSetupTokenUsable(db, `${token}x`, now)).toBe(false);
    expect(await isSetupTokenUsable(db, token, new Date(now.getTime() + 25 * 3600_000))).toBe(false);

    const results = await Promise.all([1, 2].map(() => db.transaction().execute((trx) => consumeSetupToken(trx, token, now))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await isSetupTokenUsable(db, token, now)).toBe(false);
  });

  it("replaces an unused token when a new one is issued", async () => {
    const { db } = store();
    const old = await issueSetupToken(db);
    const fresh = await issueSetupToken(db);
    expect(await isSetupTokenUsable(db, old)).toBe(false);
    expect(await isSetupTokenUsable(db, fresh)).toBe(true);
  });
});
