/**
 * The supervisor dashboard's figures. Reading them at a million applications as fast as at a
 * thousand means never counting applications: each writer of an application's status adds to
 * per-day counts in the same transaction (decision 040), and a page sums a few hundred of them.
 * Only the service level, which moves with the clock, reads applications, and then only those of
 * the one or two days whose cases are turning late right now.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import {
  addDays,
  type Histogram,
  lateSubmissionWindows,
  percentile,
  type Window,
  weekStart,
  weeksOf,
  wholeDaysBetween,
} from "~/domain/dashboard";
import { CLOSED_STATUSES, STATUSES } from "~/domain/lifecycle";
import { type Holidays, NO_HOLIDAYS } from "~/domain/sla";
import type { ApplicationStatus, DashboardCountTable, Database } from "../../db/schema";

type Dimension = DashboardCountTable["dimension"];
type Change = { dimension: Dimension; day: string; value: string; delta: number };

const OPEN_STATUSES: readonly ApplicationStatus[] = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

async function bump(trx: Kysely<Database>, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  await trx
    .insertInto("dashboard_count")
    .values(changes.map((c) => ({ dimension: c.dimension, day: c.day, value: c.value, n: c.delta })))
    .onConflict((oc) =>
      oc.columns(["dimension", "day", "value"]).doUpdateSet((eb) => ({ n: eb("dashboard_count.n", "+", eb.ref("excluded.n")) })),
    )
    .execute();
}

/** A new application, counted by the day it was submitted under its status, destination and referral. */
export async function countSubmission(
  trx: Transaction<Database>,
  application: { submittedAt: string; status: ApplicationStatus; destinationCountry: string; referralCenterSlug: string | null },
): Promise<void> {
  const day = application.submittedAt.slice(0, 10);
  await bump(trx, [
    { dimension: "status", day, value: application.status, delta: 1 },
    { dimension: "destination", day, value: application.destinationCountry, delta: 1 },
    { dimension: "referral", day, value: application.referralCenterSlug ?? "", delta: 1 },
  ]);
}

/** A status change, in the transaction that makes it: one off the old status, one on the new. */
export async function countStatusChange(
  trx: Transaction<Database>,
  change: { submittedAt: string; from: ApplicationStatus; to: ApplicationStatus },
): Promise<void> {
  if (change.from === change.to) return;
  const day = change.submittedAt.slice(0, 10);
  await bump(trx, [
    { dimension: "status", day, value: change.from, delta: -1 },
    { dimension: "status", day, value: change.to, delta: 1 },
  ]);
}

/** An issued certificate, by the day it was issued and the whole days it took since submission. */
export async function countIssue(trx: Transaction<Database>, issue: { submittedAt: string; issuedAt: string }): Promise<void> {
  await bump(trx, [
    {
      dimension: "issue_days",
      day: issue.issuedAt.slice(0, 10),
      value: String(wholeDaysBetween(issue.submittedAt, issue.issuedAt)),
      delta: 1,
    },
  ]);
}

/**
 * Counts everything again from the applications and certificates: after a bulk load that went
 * around the models (the bench's million rows), and in tests, as the figure the running counts
 * must equal.
 */
export async function rebuildDashboardCounts(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("dashboard_count").execute();
    const day = sql<string>`substr(submitted_at, 1, 10)`;
    for (const [dimension, column] of [
      ["status", sql<string>`status`],
      ["destination", sql<string>`destination_country`],
      ["referral", sql<string>`coalesce(referral_center_slug, '')`],
    ] as const) {
      await trx
        .insertInto("dashboard_count")
        .columns(["dimension", "day", "value", "n"])
        .expression(
          trx
            .selectFrom("application")
            .select([sql.lit(dimension).as("dimension"), day.as("day"), column.as("value"), (eb) => eb.fn.countAll<number>().as("n")])
            .groupBy([day, column]),
        )
        .execute();
    }
    let after = "";
    for (;;) {
      const rows = await trx
        .selectFrom("certificate")
        .innerJoin("application", "application.id", "certificate.application_id")
        .select(["certificate.id as id", "application.submitted_at as submittedAt", "certificate.issued_at as issuedAt"])
        .where("certificate.id", ">", after)
        .orderBy("certificate.id")
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) await countIssue(trx, row);
      after = rows[rows.length - 1]!.id;
    }
  });
}

/** A period of whole UTC days, both ends included (YYYY-MM-DD). */
export type Period = { from: string; to: string };

export type Dashboard = {
  total: number;
  byStatus: { status: ApplicationStatus; count: number }[];
  /** Every week with a day in the period, Monday first, empty weeks included. */
  weeks: { week: string; count: number }[];
  destinations: { country: string; count: number }[];
  /** `center` null: applications that came without a referral code. */
  referrals: { center: string | null; count: number }[];
  /** Certificates issued in the period, and how many whole days they took. */
  issued: { count: number; medianDays: number | null; p90Days: number | null };
  /** Applications of the period still open and past the service level now. */
  late: number;
};

const byCountDesc = <T extends { count: number }>(rows: T[], tie: (a: T, b: T) => number) =>
  rows.toSorted((a, b) => b.count - a.count || tie(a, b));

export async function readDashboard(
  db: Kysely<Database>,
  period: Period,
  { now = new Date(), holidays = NO_HOLIDAYS as Holidays } = {},
): Promise<Dashboard> {
  const inPeriod = db.selectFrom("dashboard_count").where("day", ">=", period.from).where("day", "<=", period.to);
  const [perDay, perValue, late] = await Promise.all([
    inPeriod
      .select(["day", (eb) => eb.fn.sum<number>("n").as("n")])
      .where("dimension", "=", "status")
      .groupBy("day")
      .execute(),
    inPeriod
      .select(["dimension", "value", (eb) => eb.fn.sum<number>("n").as("n")])
      .groupBy(["dimension", "value"])
      .execute(),
    countLate(db, period, now, holidays),
  ]);

  const weekly = new Map(weeksOf(period.from, period.to).map((week) => [week, 0]));
  for (const row of perDay) weekly.set(weekStart(row.day), (weekly.get(weekStart(row.day)) ?? 0) + Number(row.n));
  const values = (dimension: Dimension) =>
    perValue.filter((r) => r.dimension === dimension && Number(r.n) > 0).map((r) => ({ value: r.value, count: Number(r.n) }));
  const statusCounts = new Map(values("status").map((r) => [r.value, r.count]));
  const histogram: Histogram = values("issue_days").map((r) => [Number(r.value), r.count] as const);

  return {
    total: [...statusCounts.values()].reduce((a, b) => a + b, 0),
    byStatus: STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    weeks: [...weekly].map(([week, count]) => ({ week, count })),
    destinations: byCountDesc(
      values("destination").map((r) => ({ country: r.value, count: r.count })),
      (a, b) => a.country.localeCompare(b.country),
    ),
    referrals: byCountDesc(
      values("referral").map((r) => ({ center: r.value || null, count: r.count })),
      (a, b) => (a.center ?? "").localeCompare(b.center ?? ""),
    ),
    issued: {
      count: histogram.reduce((sum, [, count]) => sum + count, 0),
      medianDays: percentile(histogram, 0.5),
      p90Days: percentile(histogram, 0.9),
    },
    late,
  };
}

/**
 * Open applications of the period past the service level: whole UTC days that are late from the
 * running counts, the few hours and days around the cut-off from the applications themselves
 * (application_status_idx: status, submitted_at).
 */
async function countLate(db: Kysely<Database>, period: Period, now: Date, holidays: Holidays): Promise<number> {
  const { allBefore, partial } = lateSubmissionWindows(now, holidays);
  const start = `${period.from}T00:00:00.000Z`;
  const end = `${addDays(period.to, 1)}T00:00:00.000Z`;
  const lateDay = allBefore.slice(0, 10);
  const lastWholeDay = addDays(lateDay, -1) < period.to ? addDays(lateDay, -1) : period.to;
  const windows: Window[] = [{ from: `${lateDay}T00:00:00.000Z`, to: allBefore }, ...partial]
    .map((w) => ({ from: w.from > start ? w.from : start, to: w.to < end ? w.to : end }))
    .filter((w) => w.from < w.to);
  const [whole, ...counted] = await Promise.all([
    period.from <= lastWholeDay
      ? db
          .selectFrom("dashboard_count")
          .select((eb) => eb.fn.sum<number>("n").as("n"))
          .where("dimension", "=", "status")
          .where("value", "in", OPEN_STATUSES)
          .where("day", ">=", period.from)
          .where("day", "<=", lastWholeDay)
          .executeTakeFirst()
      : Promise.resolve({ n: 0 }),
    ...windows.map((w) =>
      db
        .selectFrom("application")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "in", OPEN_STATUSES)
        .where("submitted_at", ">=", w.from)
        .where("submitted_at", "<", w.to)
        .executeTakeFirstOrThrow(),
    ),
  ]);
  return [whole, ...counted].reduce((sum, row) => sum + Number(row?.n ?? 0), 0);
}
