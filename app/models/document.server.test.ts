import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { MAX_EVIDENCE_FILES } from "~/domain/document-rules";
import { describeEachStore } from "../../test/support/stores";
import {
  countUnreferencedBlobs,
  deleteDocument,
  deleteDocumentsOf,
  deleteUnreferencedBlobs,
  DocumentLimitError,
  findDocumentCaseId,
  listDocuments,
  moveDocuments,
  readDocument,
  saveDocument,
  UNREFERENCED_BLOB_GRACE_MS,
} from "./document.server";
import { createStoreDocumentStorage, type DocumentStorage, newStorageId } from "./document-storage.server";
import { SIGNING_IDENTITY_BLOB } from "./signing-identity.server";

const key = randomBytes(32);
const bytes = (s: string) => new TextEncoder().encode(s);
const jpeg = (tag: string) => new Uint8Array([0xff, 0xd8, 0xff, ...bytes(tag)]);

async function blobIds(db: Parameters<typeof listDocuments>[0]) {
  return (await db.selectFrom("blob").select("id").execute()).map((r) => r.id).sort();
}

describeEachStore("documents", (store) => {
  const draft = () => ({ ownerType: "draft" as const, ownerId: `draft-${randomBytes(4).toString("hex")}` });

  it("saves, lists metadata and reads back the bytes, stored encrypted", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const owner = draft();
    const saved = await saveDocument(db, storage, {
      ...owner,
      kind: "passport",
      contentType: "application/pdf",
      bytes: bytes("%PDF-1.7 passport"),
    });
    expect(saved).toMatchObject({ kind: "passport", contentType: "application/pdf", size: 17 });
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const list = await listDocuments(db, owner.ownerType, owner.ownerId);
    expect(list).toEqual([expect.objectContaining({ id: saved.id, kind: "passport", contentType: "application/pdf", size: 17, ...owner })]);
    expect(Object.keys(list[0]!)).not.toContain("bytes");

    const read = await readDocument(db, storage, saved.id);
    expect(read && Buffer.from(read.bytes).toString()).toBe("%PDF-1.7 passport");

    const { blob_id } = await db.selectFrom("document").select("blob_id").where("id", "=", saved.id).executeTakeFirstOrThrow();
    expect(blob_id).not.toBe(saved.id);
    const raw = await db.selectFrom("blob").select("content").where("id", "=", blob_id).executeTakeFirstOrThrow();
    expect(Buffer.from(raw.content).includes(Buffer.from("%PDF"))).toBe(false);
  });

  it("replaces a document of the same kind and deletes the old bytes", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const owner = draft();
    const first = await saveDocument(db, storage, { ...owner, kind: "photo", contentType: "image/jpeg", bytes: jpeg("first") });
    const other = await saveDocument(db, storage, { ...owner, kind: "cnic_front", contentType: "image/jpeg", bytes: jpeg("cnic") });
    const { blob_id: oldBlob } = await db.selectFrom("document").select("blob_id").where("id", "=", first.id).executeTakeFirstOrThrow();

    const second = await saveDocument(db, storage, { ...owner, kind: "photo", contentType: "image/png", bytes: bytes("\x89PNG second") });
    const list = await listDocuments(db, owner.ownerType, owner.ownerId);
    expect(list.map((d) => d.id).sort()).toEqual([other.id, second.id].sort());
    expect(await readDocument(db, storage, first.id)).toBeNull();
    expect(await db.selectFrom("blob").select("id").where("id", "=", oldBlob).executeTakeFirst()).toBeUndefined();
    expect(await storage.get(oldBlob)).toBeNull();
  });

  it("adds evidence files up to the limit", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const owner = { ownerType: "information_response" as const, ownerId: "response-1" };
    for (let i = 0; i < MAX_EVIDENCE_FILES; i++) {
      await saveDocument(db, storage, { ...owner, kind: "evidence", contentType: "application/pdf", bytes: bytes(`%PDF evidence ${i}`) });
    }
    const before = await blobIds(db);
    await expect(
      saveDocument(db, storage, { ...owner, kind: "evidence", contentType: "application/pdf", bytes: bytes("%PDF one too many") }),
    ).rejects.toBeInstanceOf(DocumentLimitError);
    expect(await blobIds(db)).toEqual(before); // the refused upload's bytes were removed again
    expect(await listDocuments(db, owner.ownerType, owner.ownerId)).toHaveLength(MAX_EVIDENCE_FILES);
  });

  it("reads only the owner's documents when an owner is given", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const mine = draft();
    const saved = await saveDocument(db, storage, { ...mine, kind: "passport", contentType: "image/jpeg", bytes: jpeg("mine") });
    expect(await readDocument(db, storage, saved.id, mine)).not.toBeNull();
    expect(await readDocument(db, storage, saved.id, draft())).toBeNull();
    expect(await readDocument(db, storage, saved.id, { ownerType: "application", ownerId: mine.ownerId })).toBeNull();
    expect(await readDocument(db, storage, "no-such-document")).toBeNull();
    expect(await deleteDocument(db, storage, saved.id, draft())).toBe(false);
    expect(await deleteDocument(db, storage, saved.id, mine)).toBe(true);
    expect(await readDocument(db, storage, saved.id)).toBeNull();
  });

  it("moves a draft's documents to the application on submission, in the caller's transaction", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const from = draft();
    const to = { ownerType: "application" as const, ownerId: `app-${randomBytes(4).toString("hex")}` };
    for (const kind of ["passport", "cnic_front", "cnic_back", "photo"] as const) {
      await saveDocument(db, storage, { ...from, kind, contentType: "image/jpeg", bytes: jpeg(kind) });
    }
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await moveDocuments(trx, from, to)).toBe(4);
        throw new Error("submission failed");
      }),
    ).rejects.toThrow("submission failed");
    expect(await listDocuments(db, from.ownerType, from.ownerId)).toHaveLength(4);

    expect(await db.transaction().execute((trx) => moveDocuments(trx, from, to))).toBe(4);
    expect(await listDocuments(db, from.ownerType, from.ownerId)).toEqual([]);
    const moved = await listDocuments(db, to.ownerType, to.ownerId);
    expect(moved.map((d) => d.kind).sort()).toEqual(["cnic_back", "cnic_front", "passport", "photo"]);
    const photo = await readDocument(db, storage, moved.find((d) => d.kind === "photo")!.id, to);
    expect(Buffer.from(photo!.bytes).subarray(3).toString()).toBe("photo");
  });

  it("saves inside a caller's transaction with a storage built on it, and rolls back together", async () => {
    const { db } = store();
    const owner = draft();
    const before = await blobIds(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await saveDocument(trx, createStoreDocumentStorage(trx, key), {
          ...owner,
          kind: "passport",
          contentType: "image/jpeg",
          bytes: jpeg("x"),
        });
        expect(await listDocuments(trx, owner.ownerType, owner.ownerId)).toHaveLength(1);
        throw new Error("audit failed");
      }),
    ).rejects.toThrow("audit failed");
    expect(await listDocuments(db, owner.ownerType, owner.ownerId)).toEqual([]);
    expect(await blobIds(db)).toEqual(before);

    const saved = await db.transaction().execute((trx) =>
      saveDocument(trx, createStoreDocumentStorage(trx, key), {
        ...owner,
        kind: "passport",
        contentType: "image/jpeg",
        bytes: jpeg("y"),
      }),
    );
    expect(await readDocument(db, createStoreDocumentStorage(db, key), saved.id, owner)).not.toBeNull();
  });

  it("keeps one document per identity kind even when saves race", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const owner = draft();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        saveDocument(db, storage, { ...owner, kind: "photo", contentType: "image/jpeg", bytes: jpeg(`race ${i}`) }),
      ),
    );
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const list = await listDocuments(db, owner.ownerType, owner.ownerId);
    expect(list).toHaveLength(1);
    // Every blob still in the table belongs to a document: losers and replaced uploads left nothing behind.
    const referenced = (await db.selectFrom("document").select("blob_id").execute()).map((r) => r.blob_id).sort();
    expect(await blobIds(db)).toEqual(referenced);
  });

  it("deletes all of an owner's documents and their bytes", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const owner = draft();
    const keep = draft();
    await saveDocument(db, storage, { ...owner, kind: "passport", contentType: "image/jpeg", bytes: jpeg("a") });
    await saveDocument(db, storage, { ...owner, kind: "photo", contentType: "image/jpeg", bytes: jpeg("b") });
    const kept = await saveDocument(db, storage, { ...keep, kind: "photo", contentType: "image/jpeg", bytes: jpeg("c") });
    const blobsBefore = (await blobIds(db)).length;

    expect(await deleteDocumentsOf(db, storage, owner.ownerType, owner.ownerId)).toBe(2);
    expect(await listDocuments(db, owner.ownerType, owner.ownerId)).toEqual([]);
    expect((await blobIds(db)).length).toBe(blobsBefore - 2);
    expect(await readDocument(db, storage, kept.id)).not.toBeNull();
  });

  it("removes bytes a crash left without their row once they are past the grace time, and nothing else", async () => {
    const { db } = store();
    const written = new Date("2026-12-01T10:00:00.000Z");
    const storage = createStoreDocumentStorage(db, key, () => written);
    // A save cut short after its bytes (the process killed before the row), and one that finished.
    const orphan = newStorageId();
    await storage.put(orphan, jpeg("cut short"));
    const kept = await saveDocument(db, storage, { ...draft(), kind: "photo", contentType: "image/jpeg", bytes: jpeg("whole") }, written);
    await storage.put(SIGNING_IDENTITY_BLOB, bytes("identity")).catch(() => {});
    const before = await countUnreferencedBlobs(db);
    expect(before).toBeGreaterThanOrEqual(1);

    // A save in progress elsewhere looks like an orphan for a moment: it is left alone.
    expect(await deleteUnreferencedBlobs(db, new Date(written.getTime() + UNREFERENCED_BLOB_GRACE_MS - 1))).toBe(0);
    expect(await blobIds(db)).toContain(orphan);

    expect(await deleteUnreferencedBlobs(db, new Date(written.getTime() + UNREFERENCED_BLOB_GRACE_MS + 1))).toBe(before);
    const left = await blobIds(db);
    expect(left).not.toContain(orphan);
    expect(left).toContain(SIGNING_IDENTITY_BLOB);
    expect(await countUnreferencedBlobs(db)).toBe(0);
    expect(await readDocument(db, storage, kept.id)).not.toBeNull();
  });

  it("reports a document whose bytes are missing instead of hiding it", async () => {
    const { db } = store();
    const owner = draft();
    const saved = await saveDocument(db, createStoreDocumentStorage(db, key), {
      ...owner,
      kind: "passport",
      contentType: "image/jpeg",
      bytes: jpeg("z"),
    });
    const forgetful: DocumentStorage = { put: async () => {}, get: async () => null, delete: async () => {} };
    await expect(readDocument(db, forgetful, saved.id)).rejects.toThrow(/no stored content/);
  });

  it("finds the case an application's document belongs to, and none for a draft's or an unknown id", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const applicationId = `application-${randomBytes(4).toString("hex")}`;
    const owned = await saveDocument(db, storage, {
      ownerType: "application",
      ownerId: applicationId,
      kind: "photo",
      contentType: "image/jpeg",
      bytes: jpeg("p"),
    });
    const drafted = await saveDocument(db, storage, { ...draft(), kind: "photo", contentType: "image/jpeg", bytes: jpeg("d") });
    expect(await findDocumentCaseId(db, owned.id)).toBe(applicationId);
    expect(await findDocumentCaseId(db, drafted.id)).toBeNull();
    expect(await findDocumentCaseId(db, "no-such-document")).toBeNull();
  });
});
