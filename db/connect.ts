/**
 * Opens the store named by DATABASE_URL: unset or `file:<path>` is an embedded SQLite file,
 * `postgres://` / `postgresql://` is a PostgreSQL pool. Used by the server, scripts and tests.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from "kysely";
import type PgModule from "pg";
import type { DialectName } from "./dialect";
import type { Database } from "./schema";

export const DEFAULT_SQLITE_PATH = "data/portal.sqlite";

export type Store = {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, for backups; null on PostgreSQL. */
  sqlitePath: string | null;
  close: () => Promise<void>;
};

/** How many prepared statements a SQLite store keeps; past it the cache starts again (IN lists vary). */
const STATEMENT_CACHE_SIZE = 1_000;

/**
 * better-sqlite3 with its prepared statements kept by SQL text. Kysely prepares every query anew,
 * and preparing was 3% of the server's CPU in the submission bench, nearly all of it repeated. A
 * statement still being iterated (a streamed query) is never handed out twice: a busy one is
 * prepared afresh. SQLite re-prepares a kept statement itself when a migration changes the schema.
 */
export function keepingStatements(database: SQLite.Database, capacity = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText) {
      const kept = statements.get(sqlText);
      if (kept && !kept.busy) return kept;
      const statement = database.prepare(sqlText);
      if (statements.size >= capacity) statements.clear();
      statements.set(sqlText, statement);
      return statement;
    },
  };
}

export type StoreTarget = { dialect: "sqlite"; path: string } | { dialect: "postgres"; url: string };

export function parseDatabaseUrl(databaseUrl: string | undefined): StoreTarget {
  if (!databaseUrl) return { dialect: "sqlite", path: DEFAULT_SQLITE_PATH };
  if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!file) throw new Error("DATABASE_URL file: needs a path, e.g. file:data/portal.sqlite");
    return { dialect: "sqlite", path: file };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { dialect: "postgres", url: databaseUrl };
  throw new Error("DATABASE_URL must be file:<path> or postgres://…");
}

export function openStore(target: StoreTarget, options: { poolSize?: number } = {}): Store {
  if (target.dialect === "sqlite") {
    if (target.path !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(target.path)), { recursive: true });
    const database = new SQLite(target.path);
    database.pragma("journal_mode = WAL");
    // FULL: a commit that returned survives power loss (WAL defaults to NORMAL, which may not).
    database.pragma("synchronous = FULL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 5000");
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) });
    return { db, dialect: "sqlite", sqlitePath: target.path, close: () => db.destroy() };
  }
  // Required only for a PostgreSQL store, so a SQLite server does not hold the driver (decision 046).
  const pg = createRequire(import.meta.url)("pg") as typeof PgModule;
  const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", sqlitePath: null, close: () => db.destroy() };
}
