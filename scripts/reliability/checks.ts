/**
 * What must hold in a store after it was killed under load: every acknowledged reference exists
 * exactly once with all it was sent with, the files are sound (SQLite's integrity_check, or amcheck
 * on PostgreSQL), the audit chain verifies, and housekeeping leaves no unreferenced blob behind.
 */
import { type Kysely, sql } from "kysely";
import { verifyAuditChain } from "../../app/models/audit.server";
import { countUnreferencedBlobs, UNREFERENCED_BLOB_GRACE_MS } from "../../app/models/document.server";
import { createStoreDocumentStorage, newStorageId } from "../../app/models/document-storage.server";
import type { DialectName } from "../../db/dialect";
import type { Database } from "../../db/schema";
import { runHousekeeping } from "../../server/housekeeping";

const CHUNK = 400;

function chunks<T>(list: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
}

export type AcknowledgedCheck = {
  acknowledged: number;
  lost: number;
  duplicated: number;
  /** Acknowledged applications without their four documents (with bytes) or their audit event. */
  incomplete: number;
  /** Applications in the store that no client saw confirmed: sent while a kill landed. */
  unacknowledgedInStore: number;
};

/** Each acknowledged reference once, with four documents whose bytes exist and its audit event. */
export async function checkAcknowledged(db: Kysely<Database>, acknowledged: readonly string[]): Promise<AcknowledgedCheck> {
  const unique = [...new Set(acknowledged)];
  // The same reference confirmed to two clients would be a duplicate as surely as two rows.
  let duplicated = acknowledged.length - unique.length;
  let lost = 0;
  let incomplete = 0;
  for (const part of chunks(unique)) {
    const rows = await db.selectFrom("application").select(["id", "reference"]).where("reference", "in", part).execute();
    const byReference = new Map<string, string[]>();
    for (const row of rows) byReference.set(row.reference, [...(byReference.get(row.reference) ?? []), row.id]);
    for (const reference of part) {
      const ids = byReference.get(reference) ?? [];
      if (ids.length === 0) lost += 1;
      if (ids.length > 1) duplicated += ids.length - 1;
    }
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) continue;
    const documents = await db
      .selectFrom("document")
      .innerJoin("blob", "blob.id", "document.blob_id")
      .select(["document.owner_id", (eb) => eb.fn.countAll().as("n")])
      .where("document.owner_type", "=", "application")
      .where("document.owner_id", "in", ids)
      .groupBy("document.owner_id")
      .execute();
    const audits = await db
      .selectFrom("audit_event")
      .select("entity_id")
      .where("action", "=", "application.submitted")
      .where("entity_id", "in", ids)
      .execute();
    const withFour = new Set(documents.filter((d) => Number(d.n) === 4).map((d) => d.owner_id));
    const audited = new Set(audits.map((a) => a.entity_id));
    incomplete += ids.filter((id) => !withFour.has(id) || !audited.has(id)).length;
  }
  const { n } = await db
    .selectFrom("application")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return { acknowledged: unique.length, lost, duplicated, incomplete, unacknowledgedInStore: Number(n) - (unique.length - lost) };
}

export type IntegrityCheck = { ok: boolean; method: string; detail: string };

/** SQLite: integrity_check and foreign_key_check. PostgreSQL: amcheck on every table and B-tree index. */
export async function checkIntegrity(db: Kysely<Database>, dialect: DialectName): Promise<IntegrityCheck> {
  if (dialect === "sqlite") {
    const integrity = (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db)).rows.map((r) => r.integrity_check);
    const foreignKeys = (await sql`PRAGMA foreign_key_check`.execute(db)).rows.length;
    const ok = integrity.length === 1 && integrity[0] === "ok" && foreignKeys === 0;
    return {
      ok,
      method: "PRAGMA integrity_check + foreign_key_check",
      detail: `${integrity.slice(0, 3).join("; ")}; ${foreignKeys} foreign key violation(s)`,
    };
  }
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(db);
  } catch (error) {
    return { ok: false, method: "amcheck", detail: `amcheck not available: ${error instanceof Error ? error.message : String(error)}` };
  }
  // heapallindexed: every heap tuple must be found in each index, not only the index's own order.
  const indexes = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam
    WHERE n.nspname = 'public' AND a.amname = 'btree'`.execute(db);
  const problems: string[] = [];
  for (const { name } of indexes.rows) {
    try {
      await sql`SELECT bt_index_check(${name}::regclass, true)`.execute(db);
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(db);
  for (const { name } of tables.rows) {
    const found = (await sql<{ msg: string }>`SELECT msg FROM verify_heapam(${name}::regclass)`.execute(db)).rows;
    for (const { msg } of found) problems.push(`${name}: ${msg}`);
  }
  return {
    ok: problems.length === 0,
    method: "amcheck (bt_index_check with heapallindexed, verify_heapam)",
    detail: `${indexes.rows.length} B-tree indexes and ${tables.rows.length} tables checked, ${problems.length} problem(s)${problems.length ? `: ${problems.slice(0, 3).join("; ")}` : ""}`,
  };
}

export type BlobCheck = { fromKills: number; planted: number; removed: number; left: number };

/**
 * Housekeeping as the server runs it, with its clock past the grace time so bytes left by the
 * last cycles' kills are old enough to go. One unreferenced blob is planted first, so the sweep
 * is seen to remove something even when no kill happened to land between a blob and its row.
 */
export async function checkUnreferencedBlobs(db: Kysely<Database>, documentKey: Uint8Array): Promise<BlobCheck> {
  const fromKills = await countUnreferencedBlobs(db);
  await createStoreDocumentStorage(db, documentKey).put(newStorageId(), new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
  const later = new Date(Date.now() + UNREFERENCED_BLOB_GRACE_MS + 60_000);
  const done = await runHousekeeping(db, documentKey, later);
  return { fromKills, planted: 1, removed: done.unreferencedBlobs, left: await countUnreferencedBlobs(db) };
}

export async function checkAuditChain(db: Kysely<Database>): Promise<{ ok: boolean; checked: number; detail: string }> {
  const report = await verifyAuditChain(db);
  return report.ok
    ? { ok: true, checked: report.checked, detail: `${report.checked} events` }
    : { ok: false, checked: report.checked, detail: `broken at seq ${report.seq}: ${report.reason}` };
}
