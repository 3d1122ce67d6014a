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
import type { Write } from "../../db/dialect";
import type { ApplicationStatus, DashboardCountTable, Database } from "../../db/schema";

type Dimension = DashboardCountTable["dimension"];
type Change = { dimension: Dimension; day: string; value: string; delta: number };

const OPEN_STATUSES: readonly ApplicationStatus[] = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

async function bump(trx: Kysely<Database>, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  await trx.executeQuery(bumpWrite(trx, changes));
}

function bumpWrite(trx: Kysely<Database>, changes: readonly Change[]) {
  return trx
    .insertInto("dashboard_count")
    .values(changes.map((c) => ({ dimension: c.dimension, day: c.day, value: c.value, n: c.delta })))
    .onConflict((oc) =>
      oc.columns(["dimension", "day", "value"]).doUpdateSet((eb) => ({ n: eb("dashboard_count.n", "+", eb.ref("excluded.n")) })),
    );
}

type CountedSubmission = { submittedAt: string; status: ApplicationStatus; destinationCountry: string; referralCenterSlug: string | null };

/*
 * The writes below are not executed here: they go with the change's audit event (insertAuditEvent),
 * after the audit chain's lock. Every change takes that lock first and these rows' locks after it,
 * always in that order, and holds them only from the event's statement to COMMIT.
 */

/** A new application, counted by the day it was submitted under its status, destination and referral. */
export function countSubmissionWrites(trx: Kysely<Database>, application: CountedSubmission): Write[] {
  const day = application.submittedAt.slice(0, 10);
  return [
    bumpWrite(trx, [
      { dimension: "status", day, value: application.status, delta: 1 },
      { dimension: "destination", day, value: application.destinationCountry, delta: 1 },
      { dimension: "referral", day, value: application.referralCenterSlug ?? "", delta: 1 },
    ]),
  ];
}

/** A status change: one off the old status, one on the new. */
export function countStatusChangeWrites(
  trx: Kysely<Database>,
  change: { submittedAt: string; from: ApplicationStatus; to: ApplicationStatus },
): Write[] {
  if (change.from === change.to) return [];
  const day = change.submittedAt.slice(0, 10);
  return [
    bumpWrite(trx, [
      { dimension: "status", day, value: change.from, delta: -1 },
      { dimension: "status", day, value: change.to, delta: 1 },
    ]),
  ];
}

type CountedIssue = { submittedAt: string; issuedAt: string; referralCenterSlug?: string | null };

/**
 * An issued certificate, by the day it was issued and the whole days it took since submission;
 * once more under its referring center, for that center's median (decision 042).
 */
export function countIssueWrites(trx: Kysely<Database>, issue: CountedIssue): Write[] {
  const day = issue.issuedAt.slice(0, 10);
  const days = String(wholeDaysBetween(issue.submittedAt, issue.issuedAt));
  return [
    bumpWrite(trx, [
      { dimension: "issue_days", day, value: days, delta: 1 },
      ...(issue.referralCenterSlug
        ? [{ dimension: "referral_issue_days" as const, day, value: `${issue.referralCenterSlug}|${days}`, delta: 1 }]
        : []),
    ]),
  ];
}

/**
 * One opening of the certificate start page from a center's poster, on its UTC day. Nothing of
 * the visitor is kept, so a reload counts again: telling it apart would need tracking.
 */
export async function countPosterVisit(db: Kysely<Database>, centerSlug: string, now = new Date()): Promise<void> {
  await bump(db, [{ dimension: "poster_visit", day: now.toISOString().slice(0, 10), value: centerSlug, delta: 1 }]);
}

/** A draft created with a center's referral, in the transaction that creates it. */
export async function countReferralStart(trx: Transaction<Database>, centerSlug: string, now: Date): Promise<void> {
  await bump(trx, [{ dimension: "referral_started", day: now.toISOString().slice(0, 10), value: centerSlug, delta: 1 }]);
}

/** What rebuildDashboardCounts can count again from applications and certificates; visits and starts it cannot. */
const REBUILT: readonly Dimension[] = ["status", "destination", "referral", "issue_days", "referral_issue_days"];

/**
 * Counts everything again from the applications and certificates (poster visits and drafts
 * started are kept: nothing else records them): after a bulk load that went
 * around the models (the bench's million rows), and in tests, as the figure the running counts
 * must equal.
 */
export async function rebuildDashboardCounts(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("dashboard_count").where("dimension", "in", REBUILT).execute();
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
        .select([
          "certificate.id as id",
          "application.submitted_at as submittedAt",
          "certificate.issued_at as issuedAt",
          "application.referral_center_slug as referralCenterSlug",
        ])
        .where("certificate.id", ">", after)
        .orderBy("certificate.id")
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      // One by one: many of them add to the same row, which one statement may not write twice.
      for (const row of rows) for (const write of countIssueWrites(trx, row)) await trx.executeQuery(write);
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
      .where("dimension", "in", ["status", "destination", "referral", "issue_days"])
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

export type ReferralFigures = {
  center: string;
  visits: number;
  started: number;
  submitted: number;
  /** Whole days from submission to issue, of the center's referred certificates issued in the period. */
  medianDays: number | null;
};

/**
 * Per referring center for a period (decision 042): poster visits and drafts started by their UTC
 * day, applications by their day of submission, days to issue by the day of issue. Every center
 * with any figure, or only `center` (an embassy desk's own, listed even with none), by slug.
 */
export async function readReferralFigures(
  db: Kysely<Database>,
  period: Period,
  { center = null as string | null } = {},
): Promise<ReferralFigures[]> {
  let query = db
    .selectFrom("dashboard_count")
    .select(["dimension", "value", (eb) => eb.fn.sum<number>("n").as("n")])
    .where("dimension", "in", ["poster_visit", "referral_started", "referral", "referral_issue_days"])
    .where("day", ">=", period.from)
    .where("day", "<=", period.to)
    .groupBy(["dimension", "value"]);
  if (center)
    query = query.where((eb) =>
      eb.or([eb("value", "=", center), eb.and([eb("dimension", "=", "referral_issue_days"), eb("value", "like", `${center}|%`)])]),
    );
  const figures = new Map<string, { visits: number; started: number; submitted: number; histogram: [number, number][] }>();
  const of = (slug: string) => {
    let found = figures.get(slug);
    if (!found) figures.set(slug, (found = { visits: 0, started: 0, submitted: 0, histogram: [] }));
    return found;
  };
  for (const row of await query.execute()) {
    const n = Number(row.n);
    const cut = row.dimension === "referral_issue_days" ? row.value.lastIndexOf("|") : row.value.length;
    const slug = row.value.slice(0, cut);
    // LIKE's "_" matches any letter: a neighbour's slug is dropped here.
    if (n <= 0 || slug === "" || (center && slug !== center)) continue;
    if (row.dimension === "referral_issue_days") of(slug).histogram.push([Number(row.value.slice(cut + 1)), n]);
    else if (row.dimension === "poster_visit") of(slug).visits += n;
    else if (row.dimension === "referral_started") of(slug).started += n;
    else of(slug).submitted += n;
  }
  if (center && !figures.has(center)) of(center);
  return [...figures]
    .map(([slug, f]) => ({
      center: slug,
      visits: f.visits,
      started: f.started,
      submitted: f.submitted,
      medianDays: percentile(f.histogram, 0.5),
    }))
    .toSorted((a, b) => b.visits - a.visits || b.submitted - a.submitted || a.center.localeCompare(b.center));
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
