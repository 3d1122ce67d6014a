/**
 * Applications: created from a complete draft in one transaction with their audit event and
 * receipt mail, found again by reference + date of birth or by the secret tracking link.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { isUniqueViolation } from "../../db/errors";
import type { ApplicationStatus } from "../../db/schema";
import type { Database } from "../../db/schema";
import { newReference } from "~/domain/reference.server";
import { serviceCenterFor } from "~/domain/service-center";
import { type CompleteAnswers, readAnswers } from "~/schemas/certificate";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import { insertAuditEvent } from "./audit.server";
import { executeWrites } from "../../db/dialect";
import { countSubmissionWrites } from "./dashboard.server";
import { missingDocuments, moveDocumentsWrite } from "./document.server";
import type { OpenDraft } from "./draft.server";
import { type ComposedMail, enqueueMailWrite } from "./outbox.server";

/** The mails a submission sends, written by the caller in the applicant's language. */
export type SubmissionMails = {
  receipt: (reference: string, trackToken: string) => ComposedMail;
  /** To the holder, when a relative applies: the e-authority link. */
  authority: (reference: string, authorityToken: string) => ComposedMail;
};

export type Submitted = { applicationId: string; reference: string; replay: boolean };

export async function findReferenceByDraft(db: Kysely<Database>, draftId: string): Promise<string | null> {
  const row = await db.selectFrom("application").select("reference").where("draft_id", "=", draftId).executeTakeFirst();
  return row?.reference ?? null;
}

/** Where "check your answers" stands: ready to send, already sent, or a page still to fill in. */
export type DraftReadiness =
  | { state: "ready"; answers: CompleteAnswers }
  | { state: "submitted"; reference: string }
  | { state: "incomplete"; step: string };

/**
 * A submission commits its moved documents and cleared answers together, but a double click's
 * second request may read the draft before that commit and its documents after it. So whenever
 * something looks missing, ask again whether the draft has been sent meanwhile: then both requests
 * land on the same confirmation rather than the second on the documents page.
 */
export async function draftReadiness(db: Kysely<Database>, draft: OpenDraft): Promise<DraftReadiness> {
  if (draft.reference) return { state: "submitted", reference: draft.reference };
  const read = readAnswers(draft.answers);
  const missing = read.complete ? await missingDocuments(db, draft.id) : [];
  if (read.complete && missing.length === 0) return { state: "ready", answers: read.answers };
  const reference = await findReferenceByDraft(db, draft.id);
  if (reference) return { state: "submitted", reference };
  return { state: "incomplete", step: read.complete ? "documents" : read.missing[0]! };
}

/**
 * Turns a draft into an application. A replayed submission (a double click, a refresh, a second
 * tab) finds the application the first one made: `application.draft_id` is unique.
 */
export async function submitApplication(
  db: Kysely<Database>,
  input: { draftId: string; language: string; answers: CompleteAnswers },
  mails: SubmissionMails,
  now = new Date(),
): Promise<Submitted> {
  // No look-up first: a replay is rare, and the unique draft_id below catches it for the price of
  // a failed insert, which keeps the common path one transaction.
  const { who, authority, personal, contact, addresses, purpose, delivery } = input.answers;
  const stamp = now.toISOString();
  for (let attempt = 0; ; attempt += 1) {
    const id = randomUUID();
    const reference = newReference("application");
    const track = newSecretToken();
    const consent = authority ? newSecretToken() : null;
    try {
      await db.transaction().execute(async (trx) => {
        const receipt = mails.receipt(reference, track.token);
        const request = authority && consent ? mails.authority(reference, consent.token) : null;
        // One statement on PostgreSQL (executeWrites): none of these reads what another writes.
        await executeWrites(trx, [
          trx.insertInto("application").values({
            id,
            reference,
            draft_id: input.draftId,
            status: "submitted",
            status_changed_at: stamp,
            language: input.language,
            applicant_type: who.applicantType,
            full_name: personal.fullName,
            name_search: personal.fullName.toLocaleLowerCase(),
            father_name: personal.fatherName,
            date_of_birth: personal.dateOfBirth,
            gender: personal.gender,
            cnic: personal.cnic,
            passport_number: personal.passportNumber,
            passport_country: personal.passportCountry,
            nationality: personal.nationality,
            email: contact.email,
            phone: contact.phone,
            residence_country: contact.residenceCountry,
            residence_city: contact.residenceCity,
            purpose: purpose.purpose,
            purpose_other: purpose.purposeOther,
            destination_country: purpose.destinationCountry,
            delivery: delivery.delivery,
            collection_center_slug: delivery.collectionCenter,
            referral_center_slug: input.answers.referral,
            assisted_by: input.answers.assistedBy ?? null,
            center_slug: serviceCenterFor(addresses[0]!.district),
            assigned_to: null,
            track_secret_hash: track.tokenHash,
            relative_name: authority?.relativeName ?? null,
            authority_status: authority ? "pending" : null,
            authority_token_hash: consent?.tokenHash ?? null,
            authority_confirmed_at: null,
            rejection_reason: null,
            rejection_note: null,
            submitted_at: stamp,
            updated_at: stamp,
          }),
          trx.insertInto("application_address").values(
            addresses.map((a, position) => ({
              application_id: id,
              position,
              district: a.district,
              police_station: a.policeStation,
              address: a.address,
              from_month: a.from,
              to_month: a.to,
            })),
          ),
          moveDocumentsWrite(trx, { ownerType: "draft", ownerId: input.draftId }, { ownerType: "application", ownerId: id }),
          enqueueMailWrite(trx, { to: contact.email, language: input.language, ...receipt }, now),
          ...(request && authority
            ? [enqueueMailWrite(trx, { to: authority.holderEmail, language: input.language, ...request }, now)]
            : []),
          // The answers now live in the application; the draft keeps only its id, for replays.
          trx.updateTable("draft").set({ answers: "{}", updated_at: stamp }).where("id", "=", input.draftId),
        ]);
        await insertAuditEvent(
          trx,
          {
            actorType: "applicant",
            action: "application.submitted",
            entityType: "application",
            entityId: id,
            // Taken at an embassy desk: who helped is part of the record (a staff id, nothing of the visitor).
            details: input.answers.assistedBy ? { reference, assistedBy: input.answers.assistedBy } : { reference },
            occurredAt: now,
          },
          // The day's counters: every submission writes them, so they go with the chain's head.
          countSubmissionWrites(trx, {
            submittedAt: stamp,
            status: "submitted",
            destinationCountry: purpose.destinationCountry,
            referralCenterSlug: input.answers.referral,
          }),
        );
      });
      return { applicationId: id, reference, replay: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Either another request submitted this draft first, or (once in billions) the reference was taken.
      const winner = await findReferenceByDraft(db, input.draftId);
      if (winner) return { applicationId: "", reference: winner, replay: true };
      if (attempt >= 3) throw error;
    }
  }
}

export type StoredAddress = { district: string; policeStation: string; address: string; from: string; to: string | null };

/** An application's address history in the answers' shape, in the order the applicant gave it. */
export async function listApplicationAddresses(db: Kysely<Database>, applicationId: string): Promise<StoredAddress[]> {
  const rows = await db
    .selectFrom("application_address")
    .select(["district", "police_station", "address", "from_month", "to_month"])
    .where("application_id", "=", applicationId)
    .orderBy("position")
    .execute();
  return rows.map((a) => ({
    district: a.district,
    policeStation: a.police_station,
    address: a.address,
    from: a.from_month,
    to: a.to_month,
  }));
}

export type TrackedApplication = {
  id: string;
  authorityPending: boolean;
  reference: string;
  status: ApplicationStatus;
  statusChangedAt: string;
  submittedAt: string;
  language: string;
  delivery: "pdf" | "collection";
  collectionCenterSlug: string | null;
  rejectionReason: string | null;
  rejectionNote: string | null;
};

const TRACKED_COLUMNS = [
  "id",
  "reference",
  "status",
  "status_changed_at",
  "submitted_at",
  "language",
  "delivery",
  "collection_center_slug",
  "rejection_reason",
  "rejection_note",
  "date_of_birth",
  "authority_status",
] as const;

type TrackedRow = Pick<Database["application"], (typeof TRACKED_COLUMNS)[number]>;

function toTracked(row: TrackedRow & { status: ApplicationStatus }): TrackedApplication {
  return {
    id: row.id,
    authorityPending: row.authority_status === "pending",
    reference: row.reference,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    submittedAt: row.submitted_at,
    language: row.language,
    delivery: row.delivery,
    collectionCenterSlug: row.collection_center_slug,
    rejectionReason: row.rejection_reason,
    rejectionNote: row.rejection_note,
  };
}

// A date of birth compared in constant time, so a wrong one takes as long as a right one.
const NO_MATCH_DOB = "0000-00-00";
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(16, " "));
  const y = Buffer.from(b.padEnd(16, " "));
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The application with this reference and date of birth; null reveals nothing about which one was wrong. */
export async function findForTracking(db: Kysely<Database>, reference: string, dateOfBirth: string): Promise<TrackedApplication | null> {
  const row = await db.selectFrom("application").select(TRACKED_COLUMNS).where("reference", "=", reference).executeTakeFirst();
  const matches = sameText(row?.date_of_birth ?? NO_MATCH_DOB, dateOfBirth);
  return row && matches ? toTracked(row) : null;
}

export async function findByTrackSecret(db: Kysely<Database>, secret: string): Promise<TrackedApplication | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(secret)) return null;
  const row = await db
    .selectFrom("application")
    .select(TRACKED_COLUMNS)
    .where("track_secret_hash", "=", hashToken(secret))
    .executeTakeFirst();
  return row ? toTracked(row) : null;
}

export async function findTrackedById(db: Kysely<Database>, id: string): Promise<TrackedApplication | null> {
  const row = await db.selectFrom("application").select(TRACKED_COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? toTracked(row) : null;
}

export type AuthorityRequest = {
  applicationId: string;
  reference: string;
  holderName: string;
  passportNumber: string;
  relativeName: string;
};

/** The application an e-authority link is for, while it still waits for the holder. */
export async function findPendingAuthority(db: Kysely<Database>, token: string): Promise<AuthorityRequest | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await db
    .selectFrom("application")
    .select(["id", "reference", "full_name", "passport_number", "relative_name"])
    .where("authority_token_hash", "=", hashToken(token))
    .where("authority_status", "=", "pending")
    .executeTakeFirst();
  return row
    ? {
        applicationId: row.id,
        reference: row.reference,
        holderName: row.full_name,
        passportNumber: row.passport_number,
        relativeName: row.relative_name ?? "",
      }
    : null;
}

/** The holder's consent: the case may now reach staff. The link stops working once used. */
export async function confirmAuthority(db: Kysely<Database>, token: string, now = new Date()): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const pending = await findPendingAuthority(trx, token);
    if (!pending) return null;
    await trx
      .updateTable("application")
      .set({
        authority_status: "confirmed",
        authority_confirmed_at: now.toISOString(),
        authority_token_hash: null,
        updated_at: now.toISOString(),
      })
      .where("id", "=", pending.applicationId)
      .where("authority_status", "=", "pending")
      .execute();
    await insertAuditEvent(trx, {
      actorType: "applicant",
      action: "application.authority_confirmed",
      entityType: "application",
      entityId: pending.applicationId,
      occurredAt: now,
    });
    return pending.reference;
  });
}
