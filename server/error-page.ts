/**
 * Pages for the refusals made before Remix runs (malformed request, body too large, too many
 * requests), in the language the page would have been in, with no stack trace and no script.
 */
import fs from "node:fs";
import path from "node:path";
import type { Request } from "express";
import { type Lang, LANGUAGES, pageLanguage, textDirection } from "../app/i18n";
import type { ErrorPageKey } from "../app/utils/responses";

type Messages = { portal: { name: string }; errors: Record<string, { title: string; body: string } | string> };

const messages = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, JSON.parse(fs.readFileSync(path.resolve("locales", lang, "common.json"), "utf8")) as Messages]),
) as Record<Lang, Messages>;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function errorPage(req: Request, key: ErrorPageKey): string {
  // The raw URL: a path Express cannot decode still has its language prefix.
  const url = new URL(req.originalUrl, "http://x");
  const lang = pageLanguage(url.pathname, url.searchParams.get("lng"), req.get("accept-language"));
  const m = messages[lang];
  const entry = m.errors[key] as { title: string; body: string };
  return `<!doctype html><html lang="${lang}" dir="${textDirection(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(entry.title)} – ${escapeHtml(m.portal.name)}</title></head><body><main><h1>${escapeHtml(entry.title)}</h1><p>${escapeHtml(entry.body)}</p><p><a href="/${lang}">${escapeHtml(String(m.errors.goHome))}</a></p></main></body></html>`;
}
