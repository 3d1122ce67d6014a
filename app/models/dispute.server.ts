/**
 * Disputes: the holder says what is wrong with an issued certificate (with evidence files, stored
 * as documents owned by the dispute), a supervisor of the issuing center upholds or dismisses it
 * with a note, and the holder sees the outcome on the tracking page and by mail. Upholding revokes
 * the certificate: its content is wrong, so it must not keep verifying as valid.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DisputeDecision, DisputeStatus } from "~/domain/certificate";
import { isUniqueViolation } from "../../db/errors";
import type { Database } from "../../db/schema";
import type { ComposedMail } from "./outbox.server";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import { revokeInTransaction } from "./certificate-revocation.server";
import { type DocumentMeta, type DocumentUpload, listDocuments, saveUploadsInTransaction } from "./document.server";
import { enqueueMail } from "./outbox.server";

export type DisputeView = {
  id: string;
  status: DisputeStatus;
  text: string;
  outcome: string | null;
  createdAt: string;
  decidedAt: string | null;
};

export type OpenDisputeOutcome = { ok: true; id: string } | { ok: false; problem: "no_certificate" | "already_open" };

/**
 * Opens a dispute of the application's certificate. One open dispute per certificate: a second
 * waits for the first's outcome.
 */
export async function openDispute(
  db: Kysely<Database>,
  input: {
    applicationId: string;
    text: string;
    /** More writes that belong to the same change (the evidence), only once the dispute is open. */
    attach?: (trx: Kysely<Database>, disputeId: string) => Promise<void>;
  },
  now = new Date(),
): Promise<OpenDisputeOutcome> {
  const id = randomUUID();
  try {
    return await db.transaction().execute(async (trx) => {
      const certificate = await trx
        .selectFrom("certificate")
        .select(["id", "center_slug"])
        .where("application_id", "=", input.applicationId)
        .executeTakeFirst();
      if (!certificate) return { ok: false, problem: "no_certificate" } as const;
      const open = await trx
        .selectFrom("dispute")
        .select("id")
        .where("certificate_id", "=", certificate.id)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (open) return { ok: false, problem: "already_open" } as const;
      await trx
        .insertInto("dispute")
        .values({
          id,
          certificate_id: certificate.id,
          application_id: input.applicationId,
          center_slug: certificate.center_slug,
          text: input.text,
          status: "open",
          outcome: null,
          created_at: now.toISOString(),
          decided_at: null,
          decided_by: null,
        })
        .execute();
      await insertAuditEvent(trx, {
        actorType: "applicant",
        action: "dispute.opened",
        entityType: "application",
        entityId: input.applicationId,
        details: { dispute: id, certificate: certificate.id },
        occurredAt: now,
      });
      await input.attach?.(trx, id);
      return { ok: true, id } as const;
    });
  } catch (error) {
    // Two submissions at once: the partial unique index keeps one open dispute.
    if (isUniqueViolation(error)) return { ok: false, problem: "already_open" };
    throw error;
  }
}

/**
 * The holder's dispute with its evidence files, in one transaction: the files are stored only
 * when the dispute opens, and a dispute that cannot open (one already is) leaves none behind.
 */
export async function openDisputeWithEvidence(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  input: { applicationId: string; text: string; evidence: readonly DocumentUpload[] },
  now = new Date(),
): Promise<OpenDisputeOutcome> {
  return openDispute(
    db,
    {
      applicationId: input.applicationId,
      text: input.text,
      attach: (trx, disputeId) =>
        saveUploadsInTransaction(trx, documentKey, { ownerType: "dispute", ownerId: disputeId }, input.evidence, now),
    },
    now,
  );
}

/** The holder's most recent dispute of this application's certificate, for the tracking page. */
export async function latestDispute(db: Kysely<Database>, applicationId: string): Promise<DisputeView | null> {
  const row = await db
    .selectFrom("dispute")
    .select(["id", "status", "text", "outcome", "created_at", "decided_at"])
    .where("application_id", "=", applicationId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row
    ? { id: row.id, status: row.status, text: row.text, outcome: row.outcome, createdAt: row.created_at, decidedAt: row.decided_at }
    : null;
}

export type QueuedDispute = DisputeView & {
  applicationId: string;
  reference: string;
  holderName: string;
  certificateNumber: string;
  decidedBy: string | null;
  evidence: DocumentMeta[];
};

/** A center's disputes: open ones oldest first (they wait longest), then the latest decided. */
export async function listDisputes(
  db: Kysely<Database>,
  centerSlug: string,
  { decidedLimit = 20 } = {},
): Promise<{ open: QueuedDispute[]; decided: QueuedDispute[] }> {
  const base = () =>
    db
      .selectFrom("dispute")
      .innerJoin("certificate", "certificate.id", "dispute.certificate_id")
      .innerJoin("application", "application.id", "dispute.application_id")
      .leftJoin("staff_user", "staff_user.id", "dispute.decided_by")
      .select([
        "dispute.id",
        "dispute.status",
        "dispute.text",
        "dispute.outcome",
        "dispute.created_at",
        "dispute.decided_at",
        "dispute.application_id",
      ])
      .select(["application.reference", "certificate.full_name", "certificate.number", "staff_user.display_name as decided_by_name"])
      .where("dispute.center_slug", "=", centerSlug);
  const [open, decided] = await Promise.all([
    base().where("dispute.status", "=", "open").orderBy("dispute.created_at").orderBy("dispute.id").limit(200).execute(),
    base().where("dispute.status", "<>", "open").orderBy("dispute.decided_at", "desc").limit(decidedLimit).execute(),
  ]);
  const toQueued = async (row: (typeof open)[number]): Promise<QueuedDispute> => ({
    id: row.id,
    status: row.status,
    text: row.text,
    outcome: row.outcome,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    applicationId: row.application_id,
    reference: row.reference,
    holderName: row.full_name,
    certificateNumber: row.number,
    decidedBy: row.decided_by_name,
    evidence: await listDocuments(db, "dispute", row.id),
  });
  return { open: await Promise.all(open.map(toQueued)), decided: await Promise.all(decided.map(toQueued)) };
}

export type DisputeMails = {
  decided: (info: { reference: string; language: string; number: string; decision: DisputeDecision; outcome: string }) => ComposedMail;
};

export type DecideOutcome = { ok: true } | { ok: false; problem: "not_found" };

/**
 * A supervisor's decision on an open dispute of their own center, with the note the holder reads.
 * Upheld: the certificate is revoked in the same transaction (reason "dispute_upheld").
 */
export async function decideDispute(
  db: Kysely<Database>,
  input: {
    disputeId: string;
    centerSlug: string;
    decision: DisputeDecision;
    outcome: string;
    actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;
    mails: DisputeMails;
  },
  now = new Date(),
): Promise<DecideOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("dispute")
      .innerJoin("certificate", "certificate.id", "dispute.certificate_id")
      .innerJoin("application", "application.id", "dispute.application_id")
      .select([
        "dispute.id",
        "dispute.application_id",
        "certificate.number",
        "application.reference",
        "application.language",
        "application.email",
      ])
      .where("dispute.id", "=", input.disputeId)
      .where("dispute.center_slug", "=", input.centerSlug)
      .where("dispute.status", "=", "open")
      .executeTakeFirst();
    if (!row) return { ok: false, problem: "not_found" } as const;
    const updated = await trx
      .updateTable("dispute")
      .set({ status: input.decision, outcome: input.outcome, decided_at: now.toISOString(), decided_by: input.actor.actorId ?? null })
      .where("id", "=", row.id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, problem: "not_found" } as const;
    await insertAuditEvent(trx, {
      ...input.actor,
      action: `dispute.${input.decision}`,
      entityType: "application",
      entityId: row.application_id,
      details: { dispute: row.id },
      occurredAt: now,
    });
    if (input.decision === "upheld") {
      // No separate revocation mail: the decision's mail says it. Already revoked for another
      // reason is fine: the certificate is not valid either way.
      await revokeInTransaction(
        trx,
        { number: row.number, centerSlug: input.centerSlug, reason: "dispute_upheld", note: input.outcome, actor: input.actor },
        now,
      );
    }
    const mail = input.mails.decided({
      reference: row.reference,
      language: row.language,
      number: row.number,
      decision: input.decision,
      outcome: input.outcome,
    });
    await enqueueMail(trx, { to: row.email, language: row.language, ...mail }, now);
    return { ok: true } as const;
  });
}
