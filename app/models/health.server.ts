import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";

/** One round trip to the store: what "the store answers" means for /healthz and /healthz/remix. */
export async function pingStore(db: Kysely<Database>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
