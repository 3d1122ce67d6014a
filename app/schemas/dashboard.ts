/** The dashboard's period, read from the query string: two dates, both optional, both kept when wrong. */
import * as z from "zod/mini";
import { daysBetween, defaultPeriod, EARLIEST_DAY, MAX_PERIOD_DAYS } from "~/domain/dashboard";
import { type FormValues, formValues, type ParsedForm, parseForm } from "~/utils/form";
import { isIsoDate } from "./date";

export const DASHBOARD_FIELDS = ["from", "to"] as const;

/** `today` is YYYY-MM-DD (UTC); an empty date falls back to the default twelve weeks. */
export function dashboardQuerySchema(today: string) {
  const fallback = defaultPeriod(today);
  const date = () =>
    z._default(z.string(), "").check(
      z.trim(),
      z.refine((v) => v === "" || isIsoDate(v), "staff:validation.dateFormat"),
      z.refine((v) => v === "" || !isIsoDate(v) || (v >= EARLIEST_DAY && v <= today), "staff:validation.dashboardDateBounds"),
    );
  const usable = (v: string) => isIsoDate(v) && v >= EARLIEST_DAY && v <= today;
  return z.pipe(
    z.object({ from: date(), to: date() }).check(
      z.refine(
        (v) => !usable(v.from || fallback.from) || !usable(v.to || fallback.to) || (v.from || fallback.from) <= (v.to || fallback.to),
        {
          message: "staff:validation.dateOrder",
          path: ["to"],
          when: () => true,
        },
      ),
      z.refine(
        (v) =>
          !usable(v.from || fallback.from) ||
          !usable(v.to || fallback.to) ||
          (v.from || fallback.from) > (v.to || fallback.to) ||
          daysBetween(v.from || fallback.from, v.to || fallback.to) < MAX_PERIOD_DAYS,
        { message: "staff:validation.dashboardPeriodTooLong", path: ["from"], when: () => true },
      ),
    ),
    z.transform((v) => ({ from: v.from || fallback.from, to: v.to || fallback.to })),
  );
}

/** A staff page's period from its query string (the dashboard's, the embassy desk's figures): what was typed, and the parse. */
export function readPeriodQuery(url: URL, now: Date): { values: FormValues; parsed: ParsedForm<{ from: string; to: string }> } {
  const query = new FormData();
  for (const [key, value] of url.searchParams) query.append(key, value);
  return { values: formValues(query), parsed: parseForm(dashboardQuerySchema(now.toISOString().slice(0, 10)), query) };
}
