import type { Kysely, Transaction } from "kysely";
import { auditHash, type AuditContent, type ChainedRow, findBrokenLink, GENESIS_HASH } from "~/domain/audit-chain";
import { executeWrites, forUpdate, type Write } from "../../db/dialect";
import type { Database } from "../../db/schema";

export type AuditEventInput = {
  actorType: "staff" | "applicant" | "reporter" | "system";
  actorId?: string | null;
  sessionRef?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** No personal data here: ids and outcomes only. */
  details?: Record<string, string | number | boolean | null>;
  occurredAt?: Date;
};

const CHAIN = "audit_event";

/**
 * Appends one event to the chain. Call inside the transaction that makes the change it records.
 * `sharedWrites` are the change's writes to rows that other changes write too (the dashboard's day
 * counters): they go in the event's own statement (executeWrites), after the chain's lock, so
 * every change takes the locks in one order (no deadlock) and holds those rows only from here to
 * COMMIT, the shortest time the chain allows.
 */
export async function insertAuditEvent(
  trx: Transaction<Database>,
  input: AuditEventInput,
  sharedWrites: readonly Write[] = [],
): Promise<string> {
  // Locks the chain until COMMIT; a writer that waited reads the hash the one before it left.
  const head = await forUpdate(trx.selectFrom("audit_chain_head").select("hash").where("chain", "=", CHAIN), trx).executeTakeFirstOrThrow();
  const prevHash = head.hash;
  const content: AuditContent = {
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    actorType: input.actorType,
    actorId: input.actorId ?? null,
    sessionRef: input.sessionRef ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    details: JSON.stringify(input.details ?? {}),
  };
  const hash = auditHash(prevHash, content);
  await executeWrites(trx, [
    trx.insertInto("audit_event").values({
      occurred_at: content.occurredAt,
      actor_type: input.actorType,
      actor_id: content.actorId,
      session_ref: content.sessionRef,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      details: content.details,
      prev_hash: prevHash,
      hash,
    }),
    trx.updateTable("audit_chain_head").set({ hash }).where("chain", "=", CHAIN),
    ...sharedWrites,
  ]);
  return hash;
}

const PAGE = 5_000;

function toChainedRow(row: Awaited<ReturnType<typeof fetchPage>>[number]): ChainedRow {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    sessionRef: row.session_ref,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function fetchPage(db: Kysely<Database>, afterSeq: number) {
  return db.selectFrom("audit_event").selectAll().where("seq", ">", afterSeq).orderBy("seq").limit(PAGE).execute();
}

export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; seq: number; reason: string };

/**
 * Walks the whole log in pages (flat memory on a large log) and names the first broken row; then
 * checks that the log ends where the chain's head says, so removing the newest rows is seen too.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  // Read first: events appended during the walk then lie beyond the head that was read.
  const head = await db.selectFrom("audit_chain_head").select("hash").where("chain", "=", CHAIN).executeTakeFirst();
  let prevHash = GENESIS_HASH;
  let afterSeq = -1;
  let checked = 0;
  for (;;) {
    const page = (await fetchPage(db, afterSeq)).map(toChainedRow);
    const broken = findBrokenLink(page, prevHash);
    if (broken) return { ok: false, checked: checked + page.findIndex((r) => r.seq === broken.seq), ...broken };
    checked += page.length;
    const headIndex = page.findIndex((row) => row.hash === head?.hash);
    if (headIndex >= 0 || (checked === 0 && head?.hash === GENESIS_HASH))
      return { ok: true, checked: checked - page.length + headIndex + 1 };
    if (page.length < PAGE) {
      const reason = "the log ends before the chain's head: its newest events are missing";
      return { ok: false, checked, seq: page.at(-1)?.seq ?? afterSeq, reason };
    }
    prevHash = page[page.length - 1]!.hash;
    afterSeq = page[page.length - 1]!.seq;
  }
}
