/**
 * Reading uploads from a multipart form without ever holding more than a document's limit in
 * memory: an oversized file is read to its end (so the browser gets an answer, not a reset) and
 * dropped, and the page says which field was too large.
 */
import { type AppLoadContext, unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { type DocumentKind, type DocumentOwner, MAX_DOCUMENT_BYTES, rejectionMessageKey } from "~/domain/document-rules";
import { createStoreDocumentStorage } from "~/models/document-storage.server";
import { type DocumentUpload, saveDocument } from "~/models/document.server";
import { inspectUpload } from "~/uploads/document-check.server";
import { readForm } from "~/utils/form.server";
import type { FieldErrors } from "~/utils/form";

const TOO_LARGE = "\u0000too-large";

function boundedUploadHandler(fileFields: readonly string[]): UploadHandler {
  return async ({ name, filename, data }) => {
    if (!fileFields.includes(name)) {
      // Text fields: small by the body limit; read them as text.
      const chunks: Uint8Array[] = [];
      for await (const chunk of data) chunks.push(chunk);
      return filename === undefined ? Buffer.concat(chunks).toString("utf8") : undefined;
    }
    const kept: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= MAX_DOCUMENT_BYTES) kept.push(chunk);
    }
    if (!filename && size === 0) return undefined; // no file chosen
    if (size > MAX_DOCUMENT_BYTES) return TOO_LARGE;
    return new File([Buffer.concat(kept)], "upload", { type: "application/octet-stream" });
  };
}

export async function readUploadForm(request: Request, fileFields: readonly string[]): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return readForm(request);
  return readForm(request, (r) => parseMultipartFormData(r, boundedUploadHandler(fileFields)));
}

/** One form value of a file field: null when no file was chosen, else the checked upload or the key of what is wrong. */
export async function checkUpload(
  value: FormDataEntryValue | null,
  kind: DocumentKind,
): Promise<null | { ok: true; upload: DocumentUpload } | { ok: false; error: string }> {
  if (value === null || value === "") return null;
  if (value === TOO_LARGE) return { ok: false, error: rejectionMessageKey("tooLarge") };
  if (typeof value === "string") return null;
  const inspected = await inspectUpload(new Uint8Array(await value.arrayBuffer()), kind);
  if (!inspected.ok) return { ok: false, error: rejectionMessageKey(inspected.reason) };
  return { ok: true, upload: { kind, contentType: inspected.contentType, bytes: inspected.bytes } };
}

/** True when the field carries a file, including one refused on the way in as too large. */
export function hasChosenFile(formData: FormData, field: string): boolean {
  const value = formData.get(field);
  return value instanceof File || value === TOO_LARGE;
}

/**
 * Checks each chosen file without storing it: the uploads that pass, and a translated-key error
 * per field that failed, for a model that stores them with the change they belong to.
 */
export async function checkUploads(
  formData: FormData,
  fields: readonly DocumentKind[],
): Promise<{ uploads: DocumentUpload[]; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const uploads: DocumentUpload[] = [];
  for (const kind of fields) {
    const checked = await checkUpload(formData.get(kind), kind);
    if (!checked) continue;
    if (checked.ok) uploads.push(checked.upload);
    else errors[kind] = checked.error;
  }
  return { uploads, errors };
}

/**
 * Checks and stores each chosen file for the owner; returns a translated-key error per field that
 * failed. Files that pass are kept even when another fails, so nobody uploads twice.
 */
export async function storeUploads(
  context: AppLoadContext,
  owner: DocumentOwner,
  formData: FormData,
  fields: readonly DocumentKind[],
): Promise<FieldErrors> {
  const { uploads, errors } = await checkUploads(formData, fields);
  const storage = createStoreDocumentStorage(context.db, context.documentKey);
  for (const upload of uploads) await saveDocument(context.db, storage, { ...owner, ...upload });
  return errors;
}

export { missingDocuments } from "~/models/document.server";
