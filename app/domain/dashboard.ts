/**
 * The supervisor dashboard's arithmetic, with no I/O: days between moments, weeks, percentiles
 * from a histogram, and which submission moments are past the service level now (from sla.ts's
 * own `dueAt`, so the dashboard and the queue never disagree about a late case).
 */
import { dueAt, type Holidays, NO_HOLIDAYS } from "./sla";

const DAY_MS = 86_400_000;
/** Pakistan Standard Time, UTC+5 all year: the service level's calendar (sla.ts). */
const PAKISTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

/** Whole days from submission to issue, rounded down: a certificate issued the same day took 0 days. */
export function wholeDaysBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS));
}

/** YYYY-MM-DD plus `days` (negative goes back), on the UTC calendar. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (YYYY-MM-DD), `to` excluded. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** The Monday (YYYY-MM-DD) of the week a day falls in: weeks run Monday to Sunday, across year ends too. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The Mondays of every week that has a day in [from, to], in order. */
export function weeksOf(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = weekStart(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** The default period: the twelve weeks (84 days) ending today. */
export const DEFAULT_PERIOD_DAYS = 84;
/** Longer periods would read thousands of rows per request: two years is what a review looks at. */
export const MAX_PERIOD_DAYS = 731;
/** No application predates the portal; a year before it is a typing mistake. */
export const EARLIEST_DAY = "2000-01-01";

export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today };
}

/** Counts by value, e.g. [[3, 2], [5, 1]]: two cases took 3 days, one took 5. */
export type Histogram = readonly (readonly [value: number, count: number])[];

/**
 * The p-th percentile (0 to 1) with linear interpolation between closest ranks (Excel's
 * PERCENTILE.INC, R's type 7): the median of an even count is the mean of the two middle values.
 * Null for an empty histogram.
 */
export function percentile(histogram: Histogram, p: number): number | null {
  const sorted = histogram.filter(([, count]) => count > 0).toSorted((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = (total - 1) * p;
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (index < seen) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  const lower = Math.floor(rank);
  const low = valueAt(lower);
  const high = valueAt(Math.ceil(rank));
  return low + (high - low) * (rank - lower);
}

/** Submission moments [from, to) as ISO strings. */
export type Window = { from: string; to: string };

/**
 * Which submission moments make an open case past the service level at `now`: every moment before
 * `allBefore`, and the `partial` windows after it. A case submitted at T is late when
 * now > dueAt(T); dueAt(T) is T plus a number of days that depends only on T's Pakistan calendar
 * day, so within each day the late moments are those before one cut-off. Going back day by day,
 * once a whole day is late every earlier day is too (an earlier day is at most one day longer to
 * its due date), which ends the walk.
 */
export function lateSubmissionWindows(now: Date, holidays: Holidays = NO_HOLIDAYS): { allBefore: string; partial: Window[] } {
  const nowMs = now.getTime();
  const todayStart = Math.floor((nowMs + PAKISTAN_OFFSET_MS) / DAY_MS) * DAY_MS - PAKISTAN_OFFSET_MS;
  const partial: Window[] = [];
  for (let dayStart = todayStart; ; dayStart -= DAY_MS) {
    const days = Math.round((dueAt(new Date(dayStart), holidays).getTime() - dayStart) / DAY_MS);
    const cutoff = nowMs - days * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    if (cutoff >= dayEnd) return { allBefore: new Date(dayEnd).toISOString(), partial: partial.reverse() };
    if (cutoff > dayStart) partial.push({ from: new Date(dayStart).toISOString(), to: new Date(cutoff).toISOString() });
  }
}
