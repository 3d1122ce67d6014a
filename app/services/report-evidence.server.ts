/**
 * Evidence added during a report journey: screenshots, photos and PDFs, checked and rebuilt like
 * every upload (app/uploads: images re-encoded, so no EXIF or GPS survives; PDFs redrawn, so no
 * author, producer or XMP), stored encrypted under the journey's random id until the report is
 * sent. Rows carry the date only. Evidence of a journey never sent is removed by housekeeping.
 */
import type { AppLoadContext } from "@remix-run/node";
import { type DocumentContentType, type DocumentOwner, rejectionMessageKey } from "~/domain/document-rules";
import { createStoreDocumentStorage } from "~/models/document-storage.server";
import { deleteDocument, DocumentLimitError, listDocuments, saveDocument } from "~/models/document.server";
import { checkUpload } from "./documents-step.server";

export type JourneyEvidence = { id: string; contentType: DocumentContentType; size: number };

/** The start of today (UTC): the only time a report's rows may carry. */
export function startOfToday(now = new Date()): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
}

function storage(context: AppLoadContext) {
  return createStoreDocumentStorage(context.db, context.documentKey, () => startOfToday());
}

export async function listJourneyEvidence(context: AppLoadContext, journeyId: string): Promise<JourneyEvidence[]> {
  const documents = await listDocuments(context.db, "report_journey", journeyId);
  return documents.map((d) => ({ id: d.id, contentType: d.contentType, size: d.size }));
}

/**
 * Checks and stores every file chosen in the `evidence` field for its owner (a journey not yet
 * sent, or a report), dated by the day; the key of the first problem, if any. Files that pass are
 * kept even when another fails.
 */
export async function storeEvidenceFiles(
  context: AppLoadContext,
  owner: DocumentOwner,
  formData: FormData,
): Promise<{ problem: string | null; stored: number }> {
  let problem: string | null = null;
  let stored = 0;
  for (const value of formData.getAll("evidence")) {
    const checked = await checkUpload(value, "evidence");
    if (!checked) continue;
    if (!checked.ok) {
      problem ??= checked.error;
      continue;
    }
    try {
      await saveDocument(context.db, storage(context), { ...owner, ...checked.upload }, startOfToday());
      stored += 1;
    } catch (error) {
      if (!(error instanceof DocumentLimitError)) throw error;
      return { problem: rejectionMessageKey("tooManyFiles"), stored };
    }
  }
  return { problem, stored };
}

export async function addJourneyEvidence(context: AppLoadContext, journeyId: string, formData: FormData): Promise<string | null> {
  return (await storeEvidenceFiles(context, { ownerType: "report_journey", ownerId: journeyId }, formData)).problem;
}

export async function removeJourneyEvidence(context: AppLoadContext, journeyId: string, documentId: string): Promise<boolean> {
  return deleteDocument(context.db, storage(context), documentId, { ownerType: "report_journey", ownerId: journeyId });
}
