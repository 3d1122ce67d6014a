/**
 * The service level: a case should be decided within 10 working days of submission. Working days
 * are Monday to Friday (Pakistan's federal and Punjab offices have a five-day week); public
 * holidays are not yet counted, so a case near a holiday shows as late a little early.
 */
export const SLA_WORKING_DAYS = 10;

const DAY_MS = 86_400_000;

function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6;
}

/** The moment a case submitted at `submittedAt` becomes late. */
export function dueAt(submittedAt: Date, workingDays = SLA_WORKING_DAYS): Date {
  const due = new Date(submittedAt.getTime());
  let left = workingDays;
  while (left > 0) {
    due.setTime(due.getTime() + DAY_MS);
    if (isWorkingDay(due)) left -= 1;
  }
  return due;
}

/** Whole working days from `from` to `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: Date, to: Date): number {
  const sign = to.getTime() >= from.getTime() ? 1 : -1;
  const [start, end] = sign > 0 ? [from, to] : [to, from];
  let days = 0;
  const cursor = new Date(start.getTime());
  while (cursor.getTime() + DAY_MS <= end.getTime()) {
    cursor.setTime(cursor.getTime() + DAY_MS);
    if (isWorkingDay(cursor)) days += 1;
  }
  return sign * days;
}

export type SlaState = { dueAt: string; late: boolean; workingDaysLeft: number };

export function slaState(submittedAt: string, now = new Date()): SlaState {
  const due = dueAt(new Date(submittedAt));
  return { dueAt: due.toISOString(), late: now.getTime() > due.getTime(), workingDaysLeft: workingDaysBetween(now, due) };
}
