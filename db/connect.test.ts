import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, sql, SqliteDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, postgresAvailable, type TestStore } from "../test/support/stores";
import { keepingStatements, preparingStatements } from "./connect";

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

describe.skipIf(!postgresAvailable)("preparingStatements (PostgreSQL)", () => {
  let store: TestStore;
  let url: string;
  beforeAll(async () => {
    store = await createTestStore("postgres", { migrate: false });
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(store.db);
    const address = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test");
    address.pathname = `/${rows[0]!.name}`;
    url = address.toString();
    await sql`CREATE TABLE t (n integer)`.execute(store.db);
    await sql`INSERT INTO t VALUES (1), (2), (3)`.execute(store.db);
  });
  afterAll(async () => {
    await store.drop();
  });

  /** One connection, so that what it keeps prepared can be read back from it. */
  function oneConnection(capacity?: number) {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    return new Kysely<{ t: { n: number } }>({ dialect: new PostgresDialect({ pool: preparingStatements(pool, capacity) }) });
  }
  const preparedTexts = async (db: Kysely<{ t: { n: number } }>) =>
    (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db)).rows.map((r) => r.statement);

  it("prepares each text once per connection, up to its capacity", async () => {
    const db = oneConnection(3);
    try {
      for (const n of [1, 2, 3]) expect(await db.selectFrom("t").select("n").where("n", "=", n).execute()).toEqual([{ n }]);
      const texts = await preparedTexts(db);
      expect(texts.filter((text) => text.includes('from "t" where "n" = $1'))).toHaveLength(1);
      // The look-up above was the second statement; a third and a fourth text are past the capacity.
      await db.selectFrom("t").select("n").where("n", ">", 1).execute();
      await db.selectFrom("t").select("n").where("n", "<", 3).execute();
      const later = await preparedTexts(db);
      expect(later).toHaveLength(3);
      expect(later.some((text) => text.includes('"n" < $1'))).toBe(false);
    } finally {
      await db.destroy();
    }
  });

  it("answers again, unnamed, when another connection changed a prepared statement's columns", async () => {
    const db = oneConnection();
    try {
      expect(await db.selectFrom("t").selectAll().where("n", "=", 1).execute()).toEqual([{ n: 1 }]);
      await sql`ALTER TABLE t ADD COLUMN m integer`.execute(store.db);
      // Outside a transaction: tried again at once.
      expect(await db.selectFrom("t").selectAll().where("n", "=", 1).execute()).toEqual([{ n: 1, m: null }]);
      await sql`ALTER TABLE t DROP COLUMN m`.execute(store.db);
      // Another text, still prepared.
      await db.selectFrom("t").selectAll().where("n", ">=", 3).execute();
      await sql`ALTER TABLE t ADD COLUMN m integer`.execute(store.db);
      // Inside one, the error has ended the transaction: it fails once, and works from then on.
      const failed = await db
        .transaction()
        .execute((trx) => trx.selectFrom("t").selectAll().where("n", ">=", 3).execute())
        .catch((error: unknown) => error);
      expect((failed as { code?: string }).code).toBe("0A000");
      expect(await db.transaction().execute((trx) => trx.selectFrom("t").selectAll().where("n", ">=", 3).execute())).toEqual([
        { n: 3, m: null },
      ]);
    } finally {
      await db.destroy();
      await sql`ALTER TABLE t DROP COLUMN IF EXISTS m`.execute(store.db);
    }
  });
});
