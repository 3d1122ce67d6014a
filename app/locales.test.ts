/**
 * Every language has exactly the keys English has, every value is translated, and every
 * {{placeholder}} survives translation.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "./i18n";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))),
  );
}

function load(lang: string): Record<string, string> {
  const dir = path.resolve("locales", lang);
  const all: Record<string, string> = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const ns = path.basename(file, ".json");
    for (const [k, v] of Object.entries(flatten(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"))))) all[`${ns}:${k}`] = v;
  }
  return all;
}

const english = load("en");
/** Values allowed to read the same as in English (loanwords the language really uses). */
// Brand names are written the same in every Latin- and Greek-script page.
const PLATFORM_NAMES = ["whatsapp", "facebook", "tiktok", "instagram", "telegram"].map((p) => `report:channels.${p}`);
// Patterns of placeholders only ("{{days}}: {{times}}"), punctuated alike in these languages.
const PATTERNS = ["centers:hoursLine", "centers:timeRange"];
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  it: [
    ...PATTERNS,
    "centers:email",
    "staff:setup.password",
    "staff:setup.email",
    ...PLATFORM_NAMES,
    "report:no",
    "report:money.paidOptions.no",
    "report:evidence.file",
  ],
  el: ["centers:email", ...PLATFORM_NAMES, ...PATTERNS],
  ur: ["centers:hoursLine"],
};
const PLACEHOLDER_TEXT = /\b(TODO|FIXME|TRANSLATE|TBD|lorem ipsum|XXX)\b|\[(en|EN)\]/;
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(LANGUAGES.filter((l) => l !== "en"))("locale %s", (lang) => {
  const messages = load(lang);

  it("has every key English has and no other", () => {
    expect(Object.keys(messages).filter((k) => !(k in english))).toEqual([]);
    expect(Object.keys(english).filter((k) => !(k in messages))).toEqual([]);
  });

  it("has no empty, placeholder or untranslated English values", () => {
    const bad = Object.entries(messages).filter(
      ([k, v]) => !v.trim() || PLACEHOLDER_TEXT.test(v) || (v === english[k] && !SAME_AS_ENGLISH[lang]?.includes(k)),
    );
    expect(bad).toEqual([]);
  });

  it("keeps every interpolation placeholder", () => {
    const broken = Object.keys(english).filter(
      (k) => messages[k] !== undefined && placeholders(messages[k]!).join() !== placeholders(english[k]!).join(),
    );
    expect(broken).toEqual([]);
  });
});

it("English itself has no placeholder text", () => {
  expect(Object.entries(english).filter(([, v]) => !v.trim() || PLACEHOLDER_TEXT.test(v))).toEqual([]);
});

it("Urdu values are written in Urdu script", () => {
  const urdu = load("ur");
  // Official terms (CNIC, NICOP, FIA, PDF) and examples may be Latin; a sentence may not.
  const latinSentences = Object.entries(urdu).filter(([, v]) => /[A-Za-z]{3,}(\s+[A-Za-z]{3,}){2,}/.test(v.replace(/\S+@\S+/g, "")));
  expect(latinSentences).toEqual([]);
});

/**
 * The glossary (`locales/glossary/<lang>.json`): for each term, the one wording a language uses and
 * the variants it must not use. Every string of every namespace, and the certificate PDF's own
 * source text, is held to it, so a page, a mail and the PDF never name one thing two ways.
 */
type GlossaryTerm = { id: string; en: string; wording: string; forbidden: string[] };
const glossary = (lang: string): GlossaryTerm[] =>
  (JSON.parse(fs.readFileSync(path.resolve("locales", "glossary", `${lang}.json`), "utf8")) as { terms: GlossaryTerm[] }).terms;
// A variant counts only as a whole word or phrase ("parente" is not in "parentela").
const asWord = (variant: string) =>
  new RegExp(`(?<![\\p{L}\\p{M}])${variant.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{M}])`, "iu");
const PDF_SOURCES = ["app/pdf/certificate-pdf.server.ts", "app/utils/signing-p12.server.ts"];

describe.each(LANGUAGES)("glossary %s", (lang) => {
  const terms = glossary(lang);
  const messages = load(lang);

  it("has the same terms as English, each with one wording that it does not forbid itself", () => {
    expect(terms.map((term) => term.id)).toEqual(glossary("en").map((term) => term.id));
    expect(terms.filter((term) => !term.wording.trim() || term.forbidden.some((variant) => asWord(variant).test(term.wording)))).toEqual(
      [],
    );
  });

  it("is kept by every string of every namespace", () => {
    const breaches = terms.flatMap((term) =>
      term.forbidden.flatMap((variant) => {
        const pattern = asWord(variant);
        return Object.entries(messages)
          .filter(([, value]) => pattern.test(value))
          .map(([key]) => `${key}: "${variant}" (${term.id}: say "${term.wording}")`);
      }),
    );
    expect(breaches).toEqual([]);
  });

  it("is kept by the certificate PDF's own text", () => {
    const source = PDF_SOURCES.map((file) => fs.readFileSync(path.resolve(file), "utf8")).join("\n");
    const breaches = terms.flatMap((term) =>
      term.forbidden.filter((variant) => asWord(variant).test(source)).map((variant) => `${term.id}: "${variant}"`),
    );
    expect(breaches).toEqual([]);
  });

  it("names the portal as the glossary does, in the header, titles and mail signature", () => {
    const portal = terms.find((term) => term.id === "portalName")!.wording;
    expect(messages["common:portal.name"]).toBe(portal);
    expect(messages["mail:signature"]).toMatch(new RegExp(`^${portal}`));
  });
});
