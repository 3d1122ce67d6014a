/**
 * A PDF page as a person sees it: rendered by poppler's pdftoppm (the renderer of most Linux
 * viewers), so tests check the pixels a printer gets, not the objects we think we wrote.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

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
