/**
 * What a center's public page says beyond its address: the services its desk offers, the languages
 * spoken there, the language a shared link opens in, and how a visitor finds a center by name.
 * Codes are stored; their names come from the locales (services) or from Intl (languages).
 */
import type { Lang } from "~/i18n";

export const CENTER_SERVICES = [
  "certificate_help",
  "certificate_collection",
  "document_attestation",
  "passport_nicop",
  "report_help",
] as const;
export type CenterService = (typeof CENTER_SERVICES)[number];

/** Languages a desk may speak: the portal's four, and Punjabi and Spanish, which many visitors need. */
export const SPOKEN_LANGUAGES = ["ur", "pa", "en", "el", "it", "es"] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/** Stored as comma-separated codes; unknown codes (a release removed one) are dropped, order kept as listed above. */
export function readCodes<T extends string>(stored: string | null, known: readonly T[]): T[] {
  const present = new Set((stored ?? "").split(","));
  return known.filter((code) => present.has(code));
}

export function writeCodes<T extends string>(codes: readonly T[], known: readonly T[]): string | null {
  const kept = known.filter((code) => codes.includes(code));
  return kept.length > 0 ? kept.join(",") : null;
}

/**
 * The language a link without one opens in: the language of the country the center is in, where the
 * portal speaks it (a poster in Athens is read by Greek staff and by visitors who live there), Urdu
 * in Pakistan, and English elsewhere until the portal speaks that country's language.
 */
export function centerPageLanguage(countryCode: string): Lang {
  switch (countryCode) {
    case "GR":
    case "CY":
      return "el";
    case "IT":
    case "SM":
      return "it";
    case "PK":
      return "ur";
    default:
      return "en";
  }
}

/** Case, accents, Urdu diacritics and width folded away, so "athina", "Αθήνα" and "ATHÍNA" find what they name. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en")
    .replace(/[\s\p{P}]+/gu, " ")
    .trim();
}

/** Every word of the query appears in one of the center's names, its city or its country's names. */
export function matchesCenterSearch(query: string, texts: readonly string[]): boolean {
  const words = foldForSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.map(foldForSearch).join(" ");
  return words.every((word) => haystack.includes(word));
}

export type MapLinks = { geo: string; openStreetMap: string };

/**
 * A `geo:` link opens the phone's own map app; the OpenStreetMap link is for a computer. Both are
 * plain links: nothing from another site is loaded until the visitor follows one.
 */
export function mapLinks(latitude: number | null, longitude: number | null): MapLinks | null {
  if (latitude === null || longitude === null) return null;
  const lat = latitude.toFixed(6);
  const lon = longitude.toFixed(6);
  return {
    geo: `geo:${lat},${lon}`,
    openStreetMap: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`,
  };
}

/** Slugs are lower-case words joined by hyphens ("athens", "dera-ghazi-khan"); anything else is not a center. */
export function isCenterSlug(value: unknown): value is string {
  return typeof value === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && value.length <= 64;
}
