/**
 * Checks an uploaded file before anything stores it. The type comes from the content (magic
 * bytes), never from the file name or the browser's Content-Type, which the sender controls.
 * Images are decoded and re-encoded, so what we store has no EXIF (GPS position, camera serial)
 * and cannot smuggle anything past the decoder. PDFs are parsed and refused when they carry
 * active content; clean ones are kept byte for byte (rewriting could alter a signed document).
 */
import { constants as zlibConstants, inflateRawSync } from "node:zlib";
import { fileTypeFromBuffer } from "file-type";
import {
  type PDFContext,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFParser,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from "pdf-lib";
import sharp from "sharp";
import {
  type DocumentContentType,
  type DocumentKind,
  type DocumentRejection,
  isAcceptedContentType,
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
      /** What to store: re-encoded for images, the upload itself for PDFs. */
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
  const detected = await fileTypeFromBuffer(bytes);
  const contentType = detected ? DETECTED[detected.mime] : undefined;
  if (!contentType || !isAcceptedContentType(kind, contentType)) {
    return { ok: false, reason: kind === "photo" ? "photoMustBeImage" : "wrongType" };
  }
  return contentType === "application/pdf" ? inspectPdf(bytes) : reencodeImage(bytes, contentType);
}

// ---------------------------------------------------------------------------------------------
// Images

async function reencodeImage(bytes: Uint8Array, contentType: "image/jpeg" | "image/png"): Promise<InspectedUpload> {
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

/** Dictionary keys that run code, submit data, launch programs or carry files. */
const ACTIVE_KEYS = new Set([
  "JS",
  "JavaScript",
  "AA", // additional actions: on page open, on field change…
  "Launch",
  "EmbeddedFile",
  "EmbeddedFiles",
  "EF",
  "RichMedia",
  "RichMediaContent",
  "XFA",
  "SubmitForm",
  "ImportData",
]);
/** Action types (/S) that run code, submit data, open programs or other (remote, embedded) files. */
const ACTIVE_ACTIONS = new Set(["JavaScript", "Launch", "SubmitForm", "ImportData", "RichMediaExecute", "GoToE", "GoToR", "Rendition"]);
/** Annotation and object types that embed files or media players. */
const ACTIVE_SUBTYPES = new Set(["FileAttachment", "RichMedia", "3D", "Screen", "Movie", "Sound"]);
const ACTIVE_TYPES = new Set(["EmbeddedFile"]);

/**
 * pdf-lib inflates object and cross-reference streams while it parses, with no limit: 5 MB of
 * crafted deflate data becomes gigabytes. These bounds are far above what real documents need.
 */
const MAX_PDF_INFLATED_BYTES = 16 * 1024 * 1024;
const MAX_PDF_OBJECTS = 200_000;
const OBJECTS_PER_TICK = 500;

class PdfRefused extends Error {}

/**
 * pdf-lib's own parser, with a check on each stream before pdf-lib decodes it. PDFDocument.load
 * offers no such hook, so the document is parsed here and inspected through its PDFContext.
 */
class BoundedPdfParser extends PDFParser {
  private inflatedBytes = 0;
  private declaredObjects = 0;

  protected override parseDictOrStream(): PDFDict | PDFStream {
    const parsed = super.parseDictOrStream();
    if (parsed instanceof PDFRawStream) this.checkBeforeDecoding(parsed);
    return parsed;
  }

  /** Mirrors the lookups pdf-lib makes next (it resolves references), so the two cannot disagree. */
  private checkBeforeDecoding(stream: PDFRawStream): void {
    const type = stream.dict.lookup(PDFName.of("Type"));
    const isObjectStream = type === PDFName.of("ObjStm");
    if (!isObjectStream && type !== PDFName.of("XRef")) return; // pdf-lib decodes no other stream on load

    if (isObjectStream) {
      this.countObjects(stream.dict.lookup(PDFName.of("N")));
    } else {
      const index = stream.dict.lookup(PDFName.of("Index"));
      if (index instanceof PDFArray) {
        for (let i = 1; i < index.size(); i += 2) this.countObjects(index.lookup(i));
      } else {
        this.countObjects(stream.dict.lookup(PDFName.of("Size")));
      }
    }

    const filter = stream.dict.lookup(PDFName.of("Filter"));
    const filters: (PDFObject | undefined)[] =
      filter === undefined ? [] : filter instanceof PDFArray ? Array.from({ length: filter.size() }, (_, i) => filter.lookup(i)) : [filter];
    let data: Uint8Array = stream.contents;
    for (const f of filters) {
      // Writers use Flate for these streams; LZW and run-length could bomb and are not worth bounding.
      if (f !== PDFName.of("FlateDecode")) throw new PdfRefused("unsupported filter on object stream");
      data = this.inflate(data);
    }
  }

  private countObjects(value: PDFObject | undefined): void {
    if (!(value instanceof PDFNumber)) throw new PdfRefused("object count missing");
    this.declaredObjects += value.asNumber();
    if (!(this.declaredObjects >= 0 && this.declaredObjects <= MAX_PDF_OBJECTS)) throw new PdfRefused("too many objects");
  }

  /** Decodes as pdf-lib's FlateStream does (zlib header checked, checksum ignored), within budget. */
  private inflate(data: Uint8Array): Uint8Array {
    const [cmf, flg] = data;
    if (cmf === undefined || flg === undefined || (cmf & 0x0f) !== 8 || ((cmf << 8) + flg) % 31 !== 0 || flg & 0x20) {
      throw new PdfRefused("bad deflate header");
    }
    const budget = MAX_PDF_INFLATED_BYTES - this.inflatedBytes;
    // Throws once the output would pass the budget, before allocating it.
    const out = inflateRawSync(data.subarray(2), { maxOutputLength: Math.max(1, budget), finishFlush: zlibConstants.Z_SYNC_FLUSH });
    this.inflatedBytes += out.length;
    return out;
  }
}

async function inspectPdf(bytes: Uint8Array): Promise<InspectedUpload> {
  // Cheapest first, and independent of pdf-lib: a script that pdf-lib fails to see (in an object
  // it skips as jibberish) is still refused.
  if (rawBytesNameActiveContent(bytes)) return { ok: false, reason: "pdfActiveContent" };

  let context: PDFContext;
  try {
    // throwOnInvalidObject: an object pdf-lib cannot parse is one we cannot check.
    context = await new BoundedPdfParser(bytes, OBJECTS_PER_TICK, true, false).parseDocument();
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  try {
    // Encrypted documents hide their content from this check and from staff: refused, as
    // PDFDocument.load would with ignoreEncryption false.
    if (context.lookup(context.trailerInfo.Encrypt)) return { ok: false, reason: "unreadable" };
    const scan = scanObjects(context);
    if (scan.active) return { ok: false, reason: "pdfActiveContent" };
    const pages = pageCount(context, scan.pageObjects);
    if (pages === null) return { ok: false, reason: "unreadable" };
    if (pages > MAX_PDF_PAGES) return { ok: false, reason: "pdfTooManyPages" };
    return { ok: true, contentType: "application/pdf", bytes, pages };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** The page tree's count, or the number of page objects if that is larger (a lying /Count). */
function pageCount(context: PDFContext, pageObjects: number): number | null {
  const catalog = context.lookup(context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) return null;
  const pages = catalog.lookup(PDFName.of("Pages"));
  if (!(pages instanceof PDFDict)) return null;
  const count = pages.lookup(PDFName.of("Count"));
  if (!(count instanceof PDFNumber)) return null;
  const n = Math.max(count.asNumber(), pageObjects);
  return n >= 1 ? n : null;
}

function nameOf(context: PDFContext, value: PDFObject | undefined): string | null {
  const resolved = value instanceof PDFRef ? context.lookup(value) : value;
  return resolved instanceof PDFName ? resolved.decodeText() : null;
}

/**
 * Walks every indirect object, including those pdf-lib unpacked from object streams, and every
 * dictionary and array nested in them (an action is often written inline). Iterative, so deep
 * nesting cannot overflow the stack.
 */
function scanObjects(context: PDFContext): { active: string | null; pageObjects: number } {
  let pageObjects = 0;
  for (const [, top] of context.enumerateIndirectObjects()) {
    const topDict = top instanceof PDFDict ? top : top instanceof PDFStream ? top.dict : null;
    if (topDict && nameOf(context, topDict.get(PDFName.of("Type"))) === "Page") pageObjects += 1;

    const stack: PDFObject[] = [top];
    while (stack.length > 0) {
      const object = stack.pop();
      if (object instanceof PDFStream) {
        stack.push(object.dict);
      } else if (object instanceof PDFArray) {
        // One at a time: spreading an array of a million numbers would overflow the call stack.
        for (const item of object.asArray()) stack.push(item);
      } else if (object instanceof PDFDict) {
        const found = activeEntry(context, object);
        if (found) return { active: found, pageObjects };
        for (const [, value] of object.entries()) stack.push(value);
      }
    }
  }
  return { active: null, pageObjects };
}

function activeEntry(context: PDFContext, dict: PDFDict): string | null {
  for (const [key, value] of dict.entries()) {
    const name = key.decodeText();
    if (ACTIVE_KEYS.has(name)) return name;
    if (name === "S" && ACTIVE_ACTIONS.has(nameOf(context, value) ?? "")) return `S ${nameOf(context, value)}`;
    if (name === "Subtype" && ACTIVE_SUBTYPES.has(nameOf(context, value) ?? "")) return `Subtype ${nameOf(context, value)}`;
    if (name === "Type" && ACTIVE_TYPES.has(nameOf(context, value) ?? "")) return `Type ${nameOf(context, value)}`;
    if (name === "OpenAction") {
      // A destination (open at page 1) is fine; an action dictionary is checked for scripts.
      const action = value instanceof PDFRef ? context.lookup(value) : value;
      if (action instanceof PDFDict && nameOf(context, action.get(PDFName.of("S"))) === "JavaScript") return "OpenAction JavaScript";
    }
  }
  return null;
}

const JAVASCRIPT_NAME = Buffer.from("/JavaScript", "latin1");
/** A PDF name token: a slash and the regular characters after it. */
const NAME_TOKEN = /\/([^\0\t\n\f\r ()<>[\]{}/%]+)/g;

/**
 * Belt and braces over the raw bytes. `/JavaScript` is long enough to search everywhere. `/JS`
 * (also written with #-escapes, e.g. `/J#53`) is searched outside stream bodies only: three
 * bytes turn up by chance in a few megabytes of compressed data.
 */
function rawBytesNameActiveContent(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(JAVASCRIPT_NAME)) return true;
  for (const segment of outsideStreamBodies(buffer.toString("latin1"))) {
    for (const match of segment.matchAll(NAME_TOKEN)) {
      const name = match[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      if (name === "JS" || name === "JavaScript") return true;
    }
  }
  return false;
}

function* outsideStreamBodies(text: string): Generator<string> {
  let position = 0;
  for (;;) {
    let start = text.indexOf("stream", position);
    while (start >= 3 && text.startsWith("end", start - 3)) start = text.indexOf("stream", start + 6);
    if (start < 0) {
      yield text.slice(position);
      return;
    }
    yield text.slice(position, start);
    const end = text.indexOf("endstream", start + 6);
    if (end < 0) return;
    position = end + "endstream".length;
  }
}
