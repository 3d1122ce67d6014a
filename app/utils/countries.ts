/** Country choices named and sorted in the reader's language (Intl), codes from libphonenumber's list. */
import { getCountries } from "libphonenumber-js/min";
import { INTL_LOCALES, type Lang } from "~/i18n";

export type CountryOption = { value: string; label: string };

const cache = new Map<Lang, CountryOption[]>();

export function countryOptions(lang: Lang): CountryOption[] {
  const cached = cache.get(lang);
  if (cached) return cached;
  const names = new Intl.DisplayNames([INTL_LOCALES[lang]], { type: "region" });
  const collator = new Intl.Collator(INTL_LOCALES[lang]);
  // AC and TA are phone-only regions (Ascension, Tristan da Cunha) that no passport names.
  const options = getCountries()
    .filter((code) => code !== "AC" && code !== "TA")
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.label, b.label));
  cache.set(lang, options);
  return options;
}
