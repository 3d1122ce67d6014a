/**
 * A calendar date typed into day, month and year fields (the DateInput component), as YYYY-MM-DD,
 * or the translation key of what is wrong with it. `requiredKey` names what the empty form asks
 * for ("Enter your date of birth", "Enter the date of the holiday").
 */
export function readCalendarDate(
  day: string,
  month: string,
  year: string,
  requiredKey: string,
): { ok: true; iso: string } | { ok: false; error: string } {
  const parts = [day, month, year].map((p) => p.trim());
  if (parts.every((p) => p === "")) return { ok: false, error: requiredKey };
  if (parts.some((p) => p === "")) return { ok: false, error: "validation:date.incomplete" };
  if (!parts.every((p) => /^\d+$/.test(p)) || parts[2]!.length !== 4) return { ok: false, error: "validation:date.real" };
  const [d, m, y] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, error: "validation:date.real" };
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

/** A date as YYYY-MM-DD, the shape date links and buttons carry; says nothing about the calendar. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date as YYYY-MM-DD ("2026-02-30" is not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
