/**
 * Drafts: answers kept server-side as the applicant goes, found again only with their secret.
 * The browser holds `<id>.<secret>`; the store holds the secret's hash.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import { type AnswerPage, type DraftAnswers, readDraftAnswers } from "~/schemas/draft-answers";
import type { Database } from "../../db/schema";
import { countReferralStart } from "./dashboard.server";
import type { DocumentStorage } from "./document-storage.server";
import { deleteDocumentsOf } from "./document.server";

export const DRAFT_TTL_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `reference` is set once the draft has been submitted: such a draft is never edited or resumed again.
 * `droppedPages`: pages whose stored answers no longer have their schema's shape (see
 * readDraftAnswers); they are left out of `answers`, so the applicant is asked them again.
 */
export type OpenDraft = {
  id: string;
  language: string;
  answers: DraftAnswers;
  droppedPages: AnswerPage[];
  expiresAt: string;
  reference: string | null;
};

function parseStoredAnswers(json: string): { answers: DraftAnswers; dropped: AnswerPage[] } {
  try {
    return readDraftAnswers(JSON.parse(json));
  } catch {
    // Not JSON at all: nothing in it can be trusted, every page is asked again.
    return { answers: {}, dropped: [] };
  }
}

export async function createDraft(
  db: Kysely<Database>,
  language: string,
  answers: DraftAnswers = {},
  now = new Date(),
): Promise<{ draft: OpenDraft; key: string }> {
  const id = randomUUID();
  const { token, tokenHash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + DRAFT_TTL_DAYS * DAY_MS).toISOString();
  const work = async (trx: Transaction<Database>) => {
    await trx
      .insertInto("draft")
      .values({
        id,
        secret_hash: tokenHash,
        language,
        answers: JSON.stringify(answers),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    // An application started from a center's poster or page: counted, nothing of the draft kept (decision 042).
    if (answers.referral) await countReferralStart(trx, answers.referral, now);
  };
  await (db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work));
  return { draft: { id, language, answers, droppedPages: [], expiresAt, reference: null }, key: `${id}.${token}` };
}

function splitKey(key: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,64})$/.exec(key);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/**
 * The draft a key opens, or null when the key is malformed, tampered with, or the draft expired.
 * The answers and the submission are read in one statement, so a submission committing meanwhile
 * is seen either whole or not at all.
 */
export async function openDraft(db: Kysely<Database>, key: string | null | undefined, now = new Date()): Promise<OpenDraft | null> {
  const parts = key ? splitKey(key) : null;
  if (!parts) return null;
  const row = await db
    .selectFrom("draft")
    .leftJoin("application", "application.draft_id", "draft.id")
    .select(["draft.id", "draft.secret_hash", "draft.language", "draft.answers", "draft.expires_at", "application.reference"])
    .where("draft.id", "=", parts.id)
    .where("draft.expires_at", ">", now.toISOString())
    .executeTakeFirst();
  if (!row || !sameHash(row.secret_hash, hashToken(parts.secret))) return null;
  const { answers, dropped } = parseStoredAnswers(row.answers);
  return {
    id: row.id,
    language: row.language,
    answers,
    droppedPages: dropped,
    expiresAt: row.expires_at,
    reference: row.reference ?? null,
  };
}

function sameHash(storedHex: string, givenHex: string): boolean {
  const expected = Buffer.from(storedHex, "hex");
  const given = Buffer.from(givenHex, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The resume link, used once: the draft it opens gets a new secret (for this browser's cookie) in
 * the same step, so the link in a forwarded mail or a shared phone's history opens nothing
 * afterwards. A submitted draft is never reopened. Of two opens at once, only one wins.
 */
export async function redeemResumeKey(
  db: Kysely<Database>,
  key: string | null | undefined,
  now = new Date(),
): Promise<{ draft: OpenDraft; key: string } | null> {
  const draft = await openDraft(db, key, now);
  if (!draft || draft.reference) return null;
  const used = hashToken(splitKey(key!)!.secret);
  const { token, tokenHash } = newSecretToken();
  const result = await db
    .updateTable("draft")
    .set({ secret_hash: tokenHash })
    .where("id", "=", draft.id)
    .where("secret_hash", "=", used)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return { draft, key: `${draft.id}.${token}` };
}

/**
 * Merges one page's answers (as its schema produced them) and pushes the expiry 30 days on from
 * now. Dropped pages are not in `draft.answers`, so their stale answers leave the store here too.
 */
export async function saveDraftStep<P extends AnswerPage>(
  db: Kysely<Database>,
  draft: OpenDraft,
  step: P,
  answers: DraftAnswers[P],
  now = new Date(),
): Promise<OpenDraft> {
  const merged: DraftAnswers = { ...draft.answers, [step]: answers };
  const expiresAt = new Date(now.getTime() + DRAFT_TTL_DAYS * DAY_MS).toISOString();
  await db
    .updateTable("draft")
    .set({ answers: JSON.stringify(merged), updated_at: now.toISOString(), expires_at: expiresAt })
    .where("id", "=", draft.id)
    .execute();
  return { ...draft, answers: merged, droppedPages: draft.droppedPages.filter((page) => page !== step), expiresAt };
}

/** A new secret for the same draft (the "save and come back later" link); the old one stops working. */
export async function rotateDraftSecret(db: Kysely<Database>, draftId: string): Promise<string> {
  const { token, tokenHash } = newSecretToken();
  await db.updateTable("draft").set({ secret_hash: tokenHash }).where("id", "=", draftId).execute();
  return `${draftId}.${token}`;
}

/**
 * Drafts are kept 30 days after their last change, then deleted with their documents: nobody's
 * passport scan outlives an application they abandoned. Submitted drafts (answers already moved
 * into the application) go the same way.
 */
export async function deleteExpiredDrafts(db: Kysely<Database>, storage: DocumentStorage, now = new Date()): Promise<number> {
  const expired = await db.selectFrom("draft").select("id").where("expires_at", "<=", now.toISOString()).limit(500).execute();
  for (const { id } of expired) {
    await deleteDocumentsOf(db, storage, "draft", id);
    await db.deleteFrom("draft").where("id", "=", id).execute();
  }
  return expired.length;
}
