/**
 * Urdu (and any right-to-left or mixed) text for PDFs, shaped properly: bidi-js resolves the
 * Unicode bidirectional levels (UAX #9) of a line, its runs are put in visual order, and HarfBuzz
 * shapes each run with Noto Nastaliq Urdu, so letters join and stack as Nastaliq requires. The
 * glyphs are then drawn by id (the font is embedded whole, as a CID font with Identity encoding,
 * so the ids HarfBuzz chose are the ids the PDF shows). pdf-lib's own text drawing cannot do this:
 * it maps characters to glyphs one by one, which prints Urdu as separate, unjoined letters.
 *
 * The libraries (HarfBuzz is WebAssembly, about 1.5 MB) and the font are loaded at the first use.
 */
import fs from "node:fs";
import path from "node:path";
import type { Color, PDFDocument, PDFFont, PDFPage } from "pdf-lib";
import type { PDFOperatorArg } from "pdf-lib/cjs/core/operators/PDFOperator";
import type * as PdfLibModule from "pdf-lib";

/** pdf-lib itself, which callers load when they first draw (it is large, and most requests need none of it). */
type PdfLib = typeof PdfLibModule;

const NASTALIQ_FILE = path.resolve("node_modules/@expo-google-fonts/noto-nastaliq-urdu/400Regular/NotoNastaliqUrdu_400Regular.ttf");

/** A glyph of a shaped line: its id in the font and where it sits, in font units from the line's left end. */
export type ShapedGlyph = { id: number; x: number; y: number };
/** `advance` is in font units; `upem` (units per em) turns it into points at a size. */
export type ShapedLine = { text: string; glyphs: ShapedGlyph[]; advance: number; upem: number };

/** The width of a shaped line, in points at `size`. */
export function shapedWidth(line: ShapedLine, size: number): number {
  return (line.advance * size) / line.upem;
}

async function loadShaper() {
  const [hb, bidiModule] = await Promise.all([import("harfbuzzjs"), import("bidi-js")]);
  const bytes = fs.readFileSync(NASTALIQ_FILE);
  const face = new hb.Face(new hb.Blob(bytes));
  const font = new hb.Font(face);
  return { hb, font, upem: face.upem, bidi: bidiModule.default(), bytes };
}
let shaper: ReturnType<typeof loadShaper> | undefined;
const loaded = () => (shaper ??= loadShaper());

type Run = { start: number; end: number; level: number };

/** Runs of one embedding level, in the visual order of rule L2 (reverse from the highest level down to the lowest odd one). */
function visualRuns(levels: Uint8Array, length: number): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < length; i += 1) {
    const level = levels[i]!;
    const last = runs.at(-1);
    if (last && last.level === level) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level });
  }
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j += 1;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs;
}

/** One line, in a right-to-left paragraph (Urdu), shaped and in visual order, left to right. */
export async function shapeLine(text: string): Promise<ShapedLine> {
  const { hb, font, bidi, upem } = await loaded();
  const { levels } = bidi.getEmbeddingLevels(text, "rtl");
  const glyphs: ShapedGlyph[] = [];
  let pen = 0;
  for (const run of visualRuns(levels, text.length)) {
    const buffer = new hb.Buffer();
    buffer.addText(text.slice(run.start, run.end));
    buffer.setDirection(run.level % 2 === 1 ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.setLanguage("ur");
    buffer.guessSegmentProperties();
    hb.shape(font, buffer);
    const positions = buffer.getGlyphPositions();
    // HarfBuzz returns a right-to-left run already in visual order.
    buffer.getGlyphInfos().forEach((info, index) => {
      const position = positions[index]!;
      glyphs.push({ id: info.codepoint, x: pen + position.xOffset, y: position.yOffset });
      pen += position.xAdvance;
    });
  }
  return { text, glyphs, advance: pen, upem };
}

/** Lines no wider than `width` points at `size`, broken between words. */
export async function shapeParagraph(text: string, size: number, width: number): Promise<ShapedLine[]> {
  const { upem } = await loaded();
  const limit = (width * upem) / size;
  const lines: ShapedLine[] = [];
  let current: ShapedLine | null = null;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = await shapeLine(current ? `${current.text} ${word}` : word);
    if (current && candidate.advance > limit) {
      lines.push(current);
      current = await shapeLine(word);
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

/** The Nastaliq font, embedded whole: its glyph ids are the ones HarfBuzz returns. */
export async function embedNastaliq(doc: PDFDocument): Promise<PDFFont> {
  const { bytes } = await loaded();
  return doc.embedFont(bytes, { subset: false, customName: "PSCG-NotoNastaliqUrdu" });
}

/**
 * Draws a shaped line with its right end at `right` (Urdu is set flush right), each glyph placed
 * where HarfBuzz put it. The logical text is attached as ActualText, so copying from the PDF or
 * searching it gives the Urdu as written, not glyph soup. `pdf` is pdf-lib, loaded by the caller.
 */
export function drawShapedLine(
  pdf: PdfLib,
  page: PDFPage,
  font: PDFFont,
  line: ShapedLine,
  { right, y, size, color }: { right: number; y: number; size: number; color: Color },
): void {
  const scale = size / line.upem;
  const left = right - line.advance * scale;
  const key = page.node.newFontDictionary(font.name, font.ref);
  const hex = (id: number) => pdf.PDFHexString.of(id.toString(16).padStart(4, "0"));
  page.pushOperators(
    pdf.pushGraphicsState(),
    pdf.PDFOperator.of(pdf.PDFOperatorNames.BeginMarkedContentSequence, [
      pdf.PDFName.of("Span"),
      // pdf-lib's operator type lists no dictionaries, though it writes one as any other object.
      page.doc.context.obj({ ActualText: pdf.PDFHexString.fromText(line.text) }) as unknown as PDFOperatorArg,
    ]),
    pdf.setFillingColor(color),
    pdf.beginText(),
    pdf.setFontAndSize(key, size),
    ...line.glyphs.flatMap((glyph) => [
      pdf.setTextMatrix(1, 0, 0, 1, left + glyph.x * scale, y + glyph.y * scale),
      pdf.showText(hex(glyph.id)),
    ]),
    pdf.endText(),
    pdf.PDFOperator.of(pdf.PDFOperatorNames.EndMarkedContent),
    pdf.popGraphicsState(),
  );
}
