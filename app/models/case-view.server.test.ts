import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { seedReferenceData } from "../../db/seed";
import { testApplication } from "../../test/support/application-fixture";
import { verifyAuditChain } from "./audit.server";
import { downloadCaseDocument } from "./case-view.server";
import { createStoreDocumentStorage } from "./document-storage.server";
import { saveDocument } from "./document.server";

const documentKey = randomBytes(32);

describeEachStore("case view", (store) => {
  it("serves a case's document and puts the download on record; an unknown document records nothing", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const row = testApplication({ status: "in_review", submitted_at: new Date().toISOString() });
    await db.insertInto("application").values(row).execute();
    const bytes = new TextEncoder().encode("%PDF-1.7 passport");
    const saved = await saveDocument(db, createStoreDocumentStorage(db, documentKey), {
      ownerType: "application",
      ownerId: row.id,
      kind: "passport",
      contentType: "application/pdf",
      bytes,
    });
    const actor = { actorType: "staff" as const, actorId: null, sessionRef: "session-ref" };
    const found = await downloadCaseDocument(db, documentKey, { documentId: saved.id, applicationId: row.id, actor });
    expect(found?.meta).toMatchObject({ id: saved.id, kind: "passport", contentType: "application/pdf" });
    expect(Buffer.from(found!.bytes).toString()).toBe("%PDF-1.7 passport");
    expect(await downloadCaseDocument(db, documentKey, { documentId: "no-such-document", applicationId: row.id, actor })).toBeNull();
    const events = await db.selectFrom("audit_event").select("action").where("entity_id", "=", row.id).execute();
    expect(events.map((e) => e.action)).toEqual(["document.downloaded"]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
