/**
 * Opening hours as a person reads them: consecutive days with the same times in one line
 * ("Monday to Friday, 09:00–13:00"), closed days said as closed. Pure, so that the grouping is
 * tested once and every page shows it the same way.
 */
import { WEEKDAYS, type Weekday, type WeeklyHours } from "~/schemas/center-hours";

export type HoursLine = { from: Weekday; to: Weekday; times: { opens: string; closes: string } | null };

export function groupOpeningHours(hours: WeeklyHours): HoursLine[] {
  const lines: HoursLine[] = [];
  for (const day of WEEKDAYS) {
    const opening = hours.find((h) => h.day === day);
    const times = opening ? { opens: opening.opens, closes: opening.closes } : null;
    const last = lines.at(-1);
    if (last && last.to === day - 1 && sameTimes(last.times, times)) last.to = day;
    else lines.push({ from: day, to: day, times });
  }
  return lines;
}

function sameTimes(a: HoursLine["times"], b: HoursLine["times"]): boolean {
  return a === null || b === null ? a === b : a.opens === b.opens && a.closes === b.closes;
}
