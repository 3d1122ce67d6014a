/**
 * The one place where SQLite and PostgreSQL differ in SQL. Migrations and models ask this
 * module instead of writing dialect-specific SQL themselves, and db/dialect.test.ts runs it on both.
 */
import { type CreateTableBuilder, type Kysely, PostgresAdapter, type SelectQueryBuilder, SqliteAdapter, sql } from "kysely";

export type DialectName = "sqlite" | "postgres";

export function dialectOf(db: Kysely<any>): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return "postgres";
  if (adapter instanceof SqliteAdapter) return "sqlite";
  throw new Error("Unsupported database dialect");
}

/** A 64-bit, database-assigned, ever-increasing integer key (for ordered, append-only tables). */
export function addSequenceColumn<T extends string, C extends string>(
  db: Kysely<any>,
  table: CreateTableBuilder<T, C>,
  name: string,
): CreateTableBuilder<T, C | string> {
  return dialectOf(db) === "postgres"
    ? table.addColumn(name, "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    : table.addColumn(name, "integer", (col) => col.primaryKey().autoIncrement());
}

/** Column type for binary content (documents, PDFs). */
export function binaryType(db: Kysely<any>): "bytea" | "blob" {
  return dialectOf(db) === "postgres" ? "bytea" : "blob";
}

/**
 * Makes a table append-only at the database level: UPDATE and DELETE fail, whoever issues them.
 * The application never updates or deletes such rows; this catches anything that tries.
 */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (dialectOf(db) === "postgres") {
    await sql`
      CREATE OR REPLACE FUNCTION refuse_change_${sql.raw(table)}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '${sql.raw(message)}'; END;
      $$ LANGUAGE plpgsql`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(table)}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_${sql.raw(table)}()`.execute(db);
    return;
  }
  for (const op of ["UPDATE", "DELETE"] as const) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, '${sql.raw(message)}'); END`.execute(db);
  }
}

export async function dropAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(table)}_append_only ON ${sql.table(table)}`.execute(db);
    await sql`DROP FUNCTION IF EXISTS refuse_change_${sql.raw(table)}()`.execute(db);
    return;
  }
  for (const op of ["update", "delete"]) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_no_${op}`)}`.execute(db);
  }
}

/**
 * Serialises writers of one append-only chain within a transaction. SQLite already runs one
 * write transaction at a time; PostgreSQL needs a transaction-scoped advisory lock.
 */
export async function lockChain(trx: Kysely<any>, chain: string): Promise<void> {
  if (dialectOf(trx) !== "postgres") return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${chain}))`.execute(trx);
}

/**
 * Lets concurrent workers take disjoint rows from a queue: on PostgreSQL rows locked by another
 * transaction are skipped instead of waited for. SQLite has no row locks and needs none: its write
 * transactions already run one at a time, so the query is returned unchanged.
 */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  db: Kysely<any>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === "postgres" ? query.forUpdate().skipLocked() : query;
}

/**
 * Keeps the query planner's statistics current. PostgreSQL's autovacuum does this by itself;
 * SQLite only plans well for skewed data (a million closed cases, a few open) after ANALYZE,
 * which `PRAGMA optimize` runs when the tables have changed enough to need it.
 */
export async function refreshPlannerStatistics(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "sqlite") await sql`PRAGMA optimize`.execute(db);
}
