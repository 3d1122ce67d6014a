/**
 * The one place where the running application's SQL differs between SQLite and PostgreSQL: models
 * ask this module instead of writing dialect-specific SQL themselves. Migrations never import it:
 * each keeps a frozen copy of what it needs, so a change here cannot change a migration that has run.
 */
import {
  type DeleteQueryBuilder,
  type InsertQueryBuilder,
  type Kysely,
  PostgresAdapter,
  type SelectQueryBuilder,
  SqliteAdapter,
  sql,
  type UpdateQueryBuilder,
} from "kysely";

export type DialectName = "sqlite" | "postgres";

export function dialectOf(db: Kysely<any>): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return "postgres";
  if (adapter instanceof SqliteAdapter) return "sqlite";
  throw new Error("Unsupported database dialect");
}

/**
 * Serialises writers of one append-only chain within a transaction. SQLite already runs one
 * write transaction at a time; PostgreSQL needs a transaction-scoped advisory lock.
 */
export async function lockChain(trx: Kysely<any>, chain: string): Promise<void> {
  if (dialectOf(trx) !== "postgres") return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${chain}))`.execute(trx);
}

/** A write not yet executed, as the model functions named `…Write` return it. */
export type Write = InsertQueryBuilder<any, any, any> | UpdateQueryBuilder<any, any, any, any> | DeleteQueryBuilder<any, any, any>;

/**
 * Runs writes that do not read each other's results, all or none. On PostgreSQL they go as one
 * statement, each a data-modifying CTE: one round trip instead of one per write (each costs the
 * server process about as much as a page's render on this machine), atomic by itself, and inside
 * a transaction part of it. They then share one snapshot, so no write may depend on another's
 * rows or touch a row another touches, and constraints such as foreign keys are checked at the
 * statement's end. SQLite is
 * in-process and has no data-modifying CTEs: the writes run one by one, in a transaction unless
 * the caller's already is one.
 */
export async function executeWrites(db: Kysely<any>, writes: readonly Write[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await db.executeQuery(writes[0]!);
    return;
  }
  if (dialectOf(db) === "postgres") {
    const parts = writes.map((write, i) => sql`${sql.ref(`write_${i}`)} as (${write})`);
    await sql`with ${sql.join(parts)} select 1`.execute(db);
    return;
  }
  // Through the connection given (a builder made on the store would wait for the transaction's lock).
  const runAll = async (connection: Kysely<any>) => {
    for (const write of writes) await connection.executeQuery(write);
  };
  if (db.isTransaction) await runAll(db);
  else await db.transaction().execute(runAll);
}

/**
 * Locks the rows a query reads until the transaction ends; a writer that waited then reads the
 * rows as the writer before it left them. SQLite runs one write transaction at a time and has no
 * FOR UPDATE: the query is returned unchanged.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  db: Kysely<any>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === "postgres" ? query.forUpdate() : query;
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
