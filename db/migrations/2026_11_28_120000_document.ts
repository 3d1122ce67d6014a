// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("document")
    .addColumn("id", "text", (c) => c.primaryKey()) // random, never derived from the file name
    .addColumn("blob_id", "text", (c) => c.notNull().references("blob.id"))
    // draft | application | information_response; owner_id points into the owner's table, so no
    // foreign key: one column cannot reference three tables.
    .addColumn("owner_type", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // passport | cnic_front | cnic_back | photo | evidence
    .addColumn("content_type", "text", (c) => c.notNull()) // detected from the content, never the upload's claim
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("document_owner_idx").on("document").columns(["owner_type", "owner_id"]).execute();
  // One blob per document; also the index for the foreign key.
  await db.schema.createIndex("document_blob_idx").on("document").column("blob_id").unique().execute();
  // One passport, one photo… per owner, even under concurrent uploads; evidence files add up.
  await db.schema
    .createIndex("document_owner_kind_idx")
    .on("document")
    .columns(["owner_type", "owner_id", "kind"])
    .unique()
    .where("kind", "<>", "evidence")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("document").execute();
}
