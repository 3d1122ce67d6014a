// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import type { Kysely } from "kysely";

/**
 * Referral figures (decision 042) live in dashboard_count under three new dimensions. Poster visits
 * and drafts started were never recorded, so they start at zero; the days to issue of referred
 * applications are counted here from the certificates already issued, as the dashboard's own
 * migration did, with the value `<center slug>|<whole days>`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const issued = new Map<string, number>();
  let after = "";
  for (;;) {
    const rows: { id: string; submitted_at: string; issued_at: string; center: string }[] = await db
      .selectFrom("certificate")
      .innerJoin("application", "application.id", "certificate.application_id")
      .select([
        "certificate.id as id",
        "application.submitted_at as submitted_at",
        "certificate.issued_at as issued_at",
        "application.referral_center_slug as center",
      ])
      .where("application.referral_center_slug", "is not", null)
      .where("certificate.id", ">", after)
      .orderBy("certificate.id")
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const days = Math.max(0, Math.floor((Date.parse(r.issued_at) - Date.parse(r.submitted_at)) / 86_400_000));
      const key = `${r.issued_at.slice(0, 10)}\n${r.center}|${days}`;
      issued.set(key, (issued.get(key) ?? 0) + 1);
    }
    after = rows[rows.length - 1]!.id;
  }
  const values = [...issued].map(([key, n]) => {
    const [day, value] = key.split("\n") as [string, string];
    return { dimension: "referral_issue_days", day, value, n };
  });
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto("dashboard_count")
      .values(values.slice(i, i + 500))
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("dashboard_count").where("dimension", "in", ["poster_visit", "referral_started", "referral_issue_days"]).execute();
}
