import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { MAX_EVIDENCE_FILES } from "~/domain/document-rules";
import { describeEachStore } from "../../test/support/stores";
import { seedReferenceData } from "../../db/seed";
import { testApplication } from "../../test/support/application-fixture";
import { verifyAuditChain } from "./audit.server";
import { DocumentLimitError, findDocumentCaseId, listDocuments } from "./document.server";
import { answerInformationRequestWithEvidence, askForInformation, findOpenRequest } from "./information-request.server";
import { insertTestStaffUser } from "../../test/support/staff-accounts";

const documentKey = randomBytes(32);
const pdf = () => ({
  kind: "evidence" as const,
  contentType: "application/pdf" as const,
  bytes: new TextEncoder().encode("%PDF-1.7 letter"),
});

describeEachStore("information requests", (store) => {
  /** A case of lahore in review, with an open question from its officer. */
  async function askedCase() {
    const { db } = store();
    await seedReferenceData(db);
    const officerId = await insertTestStaffUser(db, { role: "officer", centerSlug: "lahore", displayName: "Ayesha Siddiqui" });
    const row = testApplication({ status: "in_review", submitted_at: new Date().toISOString(), assigned_to: officerId });
    await db.insertInto("application").values(row).execute();
    const asked = await askForInformation(db, {
      applicationId: row.id,
      question: "Please send your employer's letter.",
      staffUserId: officerId,
    });
    expect(asked.ok).toBe(true);
    return { applicationId: row.id, requestId: asked.requestId! };
  }

  async function blobCount() {
    const { n } = await store()
      .db.selectFrom("blob")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  it("stores the answer, its file and the status change together; the file belongs to the case", async () => {
    const { db } = store();
    const { applicationId, requestId } = await askedCase();
    const outcome = await answerInformationRequestWithEvidence(db, documentKey, {
      applicationId,
      requestId,
      answer: "Attached.",
      evidence: [pdf()],
    });
    expect(outcome).toMatchObject({ ok: true, status: "in_review" });
    expect(await findOpenRequest(db, applicationId)).toBeNull();
    const files = await listDocuments(db, "information_response", requestId);
    expect(files.map((f) => f.kind)).toEqual(["evidence"]);
    expect(await findDocumentCaseId(db, files[0]!.id)).toBe(applicationId);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("keeps no file when the answer cannot be recorded", async () => {
    const { db } = store();
    const { applicationId, requestId } = await askedCase();
    expect(
      (await answerInformationRequestWithEvidence(db, documentKey, { applicationId, requestId, answer: "First.", evidence: [] })).ok,
    ).toBe(true);
    const blobs = await blobCount();
    // Answered already: the case is back in review, so the second answer is refused and its file with it.
    const again = await answerInformationRequestWithEvidence(db, documentKey, {
      applicationId,
      requestId,
      answer: "Again.",
      evidence: [pdf()],
    });
    expect(again.ok).toBe(false);
    expect(await listDocuments(db, "information_response", requestId)).toEqual([]);
    expect(await blobCount()).toBe(blobs);
  });

  it("rolls the answer back with its files when one of them cannot be stored", async () => {
    const { db } = store();
    const { applicationId, requestId } = await askedCase();
    const blobs = await blobCount();
    const tooMany = Array.from({ length: MAX_EVIDENCE_FILES + 1 }, pdf);
    await expect(
      answerInformationRequestWithEvidence(db, documentKey, { applicationId, requestId, answer: "Here.", evidence: tooMany }),
    ).rejects.toBeInstanceOf(DocumentLimitError);
    expect(await findOpenRequest(db, applicationId)).toMatchObject({ id: requestId });
    expect(await listDocuments(db, "information_response", requestId)).toEqual([]);
    expect(await blobCount()).toBe(blobs);
  });
});
