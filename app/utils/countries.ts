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

let nameIndex: Map<string, string> | undefined;

/** Names people use that Intl does not give (an older name, a short form). */
const EVERYDAY_NAMES: Record<string, string> = {
  turkey: "TR",
  turkiye: "TR",
  ترکی: "TR",
  uk: "GB",
  england: "GB",
  britain: "GB",
  برطانیہ: "GB",
  انگلینڈ: "GB",
  uae: "AE",
  usa: "US",
  america: "US",
  امریکہ: "US",
  iran: "IR",
  italia: "IT",
  ellada: "GR",
  ελλαδα: "GR",
};

/** Case, accents and spacing do not matter: "italia", "Italía" and "ITALIA" are one name. */
function foldName(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();
}

/**
 * The country a person typed, by its name in any of the portal's languages or by its code
 * ("Libya", "لیبیا", "Λιβύη", "Libia", "LY"); null when it names none. For fields that suggest
 * names from a list but take free text, so the list stays light without a select per field.
 */
export function countryCodeFromName(text: string): string | null {
  if (!nameIndex) {
    nameIndex = new Map();
    for (const lang of Object.keys(INTL_LOCALES) as Lang[]) {
      for (const option of countryOptions(lang)) {
        nameIndex.set(foldName(option.label), option.value);
        nameIndex.set(foldName(option.value), option.value);
      }
    }
    for (const [name, code] of Object.entries(EVERYDAY_NAMES)) nameIndex.set(foldName(name), code);
  }
  return nameIndex.get(foldName(text)) ?? null;
}
