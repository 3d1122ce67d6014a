/**
 * What a driver's error means, asked by its code rather than by its message (messages change
 * between versions and languages). db/errors.test.ts provokes each error on both stores.
 */

/** SQLite reports a duplicate primary key apart from other unique keys; PostgreSQL does not. */
const SQLITE_UNIQUE_CODES = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"]);
/** PostgreSQL's unique_violation, for unique indexes and primary keys alike. */
const POSTGRES_UNIQUE_VIOLATION = "23505";

/** True when a write failed because a row with the same unique or primary key already exists. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string") return false;
  return error.code === POSTGRES_UNIQUE_VIOLATION || SQLITE_UNIQUE_CODES.has(error.code);
}
