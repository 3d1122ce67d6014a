/**
 * What a citizen may upload, and how a refusal is worded. No I/O: the server checks the bytes
 * (app/uploads/document-check.server.ts) and the pages use these rules and message keys.
 */

export const DOCUMENT_KINDS = ["passport", "cnic_front", "cnic_back", "photo", "evidence"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Who a document belongs to: an unsubmitted draft, a submitted application, an answer to staff, or
 * a holder's dispute of an issued certificate (its evidence).
 */
/** `report_journey`: evidence of a smuggling report not yet sent, owned by the journey's random id. */
export const DOCUMENT_OWNER_TYPES = [
  "draft",
  "application",
  "information_response",
  "dispute",
  "report_journey",
  "report",
  "report_message",
] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];
export type DocumentOwner = { ownerType: DocumentOwnerType; ownerId: string };

export const DOCUMENT_CONTENT_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** Per file. The route refuses larger request bodies before they reach the check. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Decoded size limit: a small PNG can claim 100,000 × 100,000 pixels and exhaust memory. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Stored images are scaled down to this longest side: enough to read a passport page, no more. */
export const MAX_IMAGE_EDGE = 3000;
export const MAX_PDF_PAGES = 50;
/** Evidence files add up (one answer may need several); every other kind holds one file. */
export const MAX_EVIDENCE_FILES = 10;

const ACCEPTED: Record<DocumentKind, readonly DocumentContentType[]> = {
  passport: DOCUMENT_CONTENT_TYPES,
  cnic_front: DOCUMENT_CONTENT_TYPES,
  cnic_back: DOCUMENT_CONTENT_TYPES,
  // The photo is printed on the certificate, so it must be a picture, not a scan inside a PDF.
  photo: ["image/jpeg", "image/png"],
  evidence: DOCUMENT_CONTENT_TYPES,
};

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export function isDocumentOwnerType(value: unknown): value is DocumentOwnerType {
  return typeof value === "string" && (DOCUMENT_OWNER_TYPES as readonly string[]).includes(value);
}

export function acceptedContentTypes(kind: DocumentKind): readonly DocumentContentType[] {
  return ACCEPTED[kind];
}

export function isAcceptedContentType(kind: DocumentKind, contentType: string): contentType is DocumentContentType {
  return (ACCEPTED[kind] as readonly string[]).includes(contentType);
}

/** True when a new upload of this kind replaces the owner's previous one instead of adding to it. */
export function replacesPrevious(kind: DocumentKind): boolean {
  return kind !== "evidence";
}

const EXTENSIONS: Record<DocumentContentType, string> = {
  "image/jpeg": ".jpg,.jpeg",
  "image/png": ".png",
  "application/pdf": ".pdf",
};

/**
 * For `<input type="file" accept>`: only narrows the browser's file picker. The server never
 * trusts a file's name or declared type; it reads the content.
 */
export function acceptAttribute(kind: DocumentKind): string {
  return ACCEPTED[kind].flatMap((type) => [type, EXTENSIONS[type]]).join(",");
}

export const DOCUMENT_REJECTIONS = [
  "empty",
  "tooLarge",
  "wrongType",
  "photoMustBeImage",
  "unreadable",
  "dimensionsTooLarge",
  "pdfTooManyPages",
  "tooManyFiles",
] as const;
export type DocumentRejection = (typeof DOCUMENT_REJECTIONS)[number];

/** The translation key for a refusal, e.g. `documents:errors.tooLarge`. */
export function rejectionMessageKey(reason: DocumentRejection): `documents:errors.${DocumentRejection}` {
  return `documents:errors.${reason}`;
}

/**
 * The checks that need only the length, in the order the citizen should hear about them.
 * Run before any parsing so a huge or empty body costs nothing.
 */
export function sizeRejection(byteLength: number): "empty" | "tooLarge" | null {
  if (byteLength === 0) return "empty";
  if (byteLength > MAX_DOCUMENT_BYTES) return "tooLarge";
  return null;
}

/** Type names shown next to an uploaded file, e.g. `documents:type.pdf`. */
export function contentTypeLabelKey(contentType: DocumentContentType): `documents:type.${"jpeg" | "png" | "pdf"}` {
  if (contentType === "image/jpeg") return "documents:type.jpeg";
  if (contentType === "image/png") return "documents:type.png";
  return "documents:type.pdf";
}

/** Size in whole kilobytes for `documents:sizeKb`, rounded up so a small file never shows "0 KB". */
export function sizeInKb(byteLength: number): number {
  return Math.max(1, Math.ceil(byteLength / 1024));
}
