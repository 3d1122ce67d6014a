/**
 * Opens the store named by DATABASE_URL: unset or `file:<path>` is an embedded SQLite file,
 * `postgres://` / `postgresql://` is a PostgreSQL pool. Used by the server, scripts and tests.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  Kysely,
  PostgresDialect,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
  SqliteDialect,
  type SqliteDatabase,
} from "kysely";
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

/** How many statements each PostgreSQL connection keeps prepared; past it, new ones are parsed every time. */
const PREPARED_PER_CONNECTION = 500;
/** PostgreSQL's answer when a kept plan's columns changed under it (another instance migrated the schema). */
function isCachedPlanChanged(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  // 0A000 is "feature not supported" in general; only this one message means the kept plan is stale.
  return code === "0A000" && /cached plan must not change result type/.test(message ?? "");
}

/**
 * A pool whose connections keep their statements prepared, by SQL text, up to a number each (IN
 * lists of varying length make new texts). Kysely sends every query unnamed, so PostgreSQL parsed,
 * analysed and planned each one anew: in the submission bench that was most of the server's CPU
 * (7.0 against 4.7 ms of the machine per submission with statements kept; decision 047). A
 * statement whose columns changed under it (a migration by another instance) fails once with
 * 0A000; the connection then sends that text unnamed, and the query is tried again unless it ran
 * inside a transaction, which that error has already ended.
 */
export function preparingStatements(pool: PgModule.Pool, capacity = PREPARED_PER_CONNECTION): PostgresPool {
  const clients = new WeakMap<PgModule.PoolClient, PostgresPoolClient>();
  const keep = (client: PgModule.PoolClient): PostgresPoolClient => {
    const prepared = new Map<string, string>();
    const unnamed = new Set<string>();
    let inTransaction = false;
    const nameFor = (text: string): string | undefined => {
      if (unnamed.has(text)) return undefined;
      let name = prepared.get(text);
      if (!name && prepared.size < capacity) {
        name = `k${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
        prepared.set(text, name);
      }
      return name;
    };
    const run = async (text: string, values: unknown[]) => {
      const command = text.trimStart().slice(0, 8).toLowerCase();
      // Kysely opens a transaction with "begin", or "start transaction …" when given an isolation level.
      if (command.startsWith("begin") || command.startsWith("start")) inTransaction = true;
      else if (command.startsWith("commit") || command.startsWith("rollback")) inTransaction = false;
      const name = nameFor(text);
      try {
        return await client.query({ name, text, values });
      } catch (error) {
        if (!name || !isCachedPlanChanged(error)) throw error;
        unnamed.add(text);
        if (inTransaction) throw error;
        return client.query({ text, values });
      }
    };
    function query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query(
      textOrCursor: string | PostgresCursor<unknown>,
      parameters?: readonly unknown[],
    ): Promise<PostgresQueryResult<unknown>> | PostgresCursor<unknown> {
      // A cursor (a streamed query) is its own statement object: passed on as it is.
      if (typeof textOrCursor !== "string")
        return client.query(textOrCursor as unknown as PgModule.Submittable) as unknown as PostgresCursor<unknown>;
      return run(textOrCursor, [...(parameters ?? [])]) as Promise<PostgresQueryResult<unknown>>;
    }
    return {
      query,
      release: (destroy?: boolean) => client.release(destroy),
    };
  };
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      let kept = clients.get(client);
      if (!kept) {
        kept = keep(client);
        clients.set(client, kept);
      }
      return kept;
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingStatements(pool) }) });
  return { db, dialect: "postgres", sqlitePath: null, close: () => db.destroy() };
}
