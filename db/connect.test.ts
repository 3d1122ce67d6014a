import SQLite from "better-sqlite3";
import { Kysely, sql, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { keepingStatements } from "./connect";

function memoryDatabase() {
  const database = new SQLite(":memory:");
  database.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)");
  return database;
}

describe("keepingStatements", () => {
  it("hands out the statement it prepared before for the same SQL, and a new one for other SQL", () => {
    const kept = keepingStatements(memoryDatabase());
    const first = kept.prepare("SELECT n FROM t WHERE n = ?");
    expect(kept.prepare("SELECT n FROM t WHERE n = ?")).toBe(first);
    expect(kept.prepare("SELECT n FROM t WHERE n > ?")).not.toBe(first);
    expect(first.all([2])).toEqual([{ n: 2 }]);
  });

  it("prepares afresh while the kept statement is still being iterated", () => {
    const kept = keepingStatements(memoryDatabase());
    const streaming = kept.prepare("SELECT n FROM t ORDER BY n");
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const other = kept.prepare("SELECT n FROM t ORDER BY n");
    expect(other).not.toBe(streaming);
    expect(other.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it("starts again once it holds as many statements as it may", () => {
    const kept = keepingStatements(memoryDatabase(), 2);
    const a = kept.prepare("SELECT 1");
    kept.prepare("SELECT 2");
    kept.prepare("SELECT 3");
    expect(kept.prepare("SELECT 1")).not.toBe(a);
  });

  it("serves Kysely as before, writes and reads, and closes the database", async () => {
    const database = memoryDatabase();
    const db = new Kysely<{ t: { n: number } }>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) });
    for (const n of [4, 5]) await db.insertInto("t").values({ n }).execute();
    const { rows } = await sql<{ total: number }>`SELECT sum(n) AS total FROM t`.execute(db);
    expect(rows[0]!.total).toBe(15);
    expect(await db.selectFrom("t").select("n").where("n", ">", 3).orderBy("n").execute()).toEqual([{ n: 4 }, { n: 5 }]);
    await db.destroy();
    expect(database.open).toBe(false);
  });
});
