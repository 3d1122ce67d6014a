/**
 * The audit log's tamper evidence: each event's hash covers its content and the previous event's
 * hash, so changing or removing any row breaks every hash after it.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  sessionRef: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: string;
};

/** A fixed field order and JSON encoding, so the same row always hashes the same way. */
export function canonicalAuditRow(content: AuditContent): string {
  return JSON.stringify([
    content.occurredAt,
    content.actorType,
    content.actorId,
    content.sessionRef,
    content.action,
    content.entityType,
    content.entityId,
    content.details,
  ]);
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update(canonicalAuditRow(content)).digest("hex");
}

export type ChainedRow = AuditContent & { seq: number; prevHash: string; hash: string };

/** The first row whose link or hash does not hold, or null when the whole chain is intact. */
export function findBrokenLink(rows: Iterable<ChainedRow>, startHash = GENESIS_HASH): { seq: number; reason: string } | null {
  let expectedPrev = startHash;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev) return { seq: row.seq, reason: "previous hash does not match the row before it" };
    if (auditHash(row.prevHash, row) !== row.hash) return { seq: row.seq, reason: "content does not match its hash" };
    expectedPrev = row.hash;
  }
  return null;
}
