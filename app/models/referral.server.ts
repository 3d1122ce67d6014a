/** Embassy referral codes: a poster's QR code carries `?ref=ATHENS` into the application. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export async function findReferralCenter(db: Kysely<Database>, code: string | null | undefined): Promise<string | null> {
  const normalized = code?.trim().toUpperCase();
  if (!normalized || !/^[A-Z0-9-]{2,32}$/.test(normalized)) return null;
  const row = await db
    .selectFrom("center")
    .select("slug")
    .where("referral_code", "=", normalized)
    .where("active", "=", 1)
    .executeTakeFirst();
  return row?.slug ?? null;
}

export type ReferredApplication = { reference: string; status: string; submittedAt: string; statusChangedAt: string };

/** What an embassy desk may see of the applications its posters brought: status, never content. */
export async function listReferredApplications(
  db: Kysely<Database>,
  centerSlug: string,
  { reference = null as string | null, limit = 50, before = null as string | null } = {},
): Promise<ReferredApplication[]> {
  let query = db
    .selectFrom("application")
    .select(["reference", "status", "submitted_at", "status_changed_at"])
    .where("referral_center_slug", "=", centerSlug);
  if (reference) query = query.where("reference", "=", reference);
  if (before) query = query.where("submitted_at", "<", before);
  const rows = await query.orderBy("submitted_at", "desc").limit(limit).execute();
  return rows.map((r) => ({ reference: r.reference, status: r.status, submittedAt: r.submitted_at, statusChangedAt: r.status_changed_at }));
}
