import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { verifyAuditChain } from "./audit.server";
import { consumeSetupToken, createFirstAdministrator, isSetupTokenUsable, issueSetupToken } from "./setup-token.server";

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

  it("creates the first administrator with its audit row once per link", async () => {
    const { db } = store();
    const token = await issueSetupToken(db);
    const input = { token, email: "First.Admin@police.example.pk", displayName: "First Admin", passwordHash: "$argon2id$test" };
    const results = await Promise.all([1, 2].map(() => createFirstAdministrator(db, input)));
    const created = results.filter((id) => id !== null);
    expect(created).toHaveLength(1);
    const user = await db
      .selectFrom("staff_user")
      .select(["id", "email", "role", "center_slug"])
      .where("id", "=", created[0]!)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ id: created[0], email: "first.admin@police.example.pk", role: "admin", center_slug: null });
    const events = await db.selectFrom("audit_event").select(["action", "actor_type"]).where("entity_id", "=", created[0]!).execute();
    expect(events).toEqual([{ action: "staff_user.created", actor_type: "system" }]);
    expect(await createFirstAdministrator(db, { ...input, email: "second@police.example.pk" })).toBeNull();
    expect(await isSetupTokenUsable(db, token)).toBe(false);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
