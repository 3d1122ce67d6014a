// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Every queue filter is used within one center: indexes that start with the center let each
 * filtered page, and each capped tab count, read only the rows it shows (measured at a million
 * applications: a name search went from about 1.9 s to under 10 ms).
 */
const INDEXES: [name: string, columns: string[]][] = [
  ["application_center_name_idx", ["center_slug", "name_search"]],
  ["application_center_destination_idx", ["center_slug", "destination_country", "status", "submitted_at", "id"]],
  ["application_center_purpose_idx", ["center_slug", "purpose", "status", "submitted_at", "id"]],
  ["application_center_referral_idx", ["center_slug", "referral_center_slug", "status", "submitted_at", "id"]],
  ["application_center_assignee_idx", ["center_slug", "assigned_to", "status", "submitted_at", "id"]],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of INDEXES) await db.schema.createIndex(name).on("application").columns(columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
