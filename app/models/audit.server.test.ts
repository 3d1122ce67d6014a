import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { insertAuditEvent, verifyAuditChain } from "./audit.server";

describeEachStore("audit chain", (store) => {
  it("verifies an intact chain, including concurrent writers", async () => {
    const { db } = store();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 0 });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .transaction()
          .execute((trx) =>
            insertAuditEvent(trx, { actorType: "system", action: "test.event", entityType: "test", entityId: String(i), details: { i } }),
          ),
      ),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 20 });
  });

  it("rolls back with the change it records", async () => {
    const { db } = store();
    await expect(
      db.transaction().execute(async (trx) => {
        await insertAuditEvent(trx, { actorType: "system", action: "doomed", entityType: "test" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const doomed = await db.selectFrom("audit_event").select("seq").where("action", "=", "doomed").execute();
    expect(doomed).toEqual([]);
  });

  it("names the first row whose content was changed behind the application's back", async () => {
    const { db, dialect } = store();
    const target = await db.selectFrom("audit_event").select("seq").where("entity_id", "=", "7").executeTakeFirstOrThrow();
    // Tampering needs the append-only guard removed first, as an attacker with database access would.
    if (dialect === "postgres") {
      await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(db);
      await sql`UPDATE audit_event SET entity_id = 'forged' WHERE seq = ${target.seq}`.execute(db);
      await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`.execute(db);
    } else {
      await sql`DROP TRIGGER audit_event_no_update`.execute(db);
      await sql`UPDATE audit_event SET entity_id = 'forged' WHERE seq = ${target.seq}`.execute(db);
    }
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.seq).toBe(Number(target.seq));
      expect(report.reason).toMatch(/content/);
    }
  });
});

describeEachStore("audit chain's head", (store) => {
  it("sees a log whose newest events were removed", async () => {
    const { db, dialect } = store();
    await db.transaction().execute((trx) => insertAuditEvent(trx, { actorType: "system", action: "test.last", entityType: "test" }));
    const last = await db.selectFrom("audit_event").select("seq").orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
    if (dialect === "postgres") {
      await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`.execute(db);
      await sql`DELETE FROM audit_event WHERE seq = ${last.seq}`.execute(db);
      await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`.execute(db);
    } else {
      await sql`DROP TRIGGER audit_event_no_delete`.execute(db);
      await sql`DELETE FROM audit_event WHERE seq = ${last.seq}`.execute(db);
    }
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, reason: expect.stringMatching(/newest events are missing/) });
  });
});
