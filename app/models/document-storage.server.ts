/**
 * Where document bytes live. One storage interface so an object store can replace the database
 * table later without touching the document model or the routes.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { decryptBlob, encryptBlob } from "~/utils/document-crypto.server";
import type { Database } from "../../db/schema";

export interface DocumentStorage {
  put(id: string, bytes: Uint8Array): Promise<void>;
  get(id: string): Promise<Uint8Array | null>;
  delete(id: string): Promise<void>;
}

/**
 * 128 random bits, base64url. Ids never come from file names: a name could collide, leak personal
 * details into logs and URLs, or let one applicant guess another's file.
 */
export function newStorageId(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * Stores documents encrypted in the `blob` table. Inside a transaction, build it on that
 * transaction (`createStoreDocumentStorage(trx, key)`): on SQLite a storage built on the outer
 * `db` would wait for the connection the transaction holds. `now` dates the rows: the anonymous
 * report routes pass the start of the day, so no stored time ties a file to a moment.
 */
export function createStoreDocumentStorage(db: Kysely<Database>, key: Uint8Array, now: () => Date = () => new Date()): DocumentStorage {
  return {
    async put(id, bytes) {
      await db
        .insertInto("blob")
        // The id is authenticated with the content, so a row copied onto another id is refused.
        .values({ id, content: encryptBlob(key, bytes, id), size: bytes.length, created_at: now().toISOString() })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom("blob").select("content").where("id", "=", id).executeTakeFirst();
      return row ? decryptBlob(key, row.content, id) : null;
    },
    async delete(id) {
      await db.deleteFrom("blob").where("id", "=", id).execute();
    },
  };
}
