/**
 * The mail outbox: nothing is sent outside it. A mail is written in the same transaction as the
 * change that causes it, so it exists exactly when the change does, and it stays here until an SMTP
 * server has accepted it; a mail-server outage only delays it.
 *
 * Delivery is at least once: a sender that crashes after the SMTP server accepted a mail but before
 * marking it sent will have it sent again when its lease runs out. The worker gives every mail a
 * stable Message-ID so that receiving systems can recognise such a repeat.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { forUpdateSkipLocked } from "../../db/dialect";
import type { Database, MailOutboxRow } from "../../db/schema";

/** Delay before the second attempt; it doubles after every failure up to MAIL_RETRY_MAX_DELAY_MS. */
export const MAIL_RETRY_BASE_DELAY_MS = 60_000;
export const MAIL_RETRY_MAX_DELAY_MS = 6 * 60 * 60_000;
/**
 * Attempts before a mail is given up ('failed'). With the delays above, 13 attempts span about
 * 26.5 hours, so an outage of the mail provider for a whole day still loses nothing.
 */
export const MAIL_MAX_ATTEMPTS = 13;
/** Stored errors are a diagnosis for operators, not a transcript: short, one line, no addresses. */
const MAX_ERROR_LENGTH = 200;

/** A mail written in its recipient's language (app/mails: always with an HTML alternative), ready to queue. */
export type ComposedMail = { subject: string; text: string; html?: string };

export type MailInput = {
  to: string;
  /** Language of the mail (ur, en, el, it); sent as Content-Language. */
  language: string;
  subject: string;
  text: string;
  html?: string | null;
};

/** A mail taken by one sender; `attempt` counts this attempt (1 for the first). */
export type ClaimedMail = {
  id: string;
  to: string;
  language: string;
  subject: string;
  text: string;
  html: string | null;
  attempt: number;
};

export type FailureOutcome = { outcome: "retry"; attempts: number; nextAttemptAt: Date } | { outcome: "failed"; attempts: number };

/** Delay after the given number of failed attempts: 1 min, 2, 4, … capped at 6 h. */
export function mailRetryDelayMs(failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(MAIL_RETRY_BASE_DELAY_MS * 2 ** exponent, MAIL_RETRY_MAX_DELAY_MS);
}

/**
 * Queues one mail. Pass the transaction of the change that causes the mail, so that a rolled-back
 * change sends nothing and a committed one cannot lose its mail.
 */
export async function enqueueMail(trxOrDb: Kysely<Database>, mail: MailInput, now = new Date()): Promise<string> {
  const id = randomUUID();
  await trxOrDb.executeQuery(enqueueMailWrite(trxOrDb, mail, now, id));
  return id;
}

/** The insert that queues one mail, unexecuted: for a change that makes all its writes at once (executeWrites). */
export function enqueueMailWrite(trxOrDb: Kysely<Database>, mail: MailInput, now = new Date(), id: string = randomUUID()) {
  if (!mail.to.trim()) throw new Error("enqueueMail: recipient is empty");
  const stamp = now.toISOString();
  return trxOrDb.insertInto("mail_outbox").values({
    id,
    to_address: mail.to.trim(),
    language: mail.language,
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html ?? null,
    status: "pending",
    attempts: 0,
    next_attempt_at: stamp,
    last_error: null,
    created_at: stamp,
    sent_at: null,
  });
}

function toClaimedMail(row: MailOutboxRow): ClaimedMail {
  return {
    id: row.id,
    to: row.to_address,
    language: row.language,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    attempt: Number(row.attempts),
  };
}

/**
 * Takes up to `limit` due mails for one sender. Claiming counts the attempt and moves
 * next_attempt_at past the lease, so no other sender takes them meanwhile, and a sender that
 * crashes leaves them to be retried once the lease runs out. Counting at claim time (not at
 * failure) means a mail that crashes its sender every time still reaches MAIL_MAX_ATTEMPTS.
 * The lease must outlast the slowest send (see the transport's timeouts), or a slow send could
 * overlap a retry.
 */
export async function claimDueMails(
  db: Kysely<Database>,
  { limit, now = new Date(), leaseMs }: { limit: number; now?: Date; leaseMs: number },
): Promise<ClaimedMail[]> {
  if (limit < 1) return [];
  const stamp = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return db.transaction().execute(async (trx) => {
    // Two instances on PostgreSQL skip each other's locked rows and so take disjoint sets.
    const due = await forUpdateSkipLocked(
      trx
        .selectFrom("mail_outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", stamp)
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(limit),
      trx,
    ).execute();
    if (due.length === 0) return [];
    const rows = await trx
      .updateTable("mail_outbox")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), next_attempt_at: leaseUntil }))
      .where(
        "id",
        "in",
        due.map((r) => r.id),
      )
      .where("status", "=", "pending")
      .returningAll()
      .execute();
    // RETURNING gives no order; send oldest first.
    const order = new Map(due.map((r, i) => [r.id, i]));
    return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)).map(toClaimedMail);
  });
}

/** Records delivery; false when the mail was no longer pending (already sent or given up). */
export async function markSent(db: Kysely<Database>, id: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("mail_outbox")
    .set({ status: "sent", sent_at: now.toISOString(), last_error: null })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps a stored error short and free of addresses, whatever the caller passes. */
export function sanitizeMailError(error: string): string {
  const oneLine = error
    .replace(/[^\s<>()"',;:@]+@[^\s<>()"',;:@]+/g, "[address]")
    .replace(/\s+/g, " ")
    .trim();
  return (oneLine || "unknown error").slice(0, MAX_ERROR_LENGTH);
}

/**
 * Records a failed attempt: the mail is retried after the backoff delay, or given up ('failed')
 * once it has had MAIL_MAX_ATTEMPTS attempts, or at once when the failure is `permanent` (the
 * recipient was refused for good). Null when the mail was not pending.
 */
export async function markFailed(
  db: Kysely<Database>,
  id: string,
  error: string,
  now = new Date(),
  { permanent = false }: { permanent?: boolean } = {},
): Promise<FailureOutcome | null> {
  const row = await db.selectFrom("mail_outbox").select("attempts").where("id", "=", id).where("status", "=", "pending").executeTakeFirst();
  if (!row) return null;
  // A claim has already counted this attempt; a mail marked failed without a claim counts as one.
  const attempts = Math.max(1, Number(row.attempts));
  const giveUp = permanent || attempts >= MAIL_MAX_ATTEMPTS;
  const nextAttemptAt = giveUp ? now : new Date(now.getTime() + mailRetryDelayMs(attempts));
  const result = await db
    .updateTable("mail_outbox")
    .set({
      status: giveUp ? "failed" : "pending",
      attempts,
      next_attempt_at: nextAttemptAt.toISOString(),
      last_error: sanitizeMailError(error),
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("attempts", "=", Number(row.attempts))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return giveUp ? { outcome: "failed", attempts } : { outcome: "retry", attempts, nextAttemptAt };
}

/**
 * Hands back claimed mails that were not tried (a sender stopping mid-batch): they are due again
 * at once and the claim no longer counts as an attempt.
 */
export async function releaseClaimedMails(db: Kysely<Database>, mails: ClaimedMail[], now = new Date()): Promise<number> {
  let released = 0;
  for (const mail of mails) {
    const result = await db
      .updateTable("mail_outbox")
      .set((eb) => ({ attempts: eb("attempts", "-", 1), next_attempt_at: now.toISOString() }))
      .where("id", "=", mail.id)
      .where("status", "=", "pending")
      .where("attempts", "=", mail.attempt)
      .executeTakeFirst();
    released += Number(result.numUpdatedRows);
  }
  return released;
}

export async function countPendingMails(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("mail_outbox")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
