/**
 * An issued case with its certificate (a stand-in PDF: tests of access and of form handling, not
 * of issuing), and a holder's dispute of one, made straight in a store.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { newCertificateNumber } from "~/domain/certificate-number.server";
import { openDispute } from "~/models/dispute.server";
import { createStoreDocumentStorage } from "~/models/document-storage.server";
import type { Database } from "../../db/schema";
import { testApplication } from "./application-fixture";

export type TestCertificate = { number: string; applicationId: string; certificateId: string };

export async function createTestCertificate(
  db: Kysely<Database>,
  { documentKey, centerSlug, officerId }: { documentKey: Buffer; centerSlug: string; officerId: string },
): Promise<TestCertificate> {
  const at = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
  const application = testApplication({ status: "issued", submitted_at: at, center_slug: centerSlug, assigned_to: officerId });
  await db.insertInto("application").values(application).execute();
  const storage = createStoreDocumentStorage(db, documentKey);
  const pdfBlobId = randomUUID();
  await storage.put(pdfBlobId, Buffer.from("%PDF-1.7 test"));
  const certificateId = randomUUID();
  const number = newCertificateNumber();
  const issuedAt = new Date().toISOString();
  await db
    .insertInto("certificate")
    .values({
      id: certificateId,
      number,
      code_hash: "0".repeat(64),
      application_id: application.id,
      full_name: "Ali Khan",
      father_name: "Ahmed Khan",
      date_of_birth: "1990-03-27",
      cnic: "3520212345671",
      passport_number: "AB1234567",
      passport_country: "PK",
      purpose: "work_visa",
      purpose_other: null,
      destination_country: "GR",
      result: "no_record",
      center_slug: centerSlug,
      officer_id: officerId,
      officer_name: "Test officer",
      language: "en",
      issued_at: issuedAt,
      expires_at: new Date(Date.now() + 180 * 24 * 60 * 60 * 1000).toISOString(),
      revoked_at: null,
      revoked_by: null,
      revocation_reason: null,
      revocation_note: null,
      pdf_blob_id: pdfBlobId,
      pdf_sha256: "0".repeat(64),
      photo_blob_id: null,
      expiry_reminder_sent_at: null,
      reapply_token_hash: null,
      reapply_used_at: null,
      created_at: issuedAt,
    })
    .execute();
  return { number, applicationId: application.id, certificateId };
}

/** A certificate of the center and an open dispute of it by its holder; the dispute's id. */
export async function createTestDispute(db: Kysely<Database>, options: Parameters<typeof createTestCertificate>[1]): Promise<string> {
  const certificate = await createTestCertificate(db, options);
  const opened = await openDispute(db, { applicationId: certificate.applicationId, text: "My father's name is misspelt." });
  if (!opened.ok) throw new Error(`dispute not opened: ${opened.problem}`);
  return opened.id;
}
