// Frozen: never edit after it has run anywhere. Change the schema with a new migration.
import { type Kysely, sql } from "kysely";

/**
 * The supervisor dashboard's figures, kept per day as they change (decision 040): applications by
 * the UTC day they were submitted, once by status, once by destination and once by referring
 * center ("" for none), and certificates by the UTC day they were issued and the whole days they
 * took. Reading a quarter then costs a few hundred small rows at a thousand applications or a
 * million. Filled here from what the store already holds; the models keep it right afterwards.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("dashboard_count")
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("dashboard_count_pk", ["dimension", "day", "value"])
    .execute();

  const day = sql<string>`substr(submitted_at, 1, 10)`;
  for (const [dimension, column] of [
    ["status", sql`status`],
    ["destination", sql`destination_country`],
    ["referral", sql`coalesce(referral_center_slug, '')`],
  ] as const) {
    await sql`INSERT INTO dashboard_count (dimension, day, value, n)
      SELECT ${dimension}, ${day}, ${column}, count(*) FROM application GROUP BY ${day}, ${column}`.execute(db);
  }

  // Whole days are arithmetic on the two moments, which the dialects spell differently: done here.
  const issued = new Map<string, number>();
  let after = "";
  for (;;) {
    const rows: { id: string; submitted_at: string; issued_at: string }[] = await db
      .selectFrom("certificate")
      .innerJoin("application", "application.id", "certificate.application_id")
      .select(["certificate.id as id", "application.submitted_at as submitted_at", "certificate.issued_at as issued_at"])
      .where("certificate.id", ">", after)
      .orderBy("certificate.id")
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const days = Math.max(0, Math.floor((Date.parse(r.issued_at) - Date.parse(r.submitted_at)) / 86_400_000));
      const key = `${r.issued_at.slice(0, 10)}|${days}`;
      issued.set(key, (issued.get(key) ?? 0) + 1);
    }
    after = rows[rows.length - 1]!.id;
  }
  const values = [...issued].map(([key, n]) => {
    const [d, days] = key.split("|") as [string, string];
    return { dimension: "issue_days", day: d, value: days, n };
  });
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto("dashboard_count")
      .values(values.slice(i, i + 500))
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("dashboard_count").execute();
}
