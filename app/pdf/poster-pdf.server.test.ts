import fontkit from "@pdf-lib/fontkit";
import jsQR from "jsqr";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getI18n } from "~/utils/i18n.server";
import { containsRun, cropRgba, drawnGlyphIds, renderPdfPage } from "../../test/support/pdf-image";
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
      expect(
        containsRun(
          drawn,
          line.glyphs.map((glyph) => glyph.id),
        ),
        `"${line.text}" is drawn glyph for glyph`,
      ).toBe(1);
    }
  });

  it("puts the digits of an Urdu line in reading order, left to right inside the right-to-left line", async () => {
    const line = await shapeLine("کوڈ 2026 ہے");
    const digits = await shapeLine("2026");
    expect(
      containsRun(
        line.glyphs.map((g) => g.id),
        digits.glyphs.map((g) => g.id),
      ),
    ).toBe(1);
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
