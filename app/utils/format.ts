/** Dates, numbers and country names in the page's language, through Intl (no hand-made tables). */
import { INTL_LOCALES, type Lang } from "~/i18n";

export function countryName(lang: Lang, countryCode: string): string {
  return new Intl.DisplayNames([INTL_LOCALES[lang]], { type: "region" }).of(countryCode) ?? countryCode;
}

/** A calendar date (stored as ISO in UTC), e.g. "28 November 2026" / "28 نومبر 2026". */
export function formatDate(lang: Lang, iso: string, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[lang], { dateStyle: "long", timeZone }).format(new Date(iso));
}

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALES[lang]).format(value);
}

/** Sorts by the reader's alphabet, so Greek readers get Greek order and Urdu readers Urdu order. */
export function compareText(lang: Lang): (a: string, b: string) => number {
  return new Intl.Collator(INTL_LOCALES[lang]).compare;
}
