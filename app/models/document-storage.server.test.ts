import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { createStoreDocumentStorage, newStorageId } from "./document-storage.server";

const key = randomBytes(32);
const pdf = new TextEncoder().encode("%PDF-1.7\n% a passport scan\n");
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3]);

describeEachStore("document storage", (store) => {
  it("round-trips bytes and stores only ciphertext", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const [a, b] = [newStorageId(), newStorageId()];
    await storage.put(a, pdf);
    await storage.put(b, jpeg);
    expect(await storage.get(a)).toEqual(pdf);
    expect(await storage.get(b)).toEqual(jpeg);

    const rows = await db.selectFrom("blob").select(["id", "content", "size"]).where("id", "in", [a, b]).execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const raw = Buffer.from(row.content);
      expect(raw.subarray(0, 4).toString("latin1")).not.toBe("%PDF");
      expect(raw.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(false);
      expect(raw.includes(Buffer.from("passport"))).toBe(false);
      expect(raw[0]).toBe(1); // format version
    }
    expect(rows.find((r) => r.id === a)?.size).toBe(pdf.length);
  });

  it("returns null for an unknown id and forgets deleted blobs", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const id = newStorageId();
    expect(await storage.get(id)).toBeNull();
    await storage.put(id, pdf);
    await storage.delete(id);
    expect(await storage.get(id)).toBeNull();
    await storage.delete(id); // deleting twice is harmless
  });

  it("refuses content copied onto another id, or read with another key", async () => {
    const { db } = store();
    const storage = createStoreDocumentStorage(db, key);
    const [original, copy] = [newStorageId(), newStorageId()];
    await storage.put(original, pdf);
    await storage.put(copy, jpeg);
    const { content } = await db.selectFrom("blob").select("content").where("id", "=", original).executeTakeFirstOrThrow();
    await db.updateTable("blob").set({ content }).where("id", "=", copy).execute();
    await expect(storage.get(copy)).rejects.toThrow(/authentication/);
    await expect(createStoreDocumentStorage(db, randomBytes(32)).get(original)).rejects.toThrow(/authentication/);
  });

  it("makes ids random, 128 bits, URL-safe", () => {
    const ids = new Set(Array.from({ length: 1000 }, newStorageId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
