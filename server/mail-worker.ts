/**
 * Sends what the outbox holds. Every app instance may run one: claims are disjoint, so no mail is
 * sent twice by two instances. Log lines carry the mail id, attempt and outcome only: addresses,
 * subjects and bodies are personal data and stay in the database.
 */
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { type ClaimedMail, claimDueMails, markFailed, markSent, releaseClaimedMails } from "../app/models/outbox.server";
import { isPermanentRecipientFailure, type MailTransport, summarizeMailError } from "../app/utils/mailer.server";
import type { Database } from "../db/schema";

const DEFAULT_INTERVAL_MS = 5_000;
const DEFAULT_BATCH_SIZE = 20;
/** Well above the transport's worst case for one send (its timeouts add up to about 90 s). */
const DEFAULT_LEASE_MS = 5 * 60_000;

export type WorkerLogger = Pick<Logger, "debug" | "info" | "warn" | "error">;

export type DrainOptions = {
  db: Kysely<Database>;
  transport: MailTransport | null;
  /** The From header, e.g. env.MAIL_FROM. */
  from: string;
  logger: WorkerLogger;
  batchSize?: number;
  leaseMs?: number;
  /** Injected so tests can step through the backoff without waiting. */
  clock?: () => Date;
  /** Checked between mails; a stopping worker finishes the send in hand and hands back the rest. */
  shouldStop?: () => boolean;
};

export type DrainResult = { claimed: number; sent: number; retried: number; failed: number; released: number };

export type MailWorkerOptions = Omit<DrainOptions, "shouldStop"> & { intervalMs?: number };

export type MailWorker = {
  /** Stops polling and resolves once the send in hand (if any) has been recorded. */
  stop: () => Promise<void>;
};

/** Domain for Message-IDs, from the From address; Message-IDs must not reveal anything else. */
function messageIdDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1] ?? "localhost";
}

/** One kind of error name, safe to log: database and driver messages may quote row values. */
function errorKind(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && /^[A-Za-z0-9_]{1,40}$/.test(code) ? `${error.name} ${code}` : error.name;
  }
  return "unknown";
}

async function sendOne(mail: ClaimedMail, options: DrainOptions, transport: MailTransport, result: DrainResult): Promise<void> {
  const { db, from, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const log = { mailId: mail.id, attempt: mail.attempt };
  try {
    await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      // Stable across attempts: if a crash makes us send a mail twice, receivers can tell it is the same one.
      messageId: `<${mail.id}@${messageIdDomain(from)}>`,
      headers: { "Content-Language": mail.language },
    });
  } catch (error) {
    const summary = summarizeMailError(error);
    const permanent = isPermanentRecipientFailure(error);
    const failure = await markFailed(db, mail.id, summary, clock(), { permanent });
    if (!failure) {
      // Someone else settled it meanwhile (only possible if the lease ran out mid-send).
      logger.warn({ ...log, outcome: "not_pending", error: summary }, "mail not delivered; already settled elsewhere");
    } else if (failure.outcome === "failed") {
      result.failed += 1;
      logger.error(
        { ...log, outcome: "failed", error: summary },
        permanent ? "mail not delivered; the recipient was refused for good" : "mail not delivered; given up after the last attempt",
      );
    } else {
      result.retried += 1;
      logger.warn(
        { ...log, outcome: "retry", error: summary, nextAttemptAt: failure.nextAttemptAt.toISOString() },
        "mail not delivered; will retry",
      );
    }
    return;
  }
  // If this write fails the mail stays claimed and is sent again after its lease: at least once.
  await markSent(db, mail.id, clock());
  result.sent += 1;
  logger.info({ ...log, outcome: "sent" }, "mail sent");
}

/**
 * One pass over the outbox: claims due mails in batches and sends them one by one until none is
 * due. Without a transport it does nothing, so mail keeps waiting (and its attempts are not spent).
 */
export async function drainOutbox(options: DrainOptions): Promise<DrainResult> {
  const result: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };
  const { db, transport } = options;
  if (!transport) return result;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const clock = options.clock ?? (() => new Date());
  const shouldStop = options.shouldStop ?? (() => false);

  while (!shouldStop()) {
    const batch = await claimDueMails(db, { limit: batchSize, now: clock(), leaseMs });
    result.claimed += batch.length;
    for (const [index, mail] of batch.entries()) {
      if (shouldStop()) {
        result.released += await releaseClaimedMails(db, batch.slice(index), clock());
        return result;
      }
      await sendOne(mail, options, transport, result);
    }
    // A short batch means nothing else is due; a failed mail is never due again at once.
    if (batch.length < batchSize) break;
  }
  return result;
}

/** Polls the outbox every intervalMs (and once right away). Nothing to do without a transport. */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { logger } = options;
  if (!options.transport) return { stop: async () => {} };
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const tick = () => {
    timer = undefined;
    running = drainOutbox({ ...options, shouldStop: () => stopping })
      .then((r) => {
        if (r.claimed > 0) logger.debug({ ...r }, "mail outbox pass");
      })
      .catch((error: unknown) => {
        // The outbox keeps everything; the next pass tries again.
        logger.error({ error: errorKind(error) }, "mail outbox pass failed");
      })
      .finally(() => {
        running = undefined;
        if (!stopping) {
          timer = setTimeout(tick, intervalMs);
          // The worker alone must not keep a process (a CLI, a test) alive.
          timer.unref();
        }
      });
  };
  timer = setTimeout(tick, 0);
  timer.unref();

  return {
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
