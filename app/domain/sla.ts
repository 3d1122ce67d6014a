/**
 * The service level: a case should be decided within 10 working days of submission. Working days
 * are Monday to Friday (Pakistan's federal and Punjab offices have a five-day week) that are not
 * public holidays, counted on the calendar of the offices that do the work: Pakistan time.
 */
export const SLA_WORKING_DAYS = 10;

const DAY_MS = 86_400_000;
/** Pakistan Standard Time is UTC+5 all year (no daylight saving since 2009). */
const PAKISTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

/** Public holidays as YYYY-MM-DD dates in Pakistan time. */
export type Holidays = ReadonlySet<string>;
export const NO_HOLIDAYS: Holidays = new Set();

/** The Pakistan calendar date of a moment, as YYYY-MM-DD. */
export function pakistanDate(moment: Date): string {
  return new Date(moment.getTime() + PAKISTAN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Arithmetic, not Date objects: a queue page runs this for every day of every case shown. */
function isWorkingDay(moment: Date, holidays: Holidays): boolean {
  const local = moment.getTime() + PAKISTAN_OFFSET_MS;
  // 1 January 1970 was a Thursday (4); Sunday is 0 and Saturday 6.
  const weekday = (((Math.floor(local / DAY_MS) + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  return holidays.size === 0 || !holidays.has(new Date(local).toISOString().slice(0, 10));
}

/** The moment a case submitted at `submittedAt` becomes late. */
export function dueAt(submittedAt: Date, holidays: Holidays = NO_HOLIDAYS, workingDays = SLA_WORKING_DAYS): Date {
  const due = new Date(submittedAt.getTime());
  let left = workingDays;
  while (left > 0) {
    due.setTime(due.getTime() + DAY_MS);
    if (isWorkingDay(due, holidays)) left -= 1;
  }
  return due;
}

/** Whole working days from `from` to `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: Date, to: Date, holidays: Holidays = NO_HOLIDAYS): number {
  const sign = to.getTime() >= from.getTime() ? 1 : -1;
  const [start, end] = sign > 0 ? [from, to] : [to, from];
  let days = 0;
  const cursor = new Date(start.getTime());
  while (cursor.getTime() + DAY_MS <= end.getTime()) {
    cursor.setTime(cursor.getTime() + DAY_MS);
    if (isWorkingDay(cursor, holidays)) days += 1;
  }
  return sign * days;
}

export type SlaState = { dueAt: string; late: boolean; workingDaysLeft: number };

export function slaState(submittedAt: string, now = new Date(), holidays: Holidays = NO_HOLIDAYS): SlaState {
  const due = dueAt(new Date(submittedAt), holidays);
  return { dueAt: due.toISOString(), late: now.getTime() > due.getTime(), workingDaysLeft: workingDaysBetween(now, due, holidays) };
}
