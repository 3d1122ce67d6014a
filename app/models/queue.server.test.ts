import { randomUUID } from "node:crypto";
import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, SqliteDialect } from "kysely";
import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { seedReferenceData } from "../../db/seed";
import { migrateToLatest } from "../../db/migrate";
import type { Database } from "../../db/schema";
import { testApplication } from "../../test/support/application-fixture";
import { COUNT_CAP, countTabs, exportQueue, interpretSearch, listCenterStaffNames, listQueue } from "./queue.server";
import { disableStaffUser } from "./staff-user.server";
import { insertTestStaffUser } from "../../test/support/staff-accounts";

const application = testApplication;

describeEachStore("queue", (store) => {
  it("pages a tab oldest first with a keyset, filters and counts", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 9)).toISOString();
    const rows = [
      ...Array.from({ length: 7 }, (_, i) => application({ status: "submitted", submitted_at: day(i) })),
      application({ status: "submitted", submitted_at: day(1), center_slug: "gujrat" }),
      application({ status: "submitted", submitted_at: day(2), authority_status: "pending" }),
      application({
        status: "submitted",
        submitted_at: day(3),
        authority_status: "confirmed",
        destination_country: "GR",
        full_name: "Zeynab Bibi",
        name_search: "zeynab bibi",
        cnic: "3520299999992",
        passport_number: "ZZ7654321",
      }),
      application({ status: "in_review", submitted_at: day(4) }),
      application({ status: "rejected", submitted_at: day(5) }),
    ];
    await db.insertInto("application").values(rows).execute();

    const lahore = { centerSlug: "lahore" };
    const first = await listQueue(db, "new", lahore, { limit: 3 });
    expect(first.rows.map((r) => r.submittedAt)).toEqual([day(0), day(1), day(2)]);
    const second = await listQueue(db, "new", lahore, { limit: 3, after: first.next });
    const third = await listQueue(db, "new", lahore, { limit: 3, after: second.next });
    const all = [...first.rows, ...second.rows, ...third.rows];
    expect(all).toHaveLength(8); // 7 + the confirmed e-authority; the pending one waits
    expect(new Set(all.map((r) => r.id)).size).toBe(8);
    expect(third.next).toBeNull();
    expect(all.every((r, i) => i === 0 || r.submittedAt >= all[i - 1]!.submittedAt)).toBe(true);

    expect(await countTabs(db, lahore)).toEqual({
      new: { count: 8, capped: false },
      in_review: { count: 1, capped: false },
      waiting: { count: 0, capped: false },
      ready: { count: 0, capped: false },
      closed: { count: 1, capped: false },
    });
    expect((await listQueue(db, "new", { ...lahore, destination: "GR" })).rows.map((r) => r.fullName)).toEqual(["Zeynab Bibi"]);
    for (const search of ["zey", "ZEYNAB", "35202-9999999-2", "zz 7654321", rows[9]!.reference.toLowerCase()]) {
      expect((await listQueue(db, "new", { ...lahore, search })).rows.map((r) => r.fullName)).toEqual(["Zeynab Bibi"]);
    }
    expect((await listQueue(db, "new", { centerSlug: "gujrat" })).rows).toHaveLength(1);
    expect((await listQueue(db, "new", { centerSlug: null })).rows).toHaveLength(9);
    const newest = await listQueue(db, "new", { ...lahore, order: "newest" }, { limit: 2 });
    expect(newest.rows.map((r) => r.submittedAt)).toEqual([day(6), day(5)]);
    let exported = 0;
    for await (const _row of exportQueue(db, "new", lahore)) exported += 1;
    expect(exported).toBe(8);
  });

  it("stops counting at the cap", async () => {
    const { db } = store();
    const at = new Date(Date.UTC(2026, 9, 1)).toISOString();
    const many = Array.from({ length: COUNT_CAP + 5 }, () =>
      application({ status: "collected", submitted_at: at, center_slug: "rawalpindi" }),
    );
    for (let i = 0; i < many.length; i += 200)
      await db
        .insertInto("application")
        .values(many.slice(i, i + 200))
        .execute();
    expect((await countTabs(db, { centerSlug: "rawalpindi" })).closed).toEqual({ count: COUNT_CAP, capped: true });
  });

  it("names a center's staff by id, disabled ones too, and no one of another center", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const add = (displayName: string, centerSlug: string) => insertTestStaffUser(db, { role: "officer", centerSlug, displayName });
    const ayesha = await add("Ayesha Siddiqui", "lahore");
    const bilal = await add("Bilal Ahmed", "lahore");
    const other = await add("Imran Shah", "gujrat");
    await db.transaction().execute((trx) => disableStaffUser(trx, bilal));
    const names = await listCenterStaffNames(db, "lahore");
    expect(names.get(ayesha)).toBe("Ayesha Siddiqui");
    expect(names.get(bilal)).toBe("Bilal Ahmed");
    expect(names.has(other)).toBe(false);
  });
});

it("reads what a search box entry means", () => {
  expect(interpretSearch("  ")).toBeNull();
  expect(interpretSearch("35202-1234567-1")).toEqual({ kind: "cnic", value: "3520212345671" });
  expect(interpretSearch("ab1234567")).toEqual({ kind: "passport", value: "AB1234567" });
  expect(interpretSearch("Ali Kh")).toEqual({ kind: "name", value: "ali kh" });
  expect(interpretSearch("علی")).toEqual({ kind: "name", value: "علی" });
});

/**
 * At a million cases a query that reads table rows to test a status or an e-authority costs
 * milliseconds per page; one that reads index entries only does not. SQLite says which it does.
 */
it("answers every filtered count and name search from an index alone (SQLite query plans)", async () => {
  const database = new SQLite(":memory:");
  const executed: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database }),
    log: (event) => void (event.level === "query" && executed.push(event.query)),
  });
  await migrateToLatest(db);
  const plan = (query: CompiledQuery) =>
    (database.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[])
      .map((row) => row.detail)
      .join("; ");
  const filters = [
    { destination: "GR" },
    { purpose: "work_visa" },
    { referralCenter: "athens" },
    { assignedTo: randomUUID() },
    { search: "ali kh" },
  ];
  for (const filter of filters) {
    executed.length = 0;
    await countTabs(db, { centerSlug: "lahore", ...filter });
    expect(executed).toHaveLength(8); // one capped count per status
    for (const query of executed)
      expect(plan(query)).toMatch(
        /USING COVERING INDEX application_center_\w+_idx \(center_slug=\? AND \w+=\? AND status=\?|USING COVERING INDEX application_center_name_idx \(center_slug=\? AND status=\? AND name_search>\? AND name_search<\?\)/,
      );
  }
  executed.length = 0;
  await listQueue(db, "closed", { centerSlug: "lahore", search: "ali kh" });
  for (const query of executed)
    expect(plan(query)).toContain("INDEX application_center_name_idx (center_slug=? AND status=? AND name_search>? AND name_search<?)");
  await db.destroy();
});
