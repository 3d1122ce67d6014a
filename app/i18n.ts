/** Languages of the portal and the rules that need no I/O; safe for server and browser. */
import i18next, { type i18n as I18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = ["ur", "en", "el", "it"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Lang = "en";

/** Each language named in itself, as the switcher shows it. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  ur: "اردو",
  en: "English",
  el: "Ελληνικά",
  it: "Italiano",
};

/** Locales for Intl: a region so dates read as people in that country expect. */
export const INTL_LOCALES: Record<Lang, string> = {
  ur: "ur-PK",
  en: "en-GB",
  el: "el-GR",
  it: "it-IT",
};

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function textDirection(lang: Lang): "rtl" | "ltr" {
  return lang === "ur" ? "rtl" : "ltr";
}

/** Picks the best supported language from an Accept-Language header (RFC 9110 q-values). */
export function negotiateLanguage(header: string | null | undefined): Lang {
  if (!header) return FALLBACK_LANGUAGE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { base: tag.toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((r) => r.base).find(isLang) ?? FALLBACK_LANGUAGE;
}

/** The language a URL is in: its first path segment when that is a language, else null. */
export function languageFromPath(pathname: string): Lang | null {
  const first = pathname.split("/")[1];
  return isLang(first) ? first : null;
}

/**
 * The language a page is shown in: the URL prefix; for pages without one, `?lng=`, then English
 * for staff pages (their default), then the browser's Accept-Language. One rule for Remix pages
 * and for the refusals the Express layer answers before Remix runs.
 */
export function pageLanguage(pathname: string, lng: string | null, acceptLanguage: string | null | undefined): Lang {
  const fromPath = languageFromPath(pathname);
  if (fromPath) return fromPath;
  if (isLang(lng)) return lng;
  if (pathname === "/staff" || pathname.startsWith("/staff/")) return "en";
  return negotiateLanguage(acceptLanguage);
}

/** The same page in another language: swaps the prefix, or sets ?lng= on pages without one. */
export function pathInLanguage(pathname: string, search: string, lang: Lang): string {
  if (languageFromPath(pathname)) return `/${lang}${pathname.slice(3)}${search}`;
  const params = new URLSearchParams(search);
  params.set("lng", lang);
  return `${pathname}?${params.toString()}`;
}

export function createI18n(lang: Lang, resources: Resource): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources,
    defaultNS: "common",
    ns: Object.keys(resources[lang] ?? {}),
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
    returnNull: false,
  });
  return instance;
}
