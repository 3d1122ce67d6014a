import type { Kysely, Transaction } from "kysely";
import { auditHash, type AuditContent, type ChainedRow, findBrokenLink, GENESIS_HASH } from "~/domain/audit-chain";
import { lockChain } from "../../db/dialect";
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

/** Appends one event to the chain. Call inside the transaction that makes the change it records. */
export async function insertAuditEvent(trx: Transaction<Database>, input: AuditEventInput): Promise<string> {
  await lockChain(trx, "audit_event");
  const last = await trx.selectFrom("audit_event").select("hash").orderBy("seq", "desc").limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
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
  await trx
    .insertInto("audit_event")
    .values({
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
    })
    .execute();
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

/** Walks the whole log in pages (flat memory on a large log) and names the first broken row. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterSeq = -1;
  let checked = 0;
  for (;;) {
    const page = (await fetchPage(db, afterSeq)).map(toChainedRow);
    const broken = findBrokenLink(page, prevHash);
    if (broken) return { ok: false, checked: checked + page.findIndex((r) => r.seq === broken.seq), ...broken };
    checked += page.length;
    if (page.length < PAGE) return { ok: true, checked };
    prevHash = page[page.length - 1]!.hash;
    afterSeq = page[page.length - 1]!.seq;
  }
}
