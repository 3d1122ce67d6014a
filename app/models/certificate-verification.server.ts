/** Verification by third parties: a certificate's number and code, answered the same way whatever was wrong. */
import type { Kysely } from "kysely";
import { parseCertificateNumber } from "~/domain/certificate-number";
import { type CertificateContent, type CertificateResult, type CertificateState, certificateState } from "~/domain/certificate";
import { verificationCodeKey, verificationCodeMatches } from "~/domain/verification-code.server";
import { normalizeVerificationCode } from "~/domain/verification-code";
import { type Lang } from "~/i18n";
import type { Database } from "../../db/schema";
import { createStoreDocumentStorage } from "./document-storage.server";
import { findCenterNames } from "./center.server";

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
    content: toContent(row, await findCenterNames(db, row.center_slug)),
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
