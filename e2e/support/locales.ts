/**
 * Expected texts come from the same locale files the app renders, so a copy edit does not break
 * the tests while a missing or wrong translation still does.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const LANGUAGES = ["ur", "en", "el", "it"] as const;
export type Lang = (typeof LANGUAGES)[number];

/** How the language switcher names each language: in that language itself. */
export const LANGUAGE_NAMES: Record<Lang, string> = { ur: "اردو", en: "English", el: "Ελληνικά", it: "Italiano" };

type Tree = { [key: string]: string | Tree };

const LOCALES_DIR = fileURLToPath(new URL("../../locales/", import.meta.url));
const namespaces = new Map<string, Tree>();

function namespace(lang: Lang, ns: string): Tree {
  const file = path.join(LOCALES_DIR, lang, `${ns}.json`);
  if (!namespaces.has(file)) namespaces.set(file, JSON.parse(fs.readFileSync(file, "utf8")) as Tree);
  return namespaces.get(file)!;
}

/** `t("en", "staff:setup.title")`; without a namespace, `common`. `{{name}}` is filled from `values`. */
export function t(lang: Lang, key: string, values: Record<string, string> = {}): string {
  const [ns, dotted] = key.includes(":") ? key.split(":", 2) : ["common", key];
  let node: string | Tree | undefined = namespace(lang, ns!);
  for (const part of dotted!.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`No translation for ${lang}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (match, name: string) => values[name] ?? match);
}

/** The document title: "<page> – <portal name>", or the portal name alone on the home page. */
export function pageTitle(lang: Lang, page?: string): string {
  return page ? `${page} – ${t(lang, "portal.name")}` : t(lang, "portal.name");
}
