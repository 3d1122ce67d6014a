/**
 * Periodic clean-up that keeps the store free of data nobody needs any more: expired drafts (with
 * their documents), spent rate-limit counters, staff sessions that ended over a day ago, report
 * evidence past its time (app/models/report-retention.server.ts), and document bytes a crash left
 * without their row (older than two days). It
 * also finishes certificate work that must not wait for a person: issuing certificates of approved
 * cases whose issue failed (or was cut short), and reminding holders 14 days before expiry. Safe
 * to run on every instance at once.
 */
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { type CertificateSettings } from "../app/models/certificate.server";
import { issueCertificate, listIssuePending } from "../app/models/certificate-issue.server";
import { sendExpiryReminders } from "../app/models/certificate-reminders.server";
import { createStoreDocumentStorage } from "../app/models/document-storage.server";
import { deleteUnreferencedBlobs } from "../app/models/document.server";
import { deleteExpiredDrafts } from "../app/models/draft.server";
import { deleteExpiredHits } from "../app/models/rate-limit.server";
import { purgeReportEvidence } from "../app/models/report-retention.server";
import { deleteEndedStaffSessions } from "../app/models/staff-session-cleanup.server";
import { certificateMails } from "../app/mails/certificate-mails.server";
import type { Database } from "../db/schema";

/** An approval issues its certificate in the same request; only cases left approved this long are retried. */
const ISSUE_RETRY_AFTER_MS = 2 * 60_000;

async function finishCertificates(db: Kysely<Database>, settings: CertificateSettings, now: Date, logger?: Logger) {
  const mails = certificateMails(settings.publicUrl);
  let issued = 0;
  let stillPending = 0;
  for (const applicationId of await listIssuePending(db, new Date(now.getTime() - ISSUE_RETRY_AFTER_MS))) {
    try {
      const outcome = await issueCertificate(db, applicationId, settings, mails);
      if (outcome.ok) issued += 1;
      else if (outcome.problem !== "already_issued" && outcome.problem !== "not_approved") stillPending += 1;
    } catch (error) {
      stillPending += 1;
      logger?.error({ err: error, applicationId }, "certificate issue failed");
    }
  }
  const reminded = await sendExpiryReminders(db, { publicUrl: settings.publicUrl, mails }, now);
  return { certificatesIssued: issued, certificatesPending: stillPending, expiryReminders: reminded };
}

export async function runHousekeeping(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  now = new Date(),
  certificates?: Omit<CertificateSettings, "documentKey">,
  logger?: Logger,
) {
  const drafts = await deleteExpiredDrafts(db, createStoreDocumentStorage(db, documentKey), now);
  const counters = await deleteExpiredHits(db, now);
  const staffSessions = await deleteEndedStaffSessions(db, now);
  const reportEvidence = await purgeReportEvidence(db, createStoreDocumentStorage(db, documentKey), now.toISOString().slice(0, 10));
  // After the purges above, so bytes they could not delete (a crash in between) go in the same run.
  const unreferencedBlobs = await deleteUnreferencedBlobs(db, now);
  const certificateWork: Partial<Awaited<ReturnType<typeof finishCertificates>>> = certificates
    ? await finishCertificates(db, { ...certificates, documentKey }, now, logger)
    : {};
  return { drafts, counters, staffSessions, ...reportEvidence, unreferencedBlobs, ...certificateWork };
}

export function startHousekeeping(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  logger: Logger,
  intervalMs = 15 * 60_000,
  certificates?: Omit<CertificateSettings, "documentKey">,
  onRun: (outcome: "ok" | "failed") => void = () => {},
) {
  let running: Promise<void> | null = null;
  const tick = () => {
    // One run at a time: a slow run is not overlapped by the next.
    running ??= runHousekeeping(db, documentKey, new Date(), certificates, logger)
      .then((done) => {
        logger.info(done, "housekeeping");
        onRun("ok");
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, "housekeeping failed");
        onRun("failed");
      })
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    /** No run starts after this; resolves once the run in hand (if any) has finished, before the store closes. */
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
