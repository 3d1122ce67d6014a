/**
 * Certificates as records: the holder's and the staff view of one certificate, its stored PDF, and
 * the settings and mails the certificate jobs share. The jobs have a module each: issuing
 * (certificate-issue), verification by third parties (certificate-verification), revocation
 * (certificate-revocation), and expiry reminders with applying again (certificate-reminders).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { parseCertificateNumber } from "~/domain/certificate-number";
import { type CertificateState, certificateState } from "~/domain/certificate";
import type { Database } from "../../db/schema";
import type { ComposedMail } from "./outbox.server";
import { createStoreDocumentStorage } from "./document-storage.server";
import { type SigningSettings } from "./signing-identity.server";

export type CertificateSettings = {
  documentKey: Uint8Array;
  publicUrl: string;
  signing?: SigningSettings;
};

/** The mails certificates send, written by the caller in the holder's language (app/mails). */
export type CertificateMails = {
  /** `collectionCenter`: the center's name in the holder's language, when they collect it. */
  ready: (info: { reference: string; language: string; number: string; collectionCenter: string | null }) => ComposedMail;
  revoked: (info: { reference: string; language: string; number: string }) => ComposedMail;
  reminder: (info: { language: string; number: string; expiresAt: string; link: string }) => ComposedMail;
};

export function verificationUrl(publicUrl: string, number: string, code: string): string {
  return `${publicUrl}/verify/${number}?code=${code}`;
}

/** The digest recorded when a certificate PDF is issued and checked whenever it is served. */
export function pdfDigest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

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
  const actual = Buffer.from(pdfDigest(bytes), "hex");
  const recorded = Buffer.from(row.pdf_sha256, "hex");
  if (actual.length !== recorded.length || !timingSafeEqual(actual, recorded))
    throw new Error(`Certificate ${row.number}: stored PDF does not match its recorded SHA-256`);
  return { number: row.number, bytes };
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
