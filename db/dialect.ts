/**
 * The one place where the running application's SQL differs between SQLite and PostgreSQL: models
 * ask this module instead of writing dialect-specific SQL themselves. Migrations never import it:
 * each keeps a frozen copy of what it needs, so a change here cannot change a migration that has run.
 */
import { type Kysely, PostgresAdapter, type SelectQueryBuilder, SqliteAdapter, sql } from "kysely";

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
