/**
 * Checks an uploaded file before anything stores it. The type comes from the content (magic
 * bytes), never from the file name or the browser's Content-Type, which the sender controls.
 * Images are decoded and re-encoded, so what we store has no EXIF (GPS position, camera serial)
 * and cannot smuggle anything past the decoder. PDFs are rebuilt the same way: each page is drawn
 * to an image and a fresh PDF of those images is stored, so nothing active in the upload survives.
 */
import type * as Mupdf from "mupdf";
import {
  type DocumentContentType,
  type DocumentKind,
  type DocumentRejection,
  isAcceptedContentType,
  MAX_DOCUMENT_BYTES,
  MAX_IMAGE_EDGE,
  MAX_IMAGE_PIXELS,
  MAX_PDF_PAGES,
  sizeRejection,
} from "~/domain/document-rules";

export type UploadRejection = Exclude<DocumentRejection, "tooManyFiles">;

export type InspectedUpload =
  | {
      ok: true;
      contentType: DocumentContentType;
      /** What to store: re-encoded images, or a PDF rebuilt from page images. */
      bytes: Uint8Array;
      width?: number;
      height?: number;
      pages?: number;
    }
  | { ok: false; reason: UploadRejection };

const DETECTED: Readonly<Record<string, DocumentContentType>> = {
  "image/jpeg": "image/jpeg",
  "image/png": "image/png",
  "application/pdf": "application/pdf",
};

export async function inspectUpload(bytes: Uint8Array, kind: DocumentKind): Promise<InspectedUpload> {
  const bySize = sizeRejection(bytes.length);
  if (bySize) return { ok: false, reason: bySize };

  // Anything not recognised (SVG, HTML, GIF, executables, plain text) is refused: SVG and HTML
  // can carry scripts, and an unknown type cannot be checked.
  // file-type, sharp and pdf-lib are loaded on the first upload, like MuPDF: a server that only
  // serves pages does not map libvips or hold these modules (about 25 MB of RSS, decision 046).
  const { fileTypeFromBuffer } = await import("file-type");
  const detected = await fileTypeFromBuffer(bytes);
  const contentType = detected ? DETECTED[detected.mime] : undefined;
  if (!contentType || !isAcceptedContentType(kind, contentType)) {
    return { ok: false, reason: kind === "photo" ? "photoMustBeImage" : "wrongType" };
  }
  return contentType === "application/pdf" ? rebuildPdf(bytes) : reencodeImage(bytes, contentType);
}

// ---------------------------------------------------------------------------------------------
// Images

async function reencodeImage(bytes: Uint8Array, contentType: "image/jpeg" | "image/png"): Promise<InspectedUpload> {
  const { default: sharp } = await import("sharp");
  try {
    // The header's dimensions first: a 10,000 × 10,000 single-colour PNG is a few kilobytes on
    // disk and 400 MB once decoded. limitInputPixels below enforces the same limit in the decoder.
    const header = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!header.width || !header.height) return { ok: false, reason: "unreadable" };
    if (header.width * header.height > MAX_IMAGE_PIXELS) return { ok: false, reason: "dimensionsTooLarge" };
    if (header.format !== (contentType === "image/jpeg" ? "jpeg" : "png")) return { ok: false, reason: "unreadable" };

    const pipeline = sharp(bytes, {
      limitInputPixels: MAX_IMAGE_PIXELS,
      // Truncated or corrupt data fails instead of being stored half grey.
      failOn: "warning",
      // Phones record rotation in EXIF; apply it, because the EXIF is about to be dropped.
      autoOrient: true,
    }).resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: "inside", withoutEnlargement: true });
    // No withMetadata/keepExif: sharp writes no EXIF, XMP, IPTC or ICC, so GPS positions are gone.
    const encoded = contentType === "image/jpeg" ? pipeline.jpeg({ quality: 85, mozjpeg: true }) : pipeline.png();
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { ok: true, contentType, bytes: new Uint8Array(data), width: info.width, height: info.height };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

// ---------------------------------------------------------------------------------------------
// PDFs

/**
 * Renderings tried in order: 150 dpi keeps a scanned passport page legible; when a dense scan
 * rebuilt at that resolution overshoots the size budget, the document is drawn again coarser
 * rather than refused, because the citizen's upload was within the budget.
 */
const PDF_RENDERINGS: ReadonlyArray<{ dpi: number; quality: number }> = [
  { dpi: 150, quality: 75 },
  { dpi: 100, quality: 60 },
];
/** Per page, after scaling: a poster-sized page is drawn at a lower resolution, never at 400 MB. */
const MAX_PDF_PAGE_PIXELS = 4_000_000;
/** PDF's own limit for a page side (200 inches); beyond it the document is not a real scan. */
const MAX_PDF_PAGE_POINTS = 14_400;
/** Whole-document rendering budget, so a crafted file cannot hold a request for minutes. */
const PDF_REBUILD_MS = 30_000;

/**
 * PDFs are rebuilt, not scanned: each page is drawn to pixels by MuPDF and a new PDF holding only
 * those images is written. Scripts, actions, links, attachments, forms, metadata and anything
 * appended after %%EOF do not survive, whatever tricks the input used to hide them (object
 * streams, shadowed object numbers, untyped streams). MuPDF is loaded on first use so servers
 * that never see a PDF do not carry it.
 */
async function rebuildPdf(bytes: Uint8Array): Promise<InspectedUpload> {
  const mupdf = await import("mupdf");
  // MuPDF's repair warnings would go to stderr as free text, outside the structured log, and can
  // quote the upload's own bytes; the outcome (rebuilt or refused) is what the request logs.
  mupdf.setLog(() => {});
  let doc: Mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(bytes, "application/pdf");
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  try {
    // Encrypted documents: we cannot draw what we cannot read.
    if (doc.needsPassword()) return { ok: false, reason: "unreadable" };
    const pages = doc.countPages();
    if (pages < 1) return { ok: false, reason: "unreadable" };
    if (pages > MAX_PDF_PAGES) return { ok: false, reason: "pdfTooManyPages" };

    const deadline = Date.now() + PDF_REBUILD_MS;
    for (const rendering of PDF_RENDERINGS) {
      const rebuilt = await renderPdf(mupdf, doc, pages, rendering, deadline);
      if (rebuilt === "tooLarge") continue;
      if (typeof rebuilt === "string") return { ok: false, reason: rebuilt };
      if (rebuilt.length <= MAX_DOCUMENT_BYTES) return { ok: true, contentType: "application/pdf", bytes: rebuilt, pages };
    }
    return { ok: false, reason: "tooLarge" };
  } catch {
    return { ok: false, reason: "unreadable" };
  } finally {
    doc.destroy();
  }
}

async function renderPdf(
  mupdf: typeof Mupdf,
  doc: Mupdf.Document,
  pages: number,
  { dpi, quality }: { dpi: number; quality: number },
  deadline: number,
): Promise<Uint8Array | "unreadable" | "dimensionsTooLarge" | "tooLarge"> {
  const [{ PDFDocument }, { default: sharp }] = await Promise.all([import("pdf-lib"), import("sharp")]);
  let imageBytes = 0;
  // updateMetadata false: no producer, creator or dates, so the output depends on the pages only.
  const out = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i += 1) {
    const page = doc.loadPage(i);
    try {
      const [x0, y0, x1, y1] = page.getBounds();
      const width = x1 - x0;
      const height = y1 - y0;
      if (!(width > 0 && height > 0)) return "unreadable";
      if (width > MAX_PDF_PAGE_POINTS || height > MAX_PDF_PAGE_POINTS) return "dimensionsTooLarge";
      const scale = Math.min(dpi / 72, Math.sqrt(MAX_PDF_PAGE_PIXELS / (width * height)));
      // showExtras true: annotations (filled-in form fields, stamps) are drawn like the page.
      const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
      let jpeg: Buffer;
      try {
        // Plain libjpeg, not mozjpeg: mozjpeg's trellis search took three times as long per page
        // here for a tenth less size, and the rendering budget matters more than the bytes.
        jpeg = await sharp(pixmap.getPixels(), {
          raw: { width: pixmap.getWidth(), height: pixmap.getHeight(), channels: 3 },
        })
          .jpeg({ quality })
          .toBuffer();
      } finally {
        pixmap.destroy();
      }
      imageBytes += jpeg.length;
      // Already over the budget: stop drawing at this resolution and try the next one.
      if (imageBytes > MAX_DOCUMENT_BYTES) return "tooLarge";
      const image = await out.embedJpg(jpeg);
      out.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    } finally {
      page.destroy();
    }
    if (Date.now() > deadline) return "unreadable";
  }
  return out.save({ useObjectStreams: false });
}
