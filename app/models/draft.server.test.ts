import { expect, it } from "vitest";
import { seedReferenceData } from "../../db/seed";
import { TEST_PERSONAL, testApplication } from "../../test/support/application-fixture";
import { describeEachStore } from "../../test/support/stores";
import { createStoreDocumentStorage } from "./document-storage.server";
import { listDocuments, saveDocument } from "./document.server";
import { createDraft, deleteExpiredDrafts, openDraft, redeemResumeKey, rotateDraftSecret, saveDraftStep } from "./draft.server";

const KEY = new Uint8Array(32).fill(3);
/** Stored answers are read back only in their page's shape (app/schemas/draft-answers.ts). */
const PERSONAL = TEST_PERSONAL;

describeEachStore("drafts", (store) => {
  it("opens only with the right secret, keeps answers, and rotates the secret", async () => {
    const { db } = store();
    const { draft, key } = await createDraft(db, "ur");
    expect(await openDraft(db, key)).toMatchObject({ id: draft.id, language: "ur", answers: {} });
    const [id, secret] = key.split(".") as [string, string];
    for (const forged of [`${id}.${secret.slice(0, -2)}xx`, `${id}.`, secret, `${id}.${secret}.x`, "", null]) {
      expect(await openDraft(db, forged)).toBeNull();
    }
    await saveDraftStep(db, draft, "personal", PERSONAL);
    expect((await openDraft(db, key))?.answers).toEqual({ personal: PERSONAL });
    const next = await rotateDraftSecret(db, draft.id);
    expect(await openDraft(db, key)).toBeNull();
    expect((await openDraft(db, next))?.id).toBe(draft.id);
  });

  it("expires after 30 days without a change, with its documents", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, KEY);
    const start = new Date("2026-01-01T00:00:00.000Z");
    const { draft, key } = await createDraft(db, "en", {}, start);
    await saveDocument(db, storage, {
      ownerType: "draft",
      ownerId: draft.id,
      kind: "passport",
      contentType: "application/pdf",
      bytes: new TextEncoder().encode("%PDF-1.4 test"),
    });
    const day29 = new Date(start.getTime() + 29 * 86_400_000);
    expect(await openDraft(db, key, day29)).not.toBeNull();
    expect(await deleteExpiredDrafts(db, storage, day29)).toBe(0);
    const day31 = new Date(start.getTime() + 31 * 86_400_000);
    expect(await openDraft(db, key, day31)).toBeNull();
    expect(await deleteExpiredDrafts(db, storage, day31)).toBeGreaterThanOrEqual(1);
    expect(await listDocuments(db, "draft", draft.id)).toEqual([]);
    expect(await db.selectFrom("blob").select("id").execute()).toEqual([]);
  });

  // Issue #9 item 4: the resume link sits in a mailbox and a phone's history; once opened it must open nothing.
  it("redeems a resume link once, with a new key for this browser, and never for a sent or expired draft", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const { draft, key } = await createDraft(db, "ur", { personal: PERSONAL });
    const first = await redeemResumeKey(db, key);
    expect(first?.draft).toMatchObject({ id: draft.id, answers: { personal: PERSONAL }, reference: null });
    expect(first?.key).not.toBe(key);
    expect(first?.key.startsWith(`${draft.id}.`)).toBe(true);
    expect(await redeemResumeKey(db, key)).toBeNull();
    expect(await openDraft(db, key)).toBeNull();
    expect((await openDraft(db, first!.key))?.id).toBe(draft.id);

    const second = await redeemResumeKey(db, first!.key);
    expect(second).not.toBeNull();
    const [a, b] = await Promise.all([redeemResumeKey(db, second!.key), redeemResumeKey(db, second!.key)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const current = (a ?? b)!.key;

    const submitted = testApplication({ status: "submitted", submitted_at: new Date().toISOString(), draft_id: draft.id });
    await db.insertInto("application").values(submitted).execute();
    expect(await redeemResumeKey(db, current)).toBeNull();
    expect((await openDraft(db, current))?.reference).toBe(submitted.reference);

    const start = new Date("2026-01-01T00:00:00.000Z");
    const old = await createDraft(db, "it", {}, start);
    expect(await redeemResumeKey(db, old.key, new Date(start.getTime() + 31 * 86_400_000))).toBeNull();
    expect(await redeemResumeKey(db, old.key, new Date(start.getTime() + 29 * 86_400_000))).not.toBeNull();
  });
});

// Issue #10 item 2: answers saved before a rule changed (or damaged) are asked again, never used unchecked.
describeEachStore("draft answers read back", (store) => {
  it("drops a page whose stored answers no longer have its shape, and keeps the others", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const { draft, key } = await createDraft(db, "en", { personal: PERSONAL });
    await db
      .updateTable("draft")
      .set({ answers: JSON.stringify({ personal: PERSONAL, contact: { email: "a@example.com" }, who: { applicantType: "robot" } }) })
      .where("id", "=", draft.id)
      .execute();
    const opened = await openDraft(db, key);
    expect(opened?.answers).toEqual({ personal: PERSONAL });
    expect(opened?.droppedPages.sort()).toEqual(["contact", "who"]);
    // Answering the page again keeps it and clears it from the dropped list.
    const saved = await saveDraftStep(db, opened!, "who", { applicantType: "self" });
    expect(saved.droppedPages).toEqual(["contact"]);
    expect((await openDraft(db, key))?.answers).toEqual({ personal: PERSONAL, who: { applicantType: "self" } });
  });

  it("opens a draft whose stored answers are not JSON with nothing answered", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const { draft, key } = await createDraft(db, "en");
    await db.updateTable("draft").set({ answers: "{not json" }).where("id", "=", draft.id).execute();
    expect((await openDraft(db, key))?.answers).toEqual({});
  });
});
