import fontkit from "@pdf-lib/fontkit";
import jsQR from "jsqr";
import fs from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { getI18n } from "~/utils/i18n.server";
import { cropRgba, renderPdfPage } from "../../test/support/pdf-image";
import { COLUMN, posterTarget, renderPosterPdf, URDU_TITLE_SIZE } from "./poster-pdf.server";
import { shapeLine, shapeParagraph } from "./shaped-text.server";

const ATHENS = {
  localLang: "el" as const,
  names: {
    en: "Embassy of Pakistan, Athens",
    ur: "سفارت خانہ پاکستان، ایتھنز",
    el: "Πρεσβεία του Πακιστάν, Αθήνα",
    it: "Ambasciata del Pakistan, Atene",
  },
  referralCode: "ATHENS",
  publicUrl: "https://portal.example",
};

/** Every glyph id the page shows, in drawing order (each `<hhhh> Tj` of the content streams). */
async function drawnGlyphIds(pdf: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(pdf);
  const ids: number[] = [];
  doc.context.enumerateIndirectObjects().forEach(([, object]) => {
    if (!(object instanceof PDFRawStream) || object.dict.toString().includes("/Length1")) return;
    let text: string;
    try {
      text = inflateSync(object.getContents()).toString("latin1");
    } catch {
      return;
    }
    for (const match of text.matchAll(/<([0-9A-Fa-f]{4})> Tj/g)) ids.push(parseInt(match[1]!, 16));
  });
  return ids;
}

describe("the embassy poster", () => {
  it("sets the Urdu in shaped Nastaliq glyphs: joined forms, not the letters one by one", async () => {
    const title = getI18n("ur").t("centers:poster.title");
    const shaped = await shapeLine(title);
    const font = fontkit.create(
      fs.readFileSync(path.resolve("node_modules/@expo-google-fonts/noto-nastaliq-urdu/400Regular/NotoNastaliqUrdu_400Regular.ttf")),
    ) as unknown as { glyphForCodePoint(cp: number): { id: number } };
    // The glyph each letter has on its own (its isolated form), as a renderer without shaping prints it.
    const isolated = new Set([...title].filter((ch) => ch !== " ").map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id));
    const contextual = shaped.glyphs.filter((glyph) => !isolated.has(glyph.id));
    expect(contextual.length).toBeGreaterThan(shaped.glyphs.length / 2);

    const drawn = await drawnGlyphIds(await renderPosterPdf(ATHENS));
    const lines = await shapeParagraph(title, URDU_TITLE_SIZE, COLUMN);
    expect(lines.map((line) => line.text).join(" ")).toBe(title);
    for (const line of lines) {
      const ids = line.glyphs.map((glyph) => glyph.id);
      const at = drawn.findIndex((_, i) => ids.every((id, j) => drawn[i + j] === id));
      expect(at, `"${line.text}" is drawn glyph for glyph`).toBeGreaterThanOrEqual(0);
    }
  });

  it("puts the digits of an Urdu line in reading order, left to right inside the right-to-left line", async () => {
    const line = await shapeLine("کوڈ 2026 ہے");
    const digits = await shapeLine("2026");
    const ids = line.glyphs.map((g) => g.id);
    const run = digits.glyphs.map((g) => g.id);
    expect(ids.findIndex((_, i) => run.every((id, j) => ids[i + j] === id))).toBeGreaterThan(0);
    // Visual order: "ہے" is drawn first (at the left end), "کوڈ" last (at the right end).
    expect(line.glyphs.at(-1)!.x).toBeGreaterThan(line.glyphs[0]!.x);
  });

  it("has two QR codes that open the application in Greek and in Urdu with the referral code", async () => {
    const image = renderPdfPage(await renderPosterPdf(ATHENS), { dpi: 110 });
    const half = Math.floor(image.width / 2);
    const read = (x: number) => jsQR(cropRgba(image, x, 0, half, image.height), half, image.height)?.data;
    expect(read(0)).toBe(posterTarget(ATHENS.publicUrl, "el", "ATHENS"));
    expect(read(half)).toBe(posterTarget(ATHENS.publicUrl, "ur", "ATHENS"));
    expect(posterTarget(ATHENS.publicUrl, "ur", "ATHENS")).toBe("https://portal.example/ur/certificate?ref=ATHENS");
  });
});
