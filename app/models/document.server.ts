/**
 * Uploaded documents: metadata in the `document` table, bytes in a DocumentStorage.
 *
 * Storage is not transactional in general (an object store will not be), so the order of steps
 * keeps the database right whatever fails: bytes are written before the row that points at them,
 * and deleted only after the row that pointed at them is gone. A failure leaves at worst an
 * unreferenced blob, never a document without its bytes.
 *
 * Never call a storage built on the outer `db` from inside a transaction on SQLite: it waits for
 * the connection the transaction holds. Inside a transaction, pass the transaction and a storage
 * built on it (`createStoreDocumentStorage(trx, key)`).
 */
import type { Kysely } from "kysely";
import {
  type DocumentContentType,
  type DocumentKind,
  type DocumentOwner,
  type DocumentOwnerType,
  MAX_EVIDENCE_FILES,
  replacesPrevious,
} from "~/domain/document-rules";
import { REQUIRED_DOCUMENTS, type RequiredDocument } from "~/domain/certificate-journey";
import type { Database, Document } from "../../db/schema";
import { createStoreDocumentStorage, type DocumentStorage, newStorageId } from "./document-storage.server";
import { SIGNING_IDENTITY_BLOB } from "./signing-identity.server";

export type DocumentMeta = {
  id: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  kind: DocumentKind;
  contentType: DocumentContentType;
  size: number;
  createdAt: string;
};

export type SaveDocumentInput = DocumentOwner & {
  kind: DocumentKind;
  /** From inspectUpload: detected from the content, never the upload's own claim. */
  contentType: DocumentContentType;
  bytes: Uint8Array;
};

/** A checked upload not yet stored: what a form gave, before it has an owner. */
export type DocumentUpload = Pick<SaveDocumentInput, "kind" | "contentType" | "bytes">;

/** An owner already has the most evidence files allowed; the route shows `documents:errors.tooManyFiles`. */
export class DocumentLimitError extends Error {
  constructor() {
    super(`At most ${MAX_EVIDENCE_FILES} evidence files per owner`);
    this.name = "DocumentLimitError";
  }
}

const META_COLUMNS = ["id", "owner_type", "owner_id", "kind", "content_type", "size", "created_at"] as const;

function toMeta(row: Pick<Document, (typeof META_COLUMNS)[number]>): DocumentMeta {
  return {
    id: row.id,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    kind: row.kind,
    contentType: row.content_type,
    size: Number(row.size),
    createdAt: row.created_at,
  };
}

/** Runs `work` in a transaction, or in the caller's when `db` already is one. */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Stores a checked upload for its owner. A passport, CNIC side or photo replaces the owner's
 * previous one (old bytes deleted too); evidence files add up to MAX_EVIDENCE_FILES.
 */
export async function saveDocument(
  db: Kysely<Database>,
  storage: DocumentStorage,
  input: SaveDocumentInput,
  now = new Date(),
): Promise<Pick<DocumentMeta, "id" | "kind" | "contentType" | "size">> {
  const id = newStorageId();
  const blobId = newStorageId();
  await storage.put(blobId, input.bytes);

  let replacedBlobIds: string[];
  try {
    replacedBlobIds = await inTransaction(db, async (trx) => {
      let replaced: string[] = [];
      if (replacesPrevious(input.kind)) {
        const old = await trx
          .deleteFrom("document")
          .where("owner_type", "=", input.ownerType)
          .where("owner_id", "=", input.ownerId)
          .where("kind", "=", input.kind)
          .returning("blob_id")
          .execute();
        replaced = old.map((r) => r.blob_id);
      } else {
        const { n } = await trx
          .selectFrom("document")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("owner_type", "=", input.ownerType)
          .where("owner_id", "=", input.ownerId)
          .where("kind", "=", input.kind)
          .executeTakeFirstOrThrow();
        if (Number(n) >= MAX_EVIDENCE_FILES) throw new DocumentLimitError();
      }
      await trx
        .insertInto("document")
        .values({
          id,
          blob_id: blobId,
          owner_type: input.ownerType,
          owner_id: input.ownerId,
          kind: input.kind,
          content_type: input.contentType,
          size: input.bytes.length,
          created_at: now.toISOString(),
        })
        .execute();
      return replaced;
    });
  } catch (error) {
    // The row was never written, so nothing points at the new bytes.
    await storage.delete(blobId).catch(() => {});
    throw error;
  }
  for (const old of replacedBlobIds) await storage.delete(old);
  return { id, kind: input.kind, contentType: input.contentType, size: input.bytes.length };
}

/**
 * Stores checked uploads for their owner inside the caller's transaction, bytes and rows alike in
 * the store (a storage built on `trx`), so a change that fails after them leaves no file behind.
 */
export async function saveUploadsInTransaction(
  trx: Kysely<Database>,
  documentKey: Uint8Array,
  owner: DocumentOwner,
  uploads: readonly DocumentUpload[],
  now = new Date(),
): Promise<void> {
  const storage = createStoreDocumentStorage(trx, documentKey);
  for (const upload of uploads) await saveDocument(trx, storage, { ...owner, ...upload }, now);
}

/** Metadata only, oldest first, for check-answers pages and staff case views. */
export async function listDocuments(db: Kysely<Database>, ownerType: DocumentOwnerType, ownerId: string): Promise<DocumentMeta[]> {
  const rows = await db
    .selectFrom("document")
    .select(META_COLUMNS)
    .where("owner_type", "=", ownerType)
    .where("owner_id", "=", ownerId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toMeta);
}

/**
 * A document and its bytes, or null when there is no such document. With `owner`, also null when
 * it belongs to someone else, so a route cannot serve another applicant's file by guessing an id.
 */
export async function readDocument(
  db: Kysely<Database>,
  storage: DocumentStorage,
  id: string,
  owner?: DocumentOwner,
): Promise<{ meta: DocumentMeta; bytes: Uint8Array } | null> {
  let query = db
    .selectFrom("document")
    .select([...META_COLUMNS, "blob_id"])
    .where("id", "=", id);
  if (owner) query = query.where("owner_type", "=", owner.ownerType).where("owner_id", "=", owner.ownerId);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const bytes = await storage.get(row.blob_id);
  // A row without its bytes is damage to report, not a missing page to hide behind a 404.
  if (!bytes) throw new Error(`Document ${row.id} has no stored content`);
  return { meta: toMeta(row), bytes };
}

/**
 * The case (application) a document belongs to, whoever owns it: the application itself, an
 * answer to one of its information requests, or a dispute of its certificate. Null for an unknown
 * id and for a draft's documents, which no case owns yet.
 */
export async function findDocumentCaseId(db: Kysely<Database>, id: string): Promise<string | null> {
  const doc = await db.selectFrom("document").select(["owner_type", "owner_id"]).where("id", "=", id).executeTakeFirst();
  if (!doc) return null;
  if (doc.owner_type === "application") return doc.owner_id;
  if (doc.owner_type === "information_response") {
    const row = await db.selectFrom("information_request").select("application_id").where("id", "=", doc.owner_id).executeTakeFirst();
    return row?.application_id ?? null;
  }
  if (doc.owner_type === "dispute") {
    const row = await db.selectFrom("dispute").select("application_id").where("id", "=", doc.owner_id).executeTakeFirst();
    return row?.application_id ?? null;
  }
  return null;
}

/** On submission a draft's documents become the application's. Metadata only: the bytes stay put. */
export async function moveDocuments(trx: Kysely<Database>, from: DocumentOwner, to: DocumentOwner): Promise<number> {
  const result = await trx.executeQuery(moveDocumentsWrite(trx, from, to));
  return Number(result.numAffectedRows ?? 0);
}

/** The update that moves documents, unexecuted: for a change that makes all its writes at once (executeWrites). */
export function moveDocumentsWrite(trx: Kysely<Database>, from: DocumentOwner, to: DocumentOwner) {
  return trx
    .updateTable("document")
    .set({ owner_type: to.ownerType, owner_id: to.ownerId })
    .where("owner_type", "=", from.ownerType)
    .where("owner_id", "=", from.ownerId);
}

/** Removes one document (an evidence file the applicant took back); false when it is not the owner's. */
export async function deleteDocument(db: Kysely<Database>, storage: DocumentStorage, id: string, owner: DocumentOwner): Promise<boolean> {
  const rows = await db
    .deleteFrom("document")
    .where("id", "=", id)
    .where("owner_type", "=", owner.ownerType)
    .where("owner_id", "=", owner.ownerId)
    .returning("blob_id")
    .execute();
  for (const row of rows) await storage.delete(row.blob_id);
  return rows.length > 0;
}

/** Removes every document of an owner (an expired draft, a withdrawn answer) and their bytes. */
export async function deleteDocumentsOf(
  db: Kysely<Database>,
  storage: DocumentStorage,
  ownerType: DocumentOwnerType,
  ownerId: string,
): Promise<number> {
  const rows = await db
    .deleteFrom("document")
    .where("owner_type", "=", ownerType)
    .where("owner_id", "=", ownerId)
    .returning("blob_id")
    .execute();
  for (const row of rows) await storage.delete(row.blob_id);
  return rows.length;
}

/**
 * How old an unreferenced blob must be before housekeeping removes it. Bytes are written a moment
 * before the row that points at them, and the anonymous report routes date blobs at the start of
 * the (UTC) day, so a blob in the middle of being saved can look up to a day old: two days keeps
 * the sweep clear of any save in progress on any instance.
 */
export const UNREFERENCED_BLOB_GRACE_MS = 2 * 24 * 60 * 60_000;

/** Blobs no document or certificate points at (the signing identity is found by its fixed id). */
function unreferencedBlobs(db: Kysely<Database>, createdBefore: Date) {
  return db
    .selectFrom("blob")
    .select("blob.id")
    .where("blob.created_at", "<", createdBefore.toISOString())
    .where("blob.id", "!=", SIGNING_IDENTITY_BLOB)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("document").select("document.id").whereRef("document.blob_id", "=", "blob.id"))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("certificate").select("certificate.id").whereRef("certificate.pdf_blob_id", "=", "blob.id"))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("certificate").select("certificate.id").whereRef("certificate.photo_blob_id", "=", "blob.id"))),
    );
}

/** How many blobs nothing points at, created before `createdBefore` (any age by default). */
export async function countUnreferencedBlobs(db: Kysely<Database>, createdBefore = new Date("9999-12-31T23:59:59.999Z")): Promise<number> {
  return (await unreferencedBlobs(db, createdBefore).execute()).length;
}

/**
 * Removes bytes left behind when a save or delete was cut short between its two steps (a crash
 * after the blob was written but before its row, or after a row was deleted but before its bytes).
 */
export async function deleteUnreferencedBlobs(db: Kysely<Database>, now = new Date()): Promise<number> {
  const ids = (
    await unreferencedBlobs(db, new Date(now.getTime() - UNREFERENCED_BLOB_GRACE_MS))
      .limit(500)
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return 0;
  await db.deleteFrom("blob").where("id", "in", ids).execute();
  return ids.length;
}

/** The documents a draft still lacks before it can be sent. */
export async function missingDocuments(db: Kysely<Database>, draftId: string): Promise<RequiredDocument[]> {
  const present = new Set((await listDocuments(db, "draft", draftId)).map((d) => d.kind));
  return REQUIRED_DOCUMENTS.filter((kind) => !present.has(kind));
}
