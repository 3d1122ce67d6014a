import * as z from "zod/mini";
import { ISO_DATE_PATTERN, readCalendarDate } from "./date";

export const HOLIDAY_FIELDS = ["date", "name"] as const;
export const HOLIDAY_INTENTS = ["add", "remove"] as const;
export const HolidayIntentSchema = z.object({ intent: z.enum(HOLIDAY_INTENTS) });

/** Holidays are announced months ahead at most; three years catches a mistyped year. */
const MAX_YEARS_AHEAD = 3;

function readHolidayDate(
  v: { dateDay: string; dateMonth: string; dateYear: string },
  today: string,
): { ok: true; iso: string } | { ok: false; error: string } {
  const date = readCalendarDate(v.dateDay, v.dateMonth, v.dateYear, "staff:validation.holidayDateRequired");
  if (!date.ok) return date;
  if (date.iso < today) return { ok: false, error: "staff:validation.holidayPast" };
  const latest = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
  if (date.iso > latest) return { ok: false, error: "staff:validation.holidayTooFar" };
  return date;
}

/** A new public holiday: a date from `today` (YYYY-MM-DD, Pakistan time) on, and its name. */
export function holidaySchema(today: string) {
  return z.pipe(
    z
      .object({
        dateDay: z._default(z.string(), ""),
        dateMonth: z._default(z.string(), ""),
        dateYear: z._default(z.string(), ""),
        name: z
          ._default(z.string(), "")
          .check(z.trim(), z.minLength(1, "staff:validation.holidayNameRequired"), z.maxLength(100, "staff:validation.holidayNameTooLong")),
      })
      .check(
        z.superRefine(
          (v, ctx) => {
            const date = readHolidayDate(v, today);
            if (!date.ok) ctx.issues.push({ code: "custom", input: v, message: date.error, path: ["date"] });
          },
          { when: () => true },
        ),
      ),
    z.transform((v) => ({ day: (readHolidayDate(v, today) as { iso: string }).iso, name: v.name })),
  );
}

/** The day of a holiday to remove, as the list's button sends it. */
export const HolidayDaySchema = z.object({ day: z.string().check(z.regex(ISO_DATE_PATTERN, "staff:validation.holidayDateRequired")) });
