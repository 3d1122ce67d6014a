/**
 * Every input is made here (no fixtures to download). inspectUpload takes only bytes: a file's
 * name and declared type never reach it, so "an SVG named passport.jpg" is just the SVG's bytes.
 */
import { deflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { type DocumentKind, MAX_DOCUMENT_BYTES } from "~/domain/document-rules";
import { inspectUpload, type UploadRejection } from "./document-check.server";

async function expectRejected(bytes: Uint8Array, reason: UploadRejection, kind: DocumentKind = "passport") {
  expect(await inspectUpload(bytes, kind)).toEqual({ ok: false, reason });
}

async function expectAccepted(bytes: Uint8Array, kind: DocumentKind = "passport") {
  const result = await inspectUpload(bytes, kind);
  if (!result.ok) throw new Error(`refused as ${result.reason}`);
  return result;
}

/** True when the EXIF block's first IFD points to a GPS IFD (tag 0x8825), in either byte order. */
function exifHasGps(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  for (let i = 0; i < u16(ifd0); i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

const GPS = { GPSLatitudeRef: "N", GPSLatitude: "37/1 58/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "23/1 43/1 0/1" };

function solid(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } });
}

function noisy(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } });
}

async function cleanPdf({ pages = 1, useObjectStreams = true } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const image = await pdf.embedPng(await noisy(60, 40).png().toBuffer());
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Passport data page ${i + 1}`, { x: 50, y: 780, size: 14, font });
    page.drawImage(image, { x: 50, y: 600, width: 120, height: 80 });
  }
  return pdf.save({ useObjectStreams });
}

/** A clean document, then `tamper` adds something before saving. */
async function pdfWith(tamper: (pdf: PDFDocument) => void | Promise<void>, useObjectStreams = true): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(await cleanPdf({ useObjectStreams }));
  await tamper(pdf);
  return pdf.save({ useObjectStreams });
}

function javascriptAction(pdf: PDFDocument) {
  return pdf.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('hello')") });
}

const text = (s: string) => new TextEncoder().encode(s);
const has = (bytes: Uint8Array, s: string) => Buffer.from(bytes).includes(Buffer.from(s, "latin1"));

/** A minimal PDF whose first object is the given stream (pdf-lib parses objects in file order). */
function pdfWithStream(dict: string, data: Uint8Array): Uint8Array {
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from(
      "\nendstream\nendobj\n2 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj\n3 0 obj\n<< /Type /Pages /Kids [4 0 R] /Count 1 >>\nendobj\n" +
        "4 0 obj\n<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 2 0 R /Size 5 >>\n%%EOF\n",
      "latin1",
    ),
  ]);
}

describe("inspectUpload: size", () => {
  it("refuses an empty file", async () => {
    await expectRejected(new Uint8Array(0), "empty");
  });

  it("refuses a 50 MB file without reading it, and anything over 5 MB", async () => {
    await expectRejected(Buffer.alloc(50 * 1024 * 1024), "tooLarge");
    const justOver = Buffer.alloc(5 * 1024 * 1024 + 1);
    justOver.set(await solid(10, 10).jpeg().toBuffer());
    await expectRejected(justOver, "tooLarge");
  });
});

describe("inspectUpload: type from content", () => {
  it("refuses an SVG with a script, even when it is named .jpg", async () => {
    const svg = text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    await expectRejected(svg, "wrongType");
    await expectRejected(svg, "photoMustBeImage", "photo");
  });

  it("refuses a text file named .pdf, HTML, a GIF, a WebP and an executable", async () => {
    await expectRejected(text("This is not a PDF, whatever its name says.\n"), "wrongType");
    await expectRejected(text("<!doctype html><html><body><script>alert(1)</script></body></html>"), "wrongType");
    await expectRejected(await solid(10, 10).gif().toBuffer(), "wrongType");
    await expectRejected(await solid(10, 10).webp().toBuffer(), "wrongType");
    const exe = Buffer.alloc(512);
    exe.write("MZ", 0, "latin1");
    exe.writeUInt32LE(128, 0x3c);
    exe.write("PE\0\0", 128, "latin1");
    await expectRejected(exe, "wrongType");
  });

  it("refuses a PDF for the photo", async () => {
    await expectRejected(await cleanPdf(), "photoMustBeImage", "photo");
  });
});

describe("inspectUpload: images", () => {
  it("stores a JPEG without its GPS position or any other metadata, turned upright", async () => {
    const input = await solid(400, 300)
      .jpeg()
      .withMetadata({ orientation: 6 }) // "rotate 90° to display", as phones write it
      .withExifMerge({ IFD0: { Make: "TestPhone", Model: "Serial 12345" }, IFD3: GPS })
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif && exifHasGps(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);

    const result = await expectAccepted(input, "photo");
    expect(result.contentType).toBe("image/jpeg");
    const after = await sharp(Buffer.from(result.bytes)).metadata();
    expect(after.format).toBe("jpeg");
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(has(result.bytes, "Exif")).toBe(false);
    expect(has(result.bytes, "TestPhone")).toBe(false);
    expect([result.width, result.height, after.width, after.height]).toEqual([300, 400, 300, 400]);
  });

  it("stores a PNG as PNG without its XMP, and keeps transparency", async () => {
    const input = await sharp({ create: { width: 120, height: 80, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .png()
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description exif:GPSLatitude="37,58N" xmlns:exif="http://ns.adobe.com/exif/1.0/"/></rdf:RDF></x:xmpmeta>',
      )
      .toBuffer();
    expect((await sharp(input).metadata()).xmp).toBeDefined();
    const result = await expectAccepted(input);
    expect(result.contentType).toBe("image/png");
    const after = await sharp(Buffer.from(result.bytes)).metadata();
    expect(after.format).toBe("png");
    expect(after.xmp).toBeUndefined();
    expect(after.hasAlpha).toBe(true);
    expect(has(result.bytes, "GPSLatitude")).toBe(false);
  });

  it("scales a large image down to 3000 px on its longest side", async () => {
    const result = await expectAccepted(await solid(4000, 2000).jpeg().toBuffer());
    expect([result.width, result.height]).toEqual([3000, 1500]);
  });

  it("refuses a truncated JPEG and a corrupt PNG as unreadable", async () => {
    const jpeg = await noisy(300, 200).jpeg().toBuffer();
    await expectRejected(jpeg.subarray(0, Math.floor(jpeg.length / 2)), "unreadable");
    const png = await noisy(300, 200).png().toBuffer();
    await expectRejected(png.subarray(0, Math.floor(png.length / 2)), "unreadable");
    const garbled = Buffer.from(png);
    garbled.fill(0x5a, 100, 400); // inside the first IDAT chunk: CRC and data both wrong
    await expectRejected(garbled, "unreadable");
  });

  it("refuses a decompression bomb: a tiny PNG claiming 10,000 × 10,000 pixels", async () => {
    const bomb = await solid(10_000, 10_000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRejected(bomb, "dimensionsTooLarge");
  });
});

/** Names that would mean something active, or a part of the input, survived the rebuild. */
const ACTIVE = [
  "/JavaScript",
  "/JS",
  "/OpenAction",
  "/AA",
  "/Launch",
  "/SubmitForm",
  "/AcroForm",
  "/XFA",
  "/Widget",
  "/EmbeddedFile",
  "/Producer",
  "/BaseFont",
  "app.alert",
  "cmd.exe",
  "example.org",
  "<xdp/>",
];

/** The objects of a PDF without its stream data: JPEG bytes can spell "/JS" by chance. */
const structure = (bytes: Uint8Array) =>
  Buffer.from(
    Buffer.from(bytes)
      .toString("latin1")
      .replace(/stream\r?\n[\s\S]*?endstream/g, "stream endstream"),
    "latin1",
  );

/** Hostile input: refused, or stored as a fresh PDF of page images with none of it left. */
async function expectNothingActive(input: Uint8Array): Promise<void> {
  const result = await inspectUpload(input, "passport");
  if (!result.ok) return;
  expect(result.contentType).toBe("application/pdf");
  for (const marker of ACTIVE) expect(has(structure(result.bytes), marker), marker).toBe(false);
  // What streams there are: one JPEG per page, and the page contents pdf-lib wrote to draw it.
  expect(
    structure(result.bytes)
      .toString("latin1")
      .match(/\/Subtype \/Image/g)?.length,
  ).toBe(result.pages);
  const stored = await PDFDocument.load(result.bytes, { updateMetadata: false });
  expect(stored.getPageCount()).toBe(result.pages);
  expect(result.pages).toBeLessThanOrEqual(50);
}

/** Ten A4 pages as a 150 dpi office scanner writes them: grainy paper under the typed text. */
async function scanLikePdf(grain: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const paper = await pdf.embedJpg(
    await sharp({
      create: { width: 1240, height: 1754, channels: 3, background: "#ece8df", noise: { type: "gaussian", mean: 225, sigma: grain } },
    })
      .jpeg({ quality: 60 })
      .toBuffer(),
  );
  for (let i = 0; i < 10; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawImage(paper, { x: 0, y: 0, width: 595, height: 842 });
    for (let line = 0; line < 40; line++)
      page.drawText(`Statement page ${i + 1}, line ${line + 1}: the quick brown fox`, { x: 40, y: 800 - line * 19, size: 11, font });
  }
  return pdf.save();
}

// Hostile structures the rebuild has to see through in general (object streams, shadowed objects,
// Launch, URI, embedded files, appended data, 51 pages) are in pdf-rebuild.server.test.ts.
describe("inspectUpload: PDFs", () => {
  it("stores a clean PDF rebuilt from page images, with or without object streams, with its page count and page size", async () => {
    for (const useObjectStreams of [true, false]) {
      const input = await cleanPdf({ pages: 2, useObjectStreams });
      const result = await expectAccepted(input);
      expect(result.contentType).toBe("application/pdf");
      expect(result.pages).toBe(2);
      expect(Buffer.from(result.bytes).equals(Buffer.from(input))).toBe(false);
      // The text is now part of a picture: no font, no string left to select or to carry anything.
      expect(has(structure(result.bytes), "/BaseFont")).toBe(false);
      expect(has(result.bytes, "Passport data page")).toBe(false);
      expect(has(result.bytes, "Helvetica")).toBe(false);
      expect(has(result.bytes, "/DCTDecode")).toBe(true);
      const stored = await PDFDocument.load(result.bytes);
      expect(stored.getPageCount()).toBe(2);
      expect(stored.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())])).toEqual([
        [595, 842],
        [595, 842],
      ]);
    }
  });

  it("stores a PDF whose open action only shows the first page, without the action", async () => {
    const input = await pdfWith((pdf) => {
      pdf.catalog.set(PDFName.of("OpenAction"), pdf.context.obj([pdf.getPage(0).ref, PDFName.of("Fit")]));
    });
    const result = await expectAccepted(input);
    expect(has(structure(result.bytes), "/OpenAction")).toBe(false);
  });

  it("keeps no JavaScript open action, plain or written with #-escapes (/J#53 is /JS)", async () => {
    const plain = await pdfWith((pdf) => pdf.catalog.set(PDFName.of("OpenAction"), javascriptAction(pdf)), false);
    expect(has(plain, "/JavaScript")).toBe(true);
    await expectNothingActive(plain);
    const text = Buffer.from(plain).toString("latin1");
    const escaped = Buffer.from(text.replaceAll("/JavaScript", "/Java#53cript").replaceAll("/JS ", "/J#53 "), "latin1");
    expect(has(escaped, "/JavaScript")).toBe(false);
    expect(has(escaped, "/J#53")).toBe(true);
    await expectNothingActive(escaped);
  });

  it("keeps no attachment, page action, form submission or XFA form", async () => {
    const cases: Array<(pdf: PDFDocument) => void | Promise<void>> = [
      (pdf) => pdf.attach(text("MZ payload"), "invoice.exe", { mimeType: "application/octet-stream" }),
      (pdf) =>
        pdf.getPage(0).node.set(PDFName.of("AA"), pdf.context.obj({ O: pdf.context.obj({ S: "GoTo", D: [pdf.getPage(0).ref, "Fit"] }) })),
      (pdf) => {
        const submit = pdf.context.obj({
          Type: "Annot",
          Subtype: "Widget",
          Rect: [0, 0, 10, 10],
          A: { S: "SubmitForm", F: PDFString.of("https://example.org/") },
        });
        pdf.getPage(0).node.set(PDFName.of("Annots"), pdf.context.obj([pdf.context.register(submit)]));
      },
      (pdf) => pdf.catalog.set(PDFName.of("AcroForm"), pdf.context.obj({ Fields: [], XFA: PDFString.of("<xdp/>") })),
    ];
    for (const tamper of cases) {
      const input = await pdfWith(tamper);
      await expectNothingActive(input);
      expect(has(await expectAccepted(input).then((r) => r.bytes), "invoice.exe")).toBe(false);
    }
  });

  it("refuses an encrypted PDF as unreadable", async () => {
    const input = await pdfWith((pdf) => {
      pdf.context.trailerInfo.Encrypt = pdf.context.register(
        pdf.context.obj({ Filter: "Standard", V: 1, R: 2, O: PDFString.of("x".repeat(32)), U: PDFString.of("y".repeat(32)), P: -4 }),
      );
    }, false);
    expect(has(input, "/Encrypt")).toBe(true);
    await expectRejected(input, "unreadable");
  });

  it("stores 50 pages; a page tree that under-reports 51 pages never stores more than 50", async () => {
    expect((await expectAccepted(await cleanPdf({ pages: 50 }))).pages).toBe(50);
    const plain = Buffer.from(await cleanPdf({ pages: 51, useObjectStreams: false })).toString("latin1");
    await expectNothingActive(Buffer.from(plain.replace("/Count 51", "/Count 1"), "latin1"));
  }, 120_000);

  it("stores a normal 10-page A4 scan within 5 MB, drawing a dense one coarser rather than refusing it", async () => {
    for (const grain of [12, 30]) {
      const input = await scanLikePdf(grain);
      expect(input.length).toBeLessThan(MAX_DOCUMENT_BYTES);
      const result = await expectAccepted(input);
      expect(result.pages).toBe(10);
      expect(result.bytes.length).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
      expect((await PDFDocument.load(result.bytes)).getPageCount()).toBe(10);
    }
  }, 120_000);

  it("gets through an object-stream bomb quickly, storing none of it", async () => {
    // Valid objects padded with 64 MB of spaces: inflating it all would hold the request and the memory.
    const inflated = Buffer.concat([Buffer.from("5 0 << /Producer (x) >>", "latin1"), Buffer.alloc(64 * 1024 * 1024, 0x20)]);
    const bomb = deflateSync(inflated, { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_DOCUMENT_BYTES);
    const started = Date.now();
    await expectNothingActive(pdfWithStream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", bomb));
    // Twice compressed: each stage is bounded, not only the first.
    const twice = deflateSync(deflateSync(inflated, { level: 9 }), { level: 9 });
    await expectNothingActive(pdfWithStream("/Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode]", twice));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("gets through cross-reference and object streams that declare absurd object counts, storing none of them", async () => {
    const started = Date.now();
    await expectNothingActive(pdfWithStream("/Type /XRef /Size 100000000 /W [0 0 0]", new Uint8Array(0)));
    await expectNothingActive(pdfWithStream("/Type /ObjStm /N 5000000 /First 4", text("5 0 []")));
    await expectNothingActive(pdfWithStream("/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode", text("5 0 []")));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("accepts an object stream of a sensible size written by hand", async () => {
    const objects = deflateSync(Buffer.from("5 0 << /Producer (test) >>", "latin1"));
    await expectAccepted(pdfWithStream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", objects));
  });

  it("refuses a truncated or garbled PDF as unreadable", async () => {
    const input = await cleanPdf({ useObjectStreams: false });
    await expectRejected(input.subarray(0, 200), "unreadable");
    await expectRejected(
      text("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
      "unreadable",
    );
  });
});
