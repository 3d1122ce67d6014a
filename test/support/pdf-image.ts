/**
 * A PDF page as a person sees it: rendered by poppler's pdftoppm (the renderer of most Linux
 * viewers), so tests check the pixels a printer gets, not the objects we think we wrote.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFRawStream } from "pdf-lib";

export type GreyImage = { width: number; height: number; pixels: Uint8Array };

/** Page `page` (1-based) in shades of grey at `dpi`. */
export function renderPdfPage(pdf: Uint8Array, { page = 1, dpi = 100 } = {}): GreyImage {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-pdf-"));
  try {
    const file = path.join(dir, "in.pdf");
    fs.writeFileSync(file, pdf);
    execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), file, path.join(dir, "out")]);
    const out = fs.readdirSync(dir).find((name) => name.endsWith(".pgm"));
    if (!out) throw new Error("pdftoppm wrote no image");
    return readPgm(fs.readFileSync(path.join(dir, out)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Binary PGM (P5, 8 bits): a header of magic, width, height and maximum, then one byte a pixel. */
function readPgm(bytes: Buffer): GreyImage {
  const header: string[] = [];
  let offset = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[offset]!))) offset += 1;
    let token = "";
    while (!/\s/.test(String.fromCharCode(bytes[offset]!))) token += String.fromCharCode(bytes[offset++]!);
    header.push(token);
  }
  if (header[0] !== "P5" || header[3] !== "255") throw new Error(`not an 8-bit PGM: ${header.join(" ")}`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: bytes.subarray(offset + 1, offset + 1 + width * height) };
}

/** A rectangle of the image as RGBA, the form QR decoders read. */
export function cropRgba(image: GreyImage, x: number, y: number, width: number, height: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row += 1) {
    for (let col = 0; col < width; col += 1) {
      const grey = image.pixels[(y + row) * image.width + (x + col)]!;
      rgba.set([grey, grey, grey, 255], (row * width + col) * 4);
    }
  }
  return rgba;
}

/**
 * Every glyph id the PDF's content streams show with `<hhhh> Tj`, in drawing order: how the shaped
 * text (app/pdf/shaped-text.server.ts) is written. Font files (streams with /Length1) are skipped.
 */
export async function drawnGlyphIds(pdf: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(pdf);
  const ids: number[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.toString().includes("/Length1")) continue;
    let text: string;
    try {
      text = inflateSync(object.getContents()).toString("latin1");
    } catch {
      continue;
    }
    for (const match of text.matchAll(/<([0-9A-Fa-f]{4})> Tj/g)) ids.push(parseInt(match[1]!, 16));
  }
  return ids;
}

/** How many times `run` stands, in order and unbroken, in `ids`. */
export function containsRun(ids: readonly number[], run: readonly number[]): number {
  let count = 0;
  for (let i = 0; i + run.length <= ids.length; i += 1) if (run.every((id, j) => ids[i + j] === id)) count += 1;
  return count;
}

/** The PDF's text as poppler's pdftotext extracts it (what copying or searching finds), lines joined by spaces. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-pdf-"));
  try {
    const file = path.join(dir, "in.pdf");
    fs.writeFileSync(file, pdf);
    return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
