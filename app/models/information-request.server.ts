/** Questions from staff to the applicant, and the applicant's answers, each with its status change. */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type NoticeFor, transitionApplication, type TransitionOutcome } from "./case.server";
import { type DocumentUpload, saveUploadsInTransaction } from "./document.server";

export type OpenRequest = { id: string; question: string; askedAt: string };

export async function findOpenRequest(db: Kysely<Database>, applicationId: string): Promise<OpenRequest | null> {
  const row = await db
    .selectFrom("information_request")
    .select(["id", "question", "asked_at"])
    .where("application_id", "=", applicationId)
    .where("answered_at", "is", null)
    .orderBy("asked_at", "desc")
    .executeTakeFirst();
  return row ? { id: row.id, question: row.question, askedAt: row.asked_at } : null;
}

export type InformationExchange = { id: string; question: string; askedAt: string; answer: string | null; answeredAt: string | null };

/** Every question on an application with its answer, oldest first, so the conversation reads in order. */
export async function listInformationRequests(db: Kysely<Database>, applicationId: string): Promise<InformationExchange[]> {
  const rows = await db
    .selectFrom("information_request")
    .select(["id", "question", "asked_at", "answer", "answered_at"])
    .where("application_id", "=", applicationId)
    .orderBy("asked_at", "asc")
    .orderBy("id", "asc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    question: row.question,
    askedAt: row.asked_at,
    answer: row.answer,
    answeredAt: row.answered_at,
  }));
}

export async function askForInformation(
  db: Kysely<Database>,
  input: {
    applicationId: string;
    question: string;
    staffUserId: string;
    sessionRef?: string | null;
    expectedVersion?: number;
    notice?: NoticeFor;
  },
  now = new Date(),
): Promise<TransitionOutcome & { requestId?: string }> {
  const requestId = randomUUID();
  const outcome = await transitionApplication(
    db,
    {
      applicationId: input.applicationId,
      action: "request_information",
      expectedVersion: input.expectedVersion,
      actor: { actorType: "staff", actorId: input.staffUserId, sessionRef: input.sessionRef ?? null },
      notice: input.notice,
      alongside: async (trx) => {
        await trx
          .insertInto("information_request")
          .values({
            id: requestId,
            application_id: input.applicationId,
            question: input.question,
            asked_by: input.staffUserId,
            asked_at: now.toISOString(),
            answer: null,
            answered_at: null,
          })
          .execute();
      },
    },
    now,
  );
  return outcome.ok ? { ...outcome, requestId } : outcome;
}

/** Records the answer and returns the case to the queue; false-y outcome when nothing was waiting. */
export async function answerInformationRequest(
  db: Kysely<Database>,
  input: { applicationId: string; requestId: string; answer: string; attach?: (trx: Kysely<Database>) => Promise<void> },
  now = new Date(),
): Promise<TransitionOutcome> {
  return transitionApplication(
    db,
    {
      applicationId: input.applicationId,
      action: "applicant_answered",
      actor: { actorType: "applicant", actorId: null },
      alongside: async (trx) => {
        const updated = await trx
          .updateTable("information_request")
          .set({ answer: input.answer, answered_at: now.toISOString() })
          .where("id", "=", input.requestId)
          .where("application_id", "=", input.applicationId)
          .where("answered_at", "is", null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new Error("information request is not open");
        await input.attach?.(trx);
      },
    },
    now,
  );
}

/**
 * The applicant's answer with the files they sent, in one transaction: the files are stored with
 * the answer and the status change, or not at all.
 */
export async function answerInformationRequestWithEvidence(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  input: { applicationId: string; requestId: string; answer: string; evidence: readonly DocumentUpload[] },
  now = new Date(),
): Promise<TransitionOutcome> {
  return answerInformationRequest(
    db,
    {
      applicationId: input.applicationId,
      requestId: input.requestId,
      answer: input.answer,
      attach: (trx) =>
        saveUploadsInTransaction(trx, documentKey, { ownerType: "information_response", ownerId: input.requestId }, input.evidence, now),
    },
    now,
  );
}
