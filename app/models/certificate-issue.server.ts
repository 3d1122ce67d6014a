/**
 * Issuing is the lifecycle's "system" step (approved → issued): the PDF is made and signed before
 * the transaction (it takes most of a second), then the certificate row, its encrypted PDF and
 * photo, the status change, the audit events and the "certificate ready" mail are written in one
 * transaction. A failure leaves the case "approved", and housekeeping tries again.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { newCertificateNumber } from "~/domain/certificate-number.server";
import { type CertificateContent, expiryFor } from "~/domain/certificate";
import { hashVerificationCode, newVerificationCode, verificationCodeKey } from "~/domain/verification-code.server";
import { isLang } from "~/i18n";
import { renderCertificatePdf } from "~/pdf/certificate-pdf.server";
import { isUniqueViolation } from "../../db/errors";
import type { Database } from "../../db/schema";
import { insertAuditEvent } from "./audit.server";
import { transitionApplication } from "./case.server";
import { countIssueWrites } from "./dashboard.server";
import { createStoreDocumentStorage, newStorageId } from "./document-storage.server";
import { listDocuments, readDocument } from "./document.server";
import { loadSigningIdentity } from "./signing-identity.server";
import { findCenterNames } from "./center.server";
import { type CertificateMails, type CertificateSettings, pdfDigest, verificationUrl } from "./certificate.server";

/** The certificate's photo: small enough for a web page, sharp enough for print at about 190 dpi. */
export const CERTIFICATE_PHOTO = { width: 300, height: 400, quality: 80 } as const;

export type IssueOutcome =
  | { ok: true; number: string; certificateId: string }
  | { ok: false; problem: "not_found" | "not_approved" | "already_issued" | "no_photo" | "conflict" };

/** Re-encoded from the decoded pixels: EXIF, GPS and any other metadata are gone, orientation applied. */
export async function normaliseCertificatePhoto(bytes: Uint8Array): Promise<Buffer> {
  // Loaded on first issue, not at start: libvips is about 20 MB of RSS (decision 046).
  const { default: sharp } = await import("sharp");
  return sharp(bytes, { limitInputPixels: 50_000_000 })
    .rotate()
    .resize(CERTIFICATE_PHOTO.width, CERTIFICATE_PHOTO.height, { fit: "cover", position: "attention" })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: CERTIFICATE_PHOTO.quality, mozjpeg: false })
    .toBuffer();
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
  const names = await findCenterNames(db, application.center_slug);
  const collectionCenter =
    application.delivery === "collection" && application.collection_center_slug
      ? (await findCenterNames(db, application.collection_center_slug))[isLang(application.language) ? application.language : "en"]
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
    const pdfSha256 = pdfDigest(pdf);
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
            await insertAuditEvent(
              trx as Transaction<Database>,
              {
                actorType: "system",
                action: "certificate.issued",
                entityType: "application",
                entityId: applicationId,
                details: { certificate: id, number, pdfSha256 },
                occurredAt: now,
              },
              countIssueWrites(trx, {
                submittedAt: application.submitted_at,
                issuedAt: content.issuedAt,
                referralCenterSlug: application.referral_center_slug,
              }),
            );
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
