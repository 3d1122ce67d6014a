/**
 * Certificates: issued once per approved application, checked by third parties with number + code,
 * revoked by a supervisor, and reminded to their holder before they expire.
 *
 * Issuing is the lifecycle's "system" step (approved → issued): the PDF is made and signed before
 * the transaction (it takes most of a second), then the certificate row, its encrypted PDF and
 * photo, the status change, the audit events and the "certificate ready" mail are written in one
 * transaction. A failure leaves the case "approved", and housekeeping tries again.
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import sharp from "sharp";
import { newCertificateNumber } from "~/domain/certificate-number.server";
import { parseCertificateNumber } from "~/domain/certificate-number";
import {
  type CertificateContent,
  type CertificateResult,
  type CertificateState,
  certificateState,
  expiryFor,
  type RevocationReason,
  reminderHorizon,
} from "~/domain/certificate";
import { hashVerificationCode, newVerificationCode, verificationCodeKey, verificationCodeMatches } from "~/domain/verification-code.server";
import { normalizeVerificationCode } from "~/domain/verification-code";
import { isLang, type Lang } from "~/i18n";
import { renderCertificatePdf } from "~/utils/certificate-pdf.server";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import type { Database } from "../../db/schema";
import type { ComposedMail } from "./application.server";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import { transitionApplication } from "./case.server";
import { createStoreDocumentStorage, newStorageId } from "./document-storage.server";
import { listDocuments, readDocument } from "./document.server";
import { createDraft } from "./draft.server";
import { enqueueMail } from "./outbox.server";
import { loadSigningIdentity, type SigningSettings } from "./signing-identity.server";

/** The certificate's photo: small enough for a web page, sharp enough for print at about 190 dpi. */
export const CERTIFICATE_PHOTO = { width: 300, height: 400, quality: 80 } as const;

export type CertificateSettings = {
  documentKey: Uint8Array;
  publicUrl: string;
  signing?: SigningSettings;
};

/** The mails certificates send, written by the caller in the holder's language (app/utils/notices.server.ts). */
export type CertificateMails = {
  /** `collectionCenter`: the center's name in the holder's language, when they collect it. */
  ready: (info: { reference: string; language: string; number: string; collectionCenter: string | null }) => ComposedMail;
  revoked: (info: { reference: string; language: string; number: string }) => ComposedMail;
  reminder: (info: { language: string; number: string; expiresAt: string; link: string }) => ComposedMail;
};

export type IssueOutcome =
  | { ok: true; number: string; certificateId: string }
  | { ok: false; problem: "not_found" | "not_approved" | "already_issued" | "no_photo" | "conflict" };

export function verificationUrl(publicUrl: string, number: string, code: string): string {
  return `${publicUrl}/verify/${number}?code=${code}`;
}

function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ""}` : "";
  return /UNIQUE|unique|23505/.test(text);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Re-encoded from the decoded pixels: EXIF, GPS and any other metadata are gone, orientation applied. */
export async function normaliseCertificatePhoto(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: 50_000_000 })
    .rotate()
    .resize(CERTIFICATE_PHOTO.width, CERTIFICATE_PHOTO.height, { fit: "cover", position: "attention" })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: CERTIFICATE_PHOTO.quality, mozjpeg: false })
    .toBuffer();
}

async function centerNames(db: Kysely<Database>, slug: string): Promise<Record<Lang, string>> {
  const row = await db
    .selectFrom("center")
    .select(["name_en", "name_ur", "name_el", "name_it"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ? { en: row.name_en, ur: row.name_ur, el: row.name_el, it: row.name_it } : { en: slug, ur: slug, el: slug, it: slug };
}

/** Who approved: the approval's audit event names them exactly (an assignee or a supervisor). */
async function approvingOfficer(
  db: Kysely<Database>,
  applicationId: string,
  assignedTo: string | null,
): Promise<{ id: string | null; name: string }> {
  const event = await db
    .selectFrom("audit_event")
    .select("actor_id")
    .where("entity_type", "=", "application")
    .where("entity_id", "=", applicationId)
    .where("action", "=", "application.approve")
    .orderBy("seq", "desc")
    .executeTakeFirst();
  const id = event?.actor_id ?? assignedTo;
  const staff = id ? await db.selectFrom("staff_user").select(["id", "display_name"]).where("id", "=", id).executeTakeFirst() : undefined;
  return staff ? { id: staff.id, name: staff.display_name } : { id: null, name: "Punjab Police" };
}

/**
 * Issues the certificate of an approved application: number, verification code, signed PDF,
 * status "issued" and the holder's mail. Safe to call twice: the second finds it issued.
 */
export async function issueCertificate(
  db: Kysely<Database>,
  applicationId: string,
  settings: CertificateSettings,
  mails: Pick<CertificateMails, "ready">,
  now = new Date(),
): Promise<IssueOutcome> {
  const application = await db.selectFrom("application").selectAll().where("id", "=", applicationId).executeTakeFirst();
  if (!application) return { ok: false, problem: "not_found" };
  if (await db.selectFrom("certificate").select("id").where("application_id", "=", applicationId).executeTakeFirst())
    return { ok: false, problem: "already_issued" };
  if (application.status !== "approved") return { ok: false, problem: "not_approved" };

  const storage = createStoreDocumentStorage(db, settings.documentKey);
  const photoMeta = (await listDocuments(db, "application", applicationId)).find((d) => d.kind === "photo");
  const original = photoMeta ? await readDocument(db, storage, photoMeta.id) : null;
  if (!original) return { ok: false, problem: "no_photo" };
  const photo = await normaliseCertificatePhoto(original.bytes);
  const officer = await approvingOfficer(db, applicationId, application.assigned_to);
  const names = await centerNames(db, application.center_slug);
  const collectionCenter =
    application.delivery === "collection" && application.collection_center_slug
      ? (await centerNames(db, application.collection_center_slug))[isLang(application.language) ? application.language : "en"]
      : null;
  const identity = await loadSigningIdentity(db, settings.documentKey, settings.signing);
  const codeKey = verificationCodeKey(settings.documentKey);
  // Whole seconds: the PDF's dates carry no milliseconds, and the record should say what the PDF says.
  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const expiresAt = expiryFor(issuedAt);

  for (let attempt = 0; ; attempt += 1) {
    const id = randomUUID();
    const number = newCertificateNumber();
    const code = newVerificationCode();
    const content: CertificateContent = {
      number,
      fullName: application.full_name,
      fatherName: application.father_name,
      dateOfBirth: application.date_of_birth,
      cnic: application.cnic,
      passportNumber: application.passport_number,
      passportCountry: application.passport_country,
      purpose: application.purpose,
      purposeOther: application.purpose_other,
      destinationCountry: application.destination_country,
      result: "no_record",
      centerNames: names,
      officerName: officer.name,
      issuedAt: issuedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
    const pdf = await renderCertificatePdf(
      {
        content,
        code,
        verificationUrl: verificationUrl(settings.publicUrl, number, code),
        publicUrl: settings.publicUrl,
        photoJpeg: photo,
      },
      identity,
    );
    const pdfSha256 = sha256(pdf);
    const pdfBlobId = newStorageId();
    const photoBlobId = newStorageId();
    try {
      const outcome = await transitionApplication(
        db,
        {
          applicationId,
          action: "issue",
          actor: { actorType: "system", actorId: null },
          notice: () => mails.ready({ reference: application.reference, language: application.language, number, collectionCenter }),
          alongside: async (trx) => {
            const inTrx = createStoreDocumentStorage(trx, settings.documentKey);
            await inTrx.put(pdfBlobId, pdf);
            await inTrx.put(photoBlobId, photo);
            await trx
              .insertInto("certificate")
              .values({
                id,
                number,
                code_hash: hashVerificationCode(codeKey, code),
                application_id: applicationId,
                full_name: content.fullName,
                father_name: content.fatherName,
                date_of_birth: content.dateOfBirth,
                cnic: content.cnic,
                passport_number: content.passportNumber,
                passport_country: content.passportCountry,
                purpose: content.purpose,
                purpose_other: content.purposeOther,
                destination_country: content.destinationCountry,
                result: content.result,
                center_slug: application.center_slug,
                officer_id: officer.id,
                officer_name: officer.name,
                language: application.language,
                issued_at: content.issuedAt,
                expires_at: content.expiresAt,
                revoked_at: null,
                revoked_by: null,
                revocation_reason: null,
                revocation_note: null,
                pdf_blob_id: pdfBlobId,
                pdf_sha256: pdfSha256,
                photo_blob_id: photoBlobId,
                verification_count: 0,
                expiry_reminder_sent_at: null,
                reapply_token_hash: null,
                reapply_used_at: null,
                created_at: now.toISOString(),
              })
              .execute();
            await insertAuditEvent(trx as Transaction<Database>, {
              actorType: "system",
              action: "certificate.issued",
              entityType: "application",
              entityId: applicationId,
              details: { certificate: id, number, pdfSha256 },
              occurredAt: now,
            });
          },
        },
        now,
      );
      if (outcome.ok) return { ok: true, number, certificateId: id };
      return { ok: false, problem: outcome.problem === "illegal" ? "not_approved" : "conflict" };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
      // A number drawn twice (about once in 10¹⁰ issues) or a concurrent issue: look again.
      if (await db.selectFrom("certificate").select("id").where("application_id", "=", applicationId).executeTakeFirst())
        return { ok: false, problem: "already_issued" };
    }
  }
}

/** Approved cases still without a certificate (issuance failed, or the server stopped midway). */
export async function listIssuePending(db: Kysely<Database>, olderThan: Date, limit = 20): Promise<string[]> {
  const rows = await db
    .selectFrom("application")
    .leftJoin("certificate", "certificate.application_id", "application.id")
    .select("application.id")
    .where("application.status", "=", "approved")
    .where("certificate.id", "is", null)
    .where("application.status_changed_at", "<=", olderThan.toISOString())
    .orderBy("application.status_changed_at")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Verification by third parties.

export type VerifiedCertificate = {
  found: true;
  state: CertificateState;
  content: CertificateContent;
  revokedAt: string | null;
  hasPhoto: boolean;
};
export type VerificationOutcome = VerifiedCertificate | { found: false };

const CERTIFICATE_COLUMNS = [
  "id",
  "number",
  "code_hash",
  "application_id",
  "full_name",
  "father_name",
  "date_of_birth",
  "cnic",
  "passport_number",
  "passport_country",
  "purpose",
  "purpose_other",
  "destination_country",
  "result",
  "center_slug",
  "officer_name",
  "issued_at",
  "expires_at",
  "revoked_at",
  "photo_blob_id",
] as const;

type CertificateRow = Pick<Database["certificate"], (typeof CERTIFICATE_COLUMNS)[number]>;

function toContent(row: CertificateRow, names: Record<Lang, string>): CertificateContent {
  return {
    number: row.number,
    fullName: row.full_name,
    fatherName: row.father_name,
    dateOfBirth: row.date_of_birth,
    cnic: row.cnic,
    passportNumber: row.passport_number,
    passportCountry: row.passport_country,
    purpose: row.purpose,
    purposeOther: row.purpose_other,
    destinationCountry: row.destination_country,
    result: row.result as CertificateResult,
    centerNames: names,
    officerName: row.officer_name,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
  };
}

// Compared against when no certificate has the number, so a miss costs what a hit costs.
const NO_CERTIFICATE_HASH = "0".repeat(64);

/**
 * The certificate with this number and code, or `{ found: false }` whatever was wrong: an unknown
 * number, a wrong code and malformed input give the same answer. Typed input is normalised here
 * (case, spaces, dashes); anything that cannot be a number or code is not looked up at all.
 */
async function matchCertificate(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  numberInput: string,
  codeInput: string,
): Promise<CertificateRow | null> {
  const number = parseCertificateNumber(numberInput);
  const code = normalizeVerificationCode(codeInput);
  const row = number
    ? await db.selectFrom("certificate").select(CERTIFICATE_COLUMNS).where("number", "=", number).executeTakeFirst()
    : undefined;
  const matches = verificationCodeMatches(verificationCodeKey(documentKey), code, row?.code_hash ?? NO_CERTIFICATE_HASH);
  return row && matches ? row : null;
}

/** One verification: the answer, and the certificate's counter moved on by one when it was found. */
export async function verifyCertificate(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  numberInput: string,
  codeInput: string,
  now = new Date(),
): Promise<VerificationOutcome> {
  const row = await matchCertificate(db, documentKey, numberInput, codeInput);
  if (!row) return { found: false };
  // Counted, never attributed: no address, time or visitor is kept with it.
  await db
    .updateTable("certificate")
    .set((eb) => ({ verification_count: eb("verification_count", "+", 1) }))
    .where("id", "=", row.id)
    .execute();
  return {
    found: true,
    state: certificateState({ revokedAt: row.revoked_at, expiresAt: row.expires_at }, now),
    content: toContent(row, await centerNames(db, row.center_slug)),
    revokedAt: row.revoked_at,
    hasPhoto: row.photo_blob_id !== null,
  };
}

/** The holder's photo for the verification page: only with the right number and code. Not counted. */
export async function readVerifiedPhoto(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  numberInput: string,
  codeInput: string,
): Promise<Uint8Array | null> {
  const row = await matchCertificate(db, documentKey, numberInput, codeInput);
  if (!row?.photo_blob_id) return null;
  return createStoreDocumentStorage(db, documentKey).get(row.photo_blob_id);
}

// ---------------------------------------------------------------------------------------------
// The holder's view (tracking page) and the staff view.

export type CertificateSummary = {
  id: string;
  number: string;
  state: CertificateState;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
  revocationNote: string | null;
  verificationCount: number;
  destinationCountry: string;
  centerSlug: string;
  applicationId: string;
  pdfSha256: string;
};

const SUMMARY_COLUMNS = [
  "id",
  "number",
  "issued_at",
  "expires_at",
  "revoked_at",
  "revocation_reason",
  "revocation_note",
  "verification_count",
  "destination_country",
  "center_slug",
  "application_id",
  "pdf_sha256",
] as const;

type SummaryRow = Omit<Pick<Database["certificate"], (typeof SUMMARY_COLUMNS)[number]>, "verification_count"> & {
  verification_count: number | string;
};

function toSummary(row: SummaryRow, now: Date): CertificateSummary {
  return {
    id: row.id,
    number: row.number,
    state: certificateState({ revokedAt: row.revoked_at, expiresAt: row.expires_at }, now),
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revocationReason: row.revocation_reason,
    revocationNote: row.revocation_note,
    verificationCount: Number(row.verification_count),
    destinationCountry: row.destination_country,
    centerSlug: row.center_slug,
    applicationId: row.application_id,
    pdfSha256: row.pdf_sha256,
  };
}

export async function findCertificateForApplication(
  db: Kysely<Database>,
  applicationId: string,
  now = new Date(),
): Promise<CertificateSummary | null> {
  const row = await db.selectFrom("certificate").select(SUMMARY_COLUMNS).where("application_id", "=", applicationId).executeTakeFirst();
  return row ? toSummary(row, now) : null;
}

export async function findCertificateByNumber(db: Kysely<Database>, number: string, now = new Date()): Promise<CertificateSummary | null> {
  const canonical = parseCertificateNumber(number);
  if (!canonical) return null;
  const row = await db.selectFrom("certificate").select(SUMMARY_COLUMNS).where("number", "=", canonical).executeTakeFirst();
  return row ? toSummary(row, now) : null;
}

/**
 * The stored PDF of an application's certificate, exactly as issued. Its SHA-256 is checked
 * against the one recorded at issue: damaged bytes are an error, never served.
 */
export async function readCertificatePdf(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  applicationId: string,
): Promise<{ number: string; bytes: Uint8Array } | null> {
  const row = await db
    .selectFrom("certificate")
    .select(["number", "pdf_blob_id", "pdf_sha256"])
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
  if (!row) return null;
  const bytes = await createStoreDocumentStorage(db, documentKey).get(row.pdf_blob_id);
  if (!bytes) throw new Error(`Certificate ${row.number} has no stored PDF`);
  const actual = Buffer.from(sha256(bytes), "hex");
  const recorded = Buffer.from(row.pdf_sha256, "hex");
  if (actual.length !== recorded.length || !timingSafeEqual(actual, recorded))
    throw new Error(`Certificate ${row.number}: stored PDF does not match its recorded SHA-256`);
  return { number: row.number, bytes };
}

// ---------------------------------------------------------------------------------------------
// Revocation.

export type RevokeOutcome = { ok: true; revokedAt: string } | { ok: false; problem: "not_found" | "already_revoked" };

/**
 * Revokes a certificate of the supervisor's center, with the reason and note on record and the
 * holder told by mail. Another center's certificate is "not found".
 */
export async function revokeCertificate(
  db: Kysely<Database>,
  input: {
    number: string;
    centerSlug: string;
    reason: RevocationReason;
    note: string;
    actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;
    mails: Pick<CertificateMails, "revoked">;
  },
  now = new Date(),
): Promise<RevokeOutcome> {
  return db.transaction().execute((trx) => revokeInTransaction(trx, input, now));
}

/** Also used when a dispute is upheld, inside that decision's transaction (which mails the holder itself). */
export async function revokeInTransaction(
  trx: Transaction<Database>,
  input: {
    number: string;
    centerSlug: string;
    reason: RevocationReason;
    note: string;
    actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;
    mails?: Pick<CertificateMails, "revoked">;
  },
  now: Date,
): Promise<RevokeOutcome> {
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
    await enqueueMail(trx, { to: row.email, language: row.language, subject: mail.subject, text: mail.text }, now);
  }
  return { ok: true, revokedAt: stamp };
}

// ---------------------------------------------------------------------------------------------
// Expiry reminders and applying again.

export function reapplyLink(publicUrl: string, language: string, token: string): string {
  return `${publicUrl}/${language}/certificate/reapply?token=${token}`;
}

/**
 * Mails every holder whose certificate expires within EXPIRY_REMINDER_DAYS (and is neither revoked
 * nor expired) once, with a single-use link to apply again. Several instances may run this at the
 * same time: the update that marks a certificate reminded is what entitles one of them to mail.
 */
export async function sendExpiryReminders(
  db: Kysely<Database>,
  input: { publicUrl: string; mails: Pick<CertificateMails, "reminder"> },
  now = new Date(),
  limit = 200,
): Promise<number> {
  const due = await db
    .selectFrom("certificate")
    .innerJoin("application", "application.id", "certificate.application_id")
    .select([
      "certificate.id",
      "certificate.number",
      "certificate.expires_at",
      "certificate.application_id",
      "application.language",
      "application.email",
    ])
    .where("certificate.expiry_reminder_sent_at", "is", null)
    .where("certificate.revoked_at", "is", null)
    .where("certificate.expires_at", ">", now.toISOString())
    .where("certificate.expires_at", "<=", reminderHorizon(now).toISOString())
    .orderBy("certificate.expires_at")
    .limit(limit)
    .execute();
  let sent = 0;
  for (const certificate of due) {
    const { token, tokenHash } = newSecretToken();
    const mailed = await db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable("certificate")
        .set({ expiry_reminder_sent_at: now.toISOString(), reapply_token_hash: tokenHash })
        .where("id", "=", certificate.id)
        .where("expiry_reminder_sent_at", "is", null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) return false;
      const mail = input.mails.reminder({
        language: certificate.language,
        number: certificate.number,
        expiresAt: certificate.expires_at,
        link: reapplyLink(input.publicUrl, certificate.language, token),
      });
      await enqueueMail(trx, { to: certificate.email, language: certificate.language, subject: mail.subject, text: mail.text }, now);
      await insertAuditEvent(trx, {
        actorType: "system",
        action: "certificate.expiry_reminder_sent",
        entityType: "application",
        entityId: certificate.application_id,
        details: { certificate: certificate.id },
        occurredAt: now,
      });
      return true;
    });
    if (mailed) sent += 1;
  }
  return sent;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/;

/** The certificate a reminder's link is for, while the link is unused. */
export async function findReapply(db: Kysely<Database>, token: string | null): Promise<{ number: string } | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const row = await db
    .selectFrom("certificate")
    .select("number")
    .where("reapply_token_hash", "=", hashToken(token))
    .where("reapply_used_at", "is", null)
    .executeTakeFirst();
  return row ? { number: row.number } : null;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(16, " "));
  const y = Buffer.from(b.padEnd(16, " "));
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * After the holder confirms with their date of birth: a new draft holding the previous
 * application's answers (who, personal details, contact, addresses, purpose, delivery; never the
 * documents, which must be current), and the link stops working. Null for a wrong date or a spent link.
 */
export async function redeemReapply(
  db: Kysely<Database>,
  input: { token: string; dateOfBirth: string; language: string },
  now = new Date(),
): Promise<{ draftKey: string } | null> {
  if (!TOKEN_SHAPE.test(input.token)) return null;
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom("certificate")
      .innerJoin("application", "application.id", "certificate.application_id")
      .select(["certificate.id as certificateId", "application.id as applicationId"])
      .select([
        "application.applicant_type",
        "application.full_name",
        "application.father_name",
        "application.date_of_birth",
        "application.gender",
        "application.cnic",
      ])
      .select([
        "application.passport_number",
        "application.passport_country",
        "application.nationality",
        "application.email",
        "application.phone",
      ])
      .select([
        "application.residence_country",
        "application.residence_city",
        "application.purpose",
        "application.purpose_other",
        "application.destination_country",
      ])
      .select(["application.delivery", "application.collection_center_slug"])
      .where("certificate.reapply_token_hash", "=", hashToken(input.token))
      .where("certificate.reapply_used_at", "is", null)
      .executeTakeFirst();
    if (!sameText(found?.date_of_birth ?? "0000-00-00", input.dateOfBirth) || !found) return null;
    const addresses = await trx
      .selectFrom("application_address")
      .selectAll()
      .where("application_id", "=", found.applicationId)
      .orderBy("position")
      .execute();
    const answers = {
      // A relative's earlier application needs a fresh e-authority, so "who" is asked again.
      ...(found.applicant_type === "self" ? { who: { applicantType: "self" } } : {}),
      personal: {
        fullName: found.full_name,
        fatherName: found.father_name,
        dateOfBirth: found.date_of_birth,
        gender: found.gender,
        cnic: found.cnic,
        passportNumber: found.passport_number,
        passportCountry: found.passport_country,
        nationality: found.nationality,
      },
      contact: { email: found.email, phone: found.phone, residenceCountry: found.residence_country, residenceCity: found.residence_city },
      addresses: addresses.map((a) => ({
        district: a.district,
        policeStation: a.police_station,
        address: a.address,
        from: a.from_month,
        to: a.to_month,
      })),
      purpose: { purpose: found.purpose, purposeOther: found.purpose_other, destinationCountry: found.destination_country },
      delivery: { delivery: found.delivery, collectionCenter: found.collection_center_slug },
    };
    const { key } = await createDraft(trx, input.language, answers, now);
    await trx
      .updateTable("certificate")
      .set({ reapply_used_at: now.toISOString(), reapply_token_hash: null })
      .where("id", "=", found.certificateId)
      .execute();
    await insertAuditEvent(trx, {
      actorType: "applicant",
      action: "certificate.reapply_started",
      entityType: "application",
      entityId: found.applicationId,
      details: { certificate: found.certificateId },
      occurredAt: now,
    });
    return { draftKey: key };
  });
}

export type CertificateRecord = CertificateSummary & {
  holderName: string;
  officerName: string;
  reference: string;
  revokedByName: string | null;
};

/** What staff see of one certificate (the case page links here). */
export async function getCertificateRecord(
  db: Kysely<Database>,
  certificateId: string,
  now = new Date(),
): Promise<CertificateRecord | null> {
  const row = await db
    .selectFrom("certificate")
    .innerJoin("application", "application.id", "certificate.application_id")
    .leftJoin("staff_user", "staff_user.id", "certificate.revoked_by")
    .select(SUMMARY_COLUMNS.map((c) => `certificate.${c}` as const))
    .select(["certificate.full_name", "certificate.officer_name", "application.reference", "staff_user.display_name as revoked_by_name"])
    .where("certificate.id", "=", certificateId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...toSummary(row, now),
    holderName: row.full_name,
    officerName: row.officer_name,
    reference: row.reference,
    revokedByName: row.revoked_by_name,
  };
}
