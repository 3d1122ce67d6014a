/**
 * A center's opening hours as days and times: one opening per weekday (ISO numbering, Monday = 1),
 * a day without one is closed. The admin form has an "opens" and a "closes" time per day; both or
 * neither. Stored as JSON and read back through the same schema, so a damaged value shows no hours
 * rather than wrong ones.
 */
import * as z from "zod/mini";
import type { FieldErrors, FormValues } from "~/utils/form";

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export type DayOpening = { day: Weekday; opens: string; closes: string };
export type WeeklyHours = DayOpening[];

const DayOpeningSchema = z
  .object({
    day: z.union(WEEKDAYS.map((d) => z.literal(d)) as [z.ZodMiniLiteral<Weekday>, ...z.ZodMiniLiteral<Weekday>[]]),
    opens: z.string().check(z.regex(TIME)),
    closes: z.string().check(z.regex(TIME)),
  })
  .check(z.refine((v) => v.opens < v.closes));

const StoredHoursSchema = z.array(DayOpeningSchema).check(z.refine((days) => new Set(days.map((d) => d.day)).size === days.length));

export function readStoredHours(stored: string | null): WeeklyHours | null {
  if (!stored) return null;
  try {
    const parsed = z.safeParse(StoredHoursSchema, JSON.parse(stored));
    return parsed.success && parsed.data.length > 0 ? [...parsed.data].sort((a, b) => a.day - b.day) : null;
  } catch {
    return null;
  }
}

export function writeStoredHours(hours: WeeklyHours): string | null {
  return hours.length > 0 ? JSON.stringify([...hours].sort((a, b) => a.day - b.day)) : null;
}

export const opensField = (day: Weekday) => `hours${day}Opens`;
export const closesField = (day: Weekday) => `hours${day}Closes`;
export const HOURS_FIELDS = WEEKDAYS.flatMap((day) => [opensField(day), closesField(day)]);

/** What the form shows for stored hours: "09:00" in each box, empty boxes for closed days. */
export function hoursFormValues(hours: WeeklyHours | null): FormValues {
  const values: FormValues = {};
  for (const day of WEEKDAYS) {
    const opening = hours?.find((h) => h.day === day);
    values[opensField(day)] = opening?.opens ?? "";
    values[closesField(day)] = opening?.closes ?? "";
  }
  return values;
}

/**
 * The hours the form sent, or an error on each day that is wrong: a time that is not one (browsers
 * without a time picker send what was typed; "9:30" is read as 09:30), one time without the other,
 * or closing before opening. The error sits on the day's "opens" box, which the summary links to.
 */
export function parseHoursForm(
  values: FormValues,
  dayName: (day: Weekday) => string,
): { ok: true; hours: WeeklyHours } | { ok: false; errors: FieldErrors } {
  const hours: WeeklyHours = [];
  const errors: FieldErrors = {};
  for (const day of WEEKDAYS) {
    const opens = normaliseTime(values[opensField(day)]);
    const closes = normaliseTime(values[closesField(day)]);
    if (opens === "" && closes === "") continue;
    const problem =
      opens === null || closes === null
        ? "staff:validation.hoursTimeFormat"
        : opens === "" || closes === ""
          ? "staff:validation.hoursBothTimes"
          : opens >= closes
            ? "staff:validation.hoursCloseAfterOpen"
            : null;
    if (problem) errors[opensField(day)] = { key: problem, values: { day: dayName(day) } };
    else hours.push({ day, opens: opens!, closes: closes! });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, hours };
}

/** "" for an empty box, "HH:MM" for a time, null for anything else. */
function normaliseTime(value: string | undefined): string | null {
  const text = (value ?? "").trim();
  if (text === "") return "";
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  if (!match) return null;
  const time = `${match[1]!.padStart(2, "0")}:${match[2]}`;
  return TIME.test(time) ? time : null;
}
