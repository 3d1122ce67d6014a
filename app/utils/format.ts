/** Dates, numbers and country names in the page's language, through Intl (no hand-made tables). */
import { INTL_LOCALES, type Lang } from "~/i18n";

export function countryName(lang: Lang, countryCode: string): string {
  return new Intl.DisplayNames([INTL_LOCALES[lang]], { type: "region" }).of(countryCode) ?? countryCode;
}

/**
 * Parts of one address or place ("Lahore, Model Town") joined with the language's own comma: Urdu
 * writes "،", and a Latin comma between Nastaliq words reads as a stray mark.
 */
export function joinParts(lang: Lang, parts: readonly string[]): string {
  return parts.join(lang === "ur" ? "، " : ", ");
}

/**
 * Making an Intl formatter costs far more than using one (a queue page of 25 cases spent a fifth
 * of its time building date formatters), so each is made once per language and time zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A calendar date (stored as ISO in UTC), e.g. "28 November 2026" / "28 نومبر 2026". */
export function formatDate(lang: Lang, iso: string, timeZone = "UTC"): string {
  return cached(`date:${lang}:${timeZone}`, () => new Intl.DateTimeFormat(INTL_LOCALES[lang], { dateStyle: "long", timeZone })).format(
    new Date(iso),
  );
}

/** A calendar date in few letters, e.g. "21 Dec 2026" (a chart's labels, where room is short). */
export function formatShortDate(lang: Lang, iso: string): string {
  return cached(`short-date:${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALES[lang], { dateStyle: "medium", timeZone: "UTC" })).format(
    new Date(iso),
  );
}

/** A calendar date with its weekday, e.g. "Friday, 25 December 2026" (days off, where the weekday matters). */
export function formatDay(lang: Lang, iso: string): string {
  return cached(`day:${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALES[lang], { dateStyle: "full", timeZone: "UTC" })).format(
    new Date(iso),
  );
}

type MomentStyle = { dateStyle?: "medium" | "long"; timeStyle?: "short" | "medium" | "long" };

/** Where one moment matters to the reader (an invitation's expiry, a lockout), spelled out with its zone. */
export const LONG_MOMENT: MomentStyle = { dateStyle: "long", timeStyle: "long" };

/** A UTC moment, e.g. "28 Nov 2026, 09:00" (lists: audit log, case history) or with `long` styles "1 December 2026 at 09:00:00 UTC". */
export function formatMoment(lang: Lang, iso: string | Date, { dateStyle = "medium", timeStyle = "short" }: MomentStyle = {}): string {
  return cached(
    `moment:${lang}:${dateStyle}:${timeStyle}`,
    () => new Intl.DateTimeFormat(INTL_LOCALES[lang], { dateStyle, timeStyle, timeZone: "UTC" }),
  ).format(new Date(iso));
}

/** A count or a measure; `maximumFractionDigits` rounds a median of days to one decimal. */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 3): string {
  return cached(
    `number:${lang}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(INTL_LOCALES[lang], { maximumFractionDigits }),
  ).format(value);
}

/**
 * An amount in Pakistani rupees with the currency named in the reader's language ("500 Pakistani
 * rupees", "500 rupie pakistane"): the sign "Rs" (what Urdu gets by default) and the code "PKR"
 * (Greek and Italian) tell an applicant nothing, and each language got a different one.
 */
export function formatRupees(lang: Lang, amount: number): string {
  return cached(
    `rupees:${lang}`,
    () =>
      new Intl.NumberFormat(INTL_LOCALES[lang], { style: "currency", currency: "PKR", currencyDisplay: "name", maximumFractionDigits: 0 }),
  ).format(amount);
}

/** A currency's name in the reader's language ("Euro", "یورو", "Ευρώ"), from its ISO code. */
export function currencyName(lang: Lang, code: string): string {
  return new Intl.DisplayNames([INTL_LOCALES[lang]], { type: "currency" }).of(code) ?? code;
}

/** An amount in any currency, named by its code as a person typed or chose it ("8.000,00 €", "8,000 TRY"). */
export function formatMoney(lang: Lang, amount: number, currency: string): string {
  return cached(
    `money:${lang}:${currency}`,
    () => new Intl.NumberFormat(INTL_LOCALES[lang], { style: "currency", currency, maximumFractionDigits: 0 }),
  ).format(amount);
}

/** Sorts by the reader's alphabet, so Greek readers get Greek order and Urdu readers Urdu order. */
export function compareText(lang: Lang): (a: string, b: string) => number {
  return new Intl.Collator(INTL_LOCALES[lang]).compare;
}

/** A `YYYY-MM` month as the reader says it: "June 2005", "جون 2005", "Ιούνιος 2005". */
export function formatMonth(lang: Lang, yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(INTL_LOCALES[lang], { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** "June 2005 to May 2010", or "From June 2005 until I went abroad" for the last address. */
export function addressPeriod(t: (key: string, values: Record<string, string>) => string, from: string, to: string | null): string {
  return to ? t("certificate:addresses.period", { from, to }) : t("certificate:addresses.periodUntilLeaving", { from });
}

/** A weekday by its ISO number (Monday = 1), e.g. "Monday" / "پیر". */
export function weekdayName(lang: Lang, isoDay: number): string {
  // 1 January 2024 was a Monday.
  return cached(`weekday:${lang}`, () => new Intl.DateTimeFormat(INTL_LOCALES[lang], { weekday: "long", timeZone: "UTC" })).format(
    new Date(Date.UTC(2024, 0, isoDay)),
  );
}

/** A clock time stored as "HH:MM", as the language writes it ("09:30", "9:30 AM" is never guessed: 24-hour, as offices post it). */
export function formatClockTime(lang: Lang, time: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  return cached(
    `clock:${lang}`,
    () => new Intl.DateTimeFormat(INTL_LOCALES[lang], { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }),
  ).format(new Date(Date.UTC(2024, 0, 1, hours, minutes)));
}

/** A language by its code, in the page's language, e.g. "Punjabi" / "پنجابی". */
export function languageName(lang: Lang, code: string): string {
  return new Intl.DisplayNames([INTL_LOCALES[lang]], { type: "language" }).of(code) ?? code;
}
