/**
 * Reading a certificate PDF back in tests (Vitest and Playwright): its pages, its images, the QR
 * code decoded from the embedded PNG with jsQR (not from the link annotation, so the printed code
 * itself is what is tested), and the signature's byte range. No renderer needed.
 */
import { inflateSync } from "node:zlib";
import jsQR from "jsqr";
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRawStream, PDFString } from "pdf-lib";

type ImageStream = { width: number; height: number; filter: string; bytes: Uint8Array; colorSpace: string };

function imagesOf(doc: PDFDocument): ImageStream[] {
  const images: ImageStream[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const dict = object.dict;
    if (dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) continue;
    const number = (key: string) => (dict.get(PDFName.of(key)) as PDFNumber | undefined)?.asNumber() ?? 0;
    images.push({
      width: number("Width"),
      height: number("Height"),
      filter: String(dict.get(PDFName.of("Filter")) ?? ""),
      colorSpace: String(dict.get(PDFName.of("ColorSpace")) ?? ""),
      bytes: object.contents,
    });
  }
  return images;
}

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

/** The JPEG files embedded as they are (pdf-lib stores a JPEG's bytes unchanged, DCTDecode). */
export async function embeddedJpegs(bytes: Uint8Array): Promise<Uint8Array[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return imagesOf(doc)
    .filter((i) => i.filter === "/DCTDecode")
    .map((i) => i.bytes);
}

/** The text of every QR code among the PDF's RGB images (pdf-lib stores a PNG's pixels deflated). */
export async function decodeQrCodes(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: string[] = [];
  for (const image of imagesOf(doc).filter((i) => i.filter === "/FlateDecode")) {
    const pixels = inflateSync(image.bytes);
    const channels = pixels.length / (image.width * image.height);
    if (channels !== 3 && channels !== 1) continue;
    const rgba = new Uint8ClampedArray(image.width * image.height * 4);
    for (let i = 0; i < image.width * image.height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + (channels === 3 ? c : 0)]!;
      rgba[i * 4 + 3] = 255;
    }
    const qr = jsQR(rgba, image.width, image.height);
    if (qr) found.push(qr.data);
  }
  return found;
}

/** The URIs of the first page's link annotations. */
export async function linkTargets(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const annots = doc.getPage(0).node.lookupMaybe(PDFName.of("Annots"), PDFArray);
  const targets: string[] = [];
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    const annot = annots!.lookup(i, PDFDict);
    const action = annot.lookupMaybe(PDFName.of("A"), PDFDict);
    const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString);
    if (uri) targets.push(uri.decodeText());
  }
  return targets;
}

/**
 * The signature's /ByteRange [a b c d] and the signed content's hex length, read from the raw
 * bytes: the ranges must cover the whole file except the signature itself.
 */
export function signatureByteRange(bytes: Uint8Array): { range: number[]; signatureHexLength: number } | null {
  const text = Buffer.from(bytes).toString("latin1");
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!match) return null;
  const range = match.slice(1, 5).map(Number);
  const contents = text.slice(range[1]!, range[2]!);
  const hex = /^<([0-9a-fA-F]+)>$/.exec(contents)?.[1] ?? "";
  return { range, signatureHexLength: hex.replace(/(00)+$/, "").length };
}
