import fs from "node:fs";
import path from "node:path";
import type { i18n as I18n, Resource, ResourceLanguage } from "i18next";
import { createI18n, FALLBACK_LANGUAGE, type Lang, LANGUAGES, pageLanguage } from "~/i18n";

const LOCALES_DIR = path.resolve("locales");

function loadResources(): Resource {
  const resources: Resource = {};
  for (const lang of LANGUAGES) {
    const dir = path.join(LOCALES_DIR, lang);
    const bundle: ResourceLanguage = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      bundle[path.basename(file, ".json")] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    }
    resources[lang] = bundle;
  }
  return resources;
}

const resources = loadResources();
// Resources never change while running, so one instance per language serves every request.
const instances = new Map<Lang, I18n>(LANGUAGES.map((lang) => [lang, createI18n(lang, resources)]));

export function getI18n(lang: Lang): I18n {
  return instances.get(lang) ?? instances.get(FALLBACK_LANGUAGE)!;
}

/** The language of a request (see pageLanguage). */
export function requestLanguage(request: Request): Lang {
  const url = new URL(request.url);
  return pageLanguage(url.pathname, url.searchParams.get("lng"), request.headers.get("accept-language"));
}

export function getFixedT(request: Request) {
  const lang = requestLanguage(request);
  return { lang, t: getI18n(lang).t };
}

/** Only the namespaces a page needs, for pages that hydrate. */
export function resourcesFor(lang: Lang, namespaces: readonly string[]): Resource {
  const all = resources[lang] ?? {};
  return { [lang]: Object.fromEntries(namespaces.filter((ns) => ns in all).map((ns) => [ns, all[ns]!])) };
}
