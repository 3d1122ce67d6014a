import { sql } from "kysely";
import { expect, it } from "vitest";
import { dialectOf } from "./dialect";
import { createMigrator, migrateToLatest } from "./migrate";
import { CENTERS, seedReferenceData } from "./seed";
import { describeEachStore } from "../test/support/stores";

describeEachStore(
  "migrations",
  (store) => {
    it("apply from empty, roll back to empty and apply again", async () => {
      const { db } = store();
      const first = await migrateToLatest(db);
      expect(first.length).toBeGreaterThan(0);
      expect(first.every((r) => r.status === "Success")).toBe(true);

      const migrator = createMigrator(db);
      for (;;) {
        const { error, results } = await migrator.migrateDown();
        expect(error).toBeUndefined();
        if (!results?.length) break;
      }
      const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith("kysely_"));
      expect(tables).toEqual([]);

      const again = await migrateToLatest(db);
      expect(again.length).toBe(first.length);
      expect(await migrateToLatest(db)).toEqual([]);
    });
  },
  { migrate: false },
);

describeEachStore("store basics", (store) => {
  it("reports its dialect and enforces foreign keys", async () => {
    const { db, dialect } = store();
    expect(dialectOf(db)).toBe(dialect);
    await expect(
      db
        .insertInto("staff_user")
        .values({
          id: "u1",
          email: "a@example.org",
          display_name: "A",
          password_hash: null,
          role: "officer",
          center_slug: "no-such-center",
          totp_secret: null,
          disabled_at: null,
          created_at: "2026-01-01T00:00:00.000Z",
          updated_at: "2026-01-01T00:00:00.000Z",
        })
        .execute(),
    ).rejects.toThrow();
  });

  it("seeds reference data idempotently", async () => {
    const { db } = store();
    await seedReferenceData(db);
    await seedReferenceData(db);
    const count = await db
      .selectFrom("center")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(CENTERS.length);
  });

  it("keeps binary content byte for byte", async () => {
    const { db } = store();
    const content = new Uint8Array([0, 255, 1, 254, 0, 0, 10, 13]);
    await db.insertInto("blob").values({ id: "b1", content, size: content.length, created_at: new Date().toISOString() }).execute();
    const row = await db.selectFrom("blob").select("content").where("id", "=", "b1").executeTakeFirstOrThrow();
    expect(Buffer.from(row.content).equals(Buffer.from(content))).toBe(true);
  });

  it("refuses to update or delete audit events", async () => {
    const { db } = store();
    await db
      .insertInto("audit_event")
      .values({
        occurred_at: new Date().toISOString(),
        actor_type: "system",
        actor_id: null,
        session_ref: null,
        action: "test",
        entity_type: "test",
        entity_id: null,
        details: "{}",
        prev_hash: "0".repeat(64),
        hash: "f".repeat(64),
      })
      .execute();
    await expect(db.updateTable("audit_event").set({ action: "changed" }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_event").execute()).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event`.execute(db)).rejects.toThrow(/append-only/);
    const rows = await db.selectFrom("audit_event").select("action").execute();
    expect(rows.map((r) => r.action)).toEqual(["test"]);
  });

  it("numbers append-only rows in insertion order", async () => {
    const { db } = store();
    for (const action of ["a", "b", "c"]) {
      await db
        .insertInto("audit_event")
        .values({
          occurred_at: new Date().toISOString(),
          actor_type: "system",
          actor_id: null,
          session_ref: null,
          action,
          entity_type: "seq",
          entity_id: null,
          details: "{}",
          prev_hash: "0".repeat(64),
          hash: `${action}`.repeat(64),
        })
        .execute();
    }
    const rows = await db.selectFrom("audit_event").select(["seq", "action"]).where("entity_type", "=", "seq").orderBy("seq").execute();
    expect(rows.map((r) => r.action)).toEqual(["a", "b", "c"]);
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs[1]! > seqs[0]! && seqs[2]! > seqs[1]!).toBe(true);
  });
});
