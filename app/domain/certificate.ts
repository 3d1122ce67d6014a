/**
 * Certificates as rules without I/O: how long one is valid, what state it is in, why it can be
 * revoked, when the holder is reminded, which language its translation page is in, and where an
 * apostille is the way to have it accepted abroad.
 */
import { CERTIFICATE_VALID_DAYS } from "./certificate-journey";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The holder is reminded this many days before the certificate expires, once. */
export const EXPIRY_REMINDER_DAYS = 14;

/** What the police checks found. One outcome today; the field exists so the record says it explicitly. */
export const CERTIFICATE_RESULTS = ["no_record"] as const;
export type CertificateResult = (typeof CERTIFICATE_RESULTS)[number];

/**
 * What a holder brings to collect a certificate in person. One list, read by the tracking page and
 * the "ready" mail, so the two never ask for different documents (texts: track:collection.items.*).
 */
export const COLLECTION_DOCUMENTS = ["passport", "cnic", "reference"] as const;

export type CertificateState = "valid" | "expired" | "revoked";

export function expiryFor(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + CERTIFICATE_VALID_DAYS * DAY_MS);
}

/** Revocation wins over expiry: a revoked certificate says so, with its date, even after it would have expired. */
export function certificateState(certificate: { revokedAt: string | null; expiresAt: string }, now = new Date()): CertificateState {
  if (certificate.revokedAt) return "revoked";
  return new Date(certificate.expiresAt).getTime() <= now.getTime() ? "expired" : "valid";
}

/** True while the reminder is due: valid, not yet reminded, and expiring within EXPIRY_REMINDER_DAYS. */
export function reminderDue(
  certificate: { revokedAt: string | null; expiresAt: string; reminderSentAt: string | null },
  now = new Date(),
): boolean {
  if (certificate.reminderSentAt || certificateState(certificate, now) !== "valid") return false;
  return new Date(certificate.expiresAt).getTime() - now.getTime() <= EXPIRY_REMINDER_DAYS * DAY_MS;
}

/** The earliest expiry that is due a reminder now (for the housekeeping query). */
export function reminderHorizon(now = new Date()): Date {
  return new Date(now.getTime() + EXPIRY_REMINDER_DAYS * DAY_MS);
}

export const REVOCATION_REASONS = [
  "issued_in_error",
  "new_information",
  "identity_fraud",
  "holder_request",
  "dispute_upheld",
  "other",
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export function isRevocationReason(value: unknown): value is RevocationReason {
  return typeof value === "string" && (REVOCATION_REASONS as readonly string[]).includes(value);
}

export const DISPUTE_STATUSES = ["open", "upheld", "dismissed"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export type DisputeDecision = Exclude<DisputeStatus, "open">;

/** Longest text a holder or supervisor writes about a dispute. */
export const DISPUTE_TEXT_MAX = 2000;

/**
 * The language of the PDF's second page: an informative translation for the destination's
 * authorities. Greek and Italian are the portal's languages abroad; elsewhere English serves.
 */
export type TranslationLanguage = "el" | "it" | "en";
const TRANSLATION_FOR_COUNTRY: Readonly<Record<string, TranslationLanguage>> = { GR: "el", CY: "el", IT: "it", SM: "it", VA: "it" };

export function translationLanguage(countryCode: string): TranslationLanguage {
  return TRANSLATION_FOR_COUNTRY[countryCode] ?? "en";
}

/**
 * Parties to the Hague Apostille Convention (ISO 3166 codes) besides Pakistan, which joined in
 * 2023: their authorities accept a Pakistani certificate with an apostille from the Ministry of
 * Foreign Affairs instead of embassy legalisation. Checked against the HCCH status table in 2025;
 * the tracking page still tells the holder to confirm with the authority that asked.
 */
export const APOSTILLE_COUNTRIES: ReadonlySet<string> = new Set(
  (
    "AD AG AL AM AR AT AU AZ BA BB BE BG BH BI BN BO BR BS BW BY BZ CA CH CK CL CN CO CR CV CY CZ DE DK DM DO EC EE ES FI FJ FR " +
    "GB GD GE GR GT GY HN HR HU IE IL IN IS IT JM JP KG KN KR KZ LC LI LR LS LT LU LV MA MC MD ME MH MK MN MT MU MW MX NA NI NL NO " +
    "NU NZ OM PA PE PH PL PT PW PY RO RS RU RW SA SC SE SG SI SK SM SN SR ST SV SZ TJ TN TO TR TT UA US UY UZ VC VE VU WS XK ZA"
  ).split(" "),
);

export function acceptsApostille(countryCode: string): boolean {
  return APOSTILLE_COUNTRIES.has(countryCode);
}

/** What a certificate says, as issued: the PDF and the verification page are both drawn from it. */
export type CertificateContent = {
  number: string;
  fullName: string;
  fatherName: string;
  /** ISO date. */
  dateOfBirth: string;
  /** 13 digits. */
  cnic: string;
  passportNumber: string;
  passportCountry: string;
  purpose: string;
  purposeOther: string | null;
  destinationCountry: string;
  result: CertificateResult;
  /** The issuing center's name in each portal language. */
  centerNames: Readonly<Record<"ur" | "en" | "el" | "it", string>>;
  officerName: string;
  issuedAt: string;
  expiresAt: string;
};
