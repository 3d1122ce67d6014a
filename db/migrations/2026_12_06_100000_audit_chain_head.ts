// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * The head of the audit chain in a row of its own (decision 047). Appending an event locks this row
 * and reads the previous hash from it in one statement (on PostgreSQL `SELECT … FOR UPDATE`, which
 * waits for the writer before it and then sees its hash), where an advisory lock and a read of the
 * last event took two; and a verifier can tell a chain cut short at its end from an intact one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_chain_head")
    .addColumn("chain", "text", (c) => c.primaryKey())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  const last: { hash: string } | undefined = await db
    .selectFrom("audit_event")
    .select("hash")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  await db
    .insertInto("audit_chain_head")
    .values({ chain: "audit_event", hash: last?.hash ?? "0".repeat(64) })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_chain_head").execute();
}
