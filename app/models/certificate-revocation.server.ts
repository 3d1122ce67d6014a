/** Revocation by a supervisor of the certificate's center, with the holder told by mail. */
import type { Kysely, Transaction } from "kysely";
import { type RevocationReason } from "~/domain/certificate";
import type { Database } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import { enqueueMail } from "./outbox.server";
import { type CertificateMails } from "./certificate.server";

export type RevokeOutcome = { ok: true; revokedAt: string } | { ok: false; problem: "not_found" | "already_revoked" };

type RevokeInput = {
  number: string;
  centerSlug: string;
  reason: RevocationReason;
  note: string;
  actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;
  /** Absent when the caller mails the holder itself (an upheld dispute). */
  mails?: Pick<CertificateMails, "revoked">;
};

/**
 * Revokes a certificate of the supervisor's center, with the reason and note on record and the
 * holder told by mail. Another center's certificate is "not found".
 */
export async function revokeCertificate(
  db: Kysely<Database>,
  input: RevokeInput & { mails: Pick<CertificateMails, "revoked"> },
  now = new Date(),
): Promise<RevokeOutcome> {
  return db.transaction().execute((trx) => revokeInTransaction(trx, input, now));
}

/** Also used when a dispute is upheld, inside that decision's transaction (which mails the holder itself). */
export async function revokeInTransaction(trx: Transaction<Database>, input: RevokeInput, now: Date): Promise<RevokeOutcome> {
  const row = await trx
    .selectFrom("certificate")
    .innerJoin("application", "application.id", "certificate.application_id")
    .select([
      "certificate.id",
      "certificate.revoked_at",
      "certificate.application_id",
      "application.reference",
      "application.language",
      "application.email",
    ])
    .where("certificate.number", "=", input.number)
    .where("certificate.center_slug", "=", input.centerSlug)
    .executeTakeFirst();
  if (!row) return { ok: false, problem: "not_found" };
  if (row.revoked_at) return { ok: false, problem: "already_revoked" };
  const stamp = now.toISOString();
  const updated = await trx
    .updateTable("certificate")
    .set({ revoked_at: stamp, revoked_by: input.actor.actorId ?? null, revocation_reason: input.reason, revocation_note: input.note })
    .where("id", "=", row.id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return { ok: false, problem: "already_revoked" };
  await insertAuditEvent(trx, {
    ...input.actor,
    action: "certificate.revoked",
    entityType: "application",
    entityId: row.application_id,
    details: { certificate: row.id, number: input.number, reason: input.reason },
    occurredAt: now,
  });
  if (input.mails) {
    const mail = input.mails.revoked({ reference: row.reference, language: row.language, number: input.number });
    await enqueueMail(trx, { to: row.email, language: row.language, ...mail }, now);
  }
  return { ok: true, revokedAt: stamp };
}
