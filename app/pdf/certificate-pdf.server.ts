/**
 * The certificate as a signed PDF: page 1 in English (the certificate), page 2 an informative
 * translation in the destination's language. A4, the holder's photo, a QR code with the
 * verification link (also a clickable link), fonts embedded (DejaVu Sans, which has Greek;
 * pdf-lib's standard fonts are WinAnsi only), and a detached PKCS#7 signature (adbe.pkcs7.detached, SHA-256)
 * over the whole file that common readers check.
 *
 * Deterministic: the same content, photo, signing key and issue time give the same bytes (fixed
 * dates, no random font-subset tags, metadata written by hand), so a certificate could be rebuilt
 * and compared; the stored bytes are what every download serves.
 *
 * A name written in Urdu script is set in Noto Nastaliq Urdu, shaped by HarfBuzz
 * (app/pdf/shaped-text.server.ts): pdf-lib alone would print its letters unjoined. A value in a
 * script neither font has is replaced by a note that points to the online check, which shows it as written.
 */
import fs from "node:fs";
import path from "node:path";
import type { ColorTypes, PDFDocument, PDFFont, PDFImage, PDFPage, RGB } from "pdf-lib";
import { type CertificateContent, translationLanguage } from "~/domain/certificate";
import { formatVerificationCode } from "~/domain/verification-code";
import { INTL_LOCALES, type Lang } from "~/i18n";
import { type CertificateLine, describeCertificate } from "./certificate-view.server";
import { getI18n } from "~/utils/i18n.server";
import { type SigningIdentity, signerName } from "~/utils/signing-p12.server";
import { wrap } from "./wrap-text";
import { drawShapedLine, embedNastaliq, type ShapedLine, shapeParagraph, shapedWidth } from "./shaped-text.server";

// DejaVu: TrueType files with Greek, that pdf-lib's fontkit subsets correctly (Google's current
// Noto Sans files come out with missing glyphs when subset).
const FONT_DIR = path.resolve("node_modules/dejavu-fonts-ttf/ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSansCondensed.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSansCondensed-Bold.ttf");

/**
 * pdf-lib, fontkit, the signer and the QR encoder (about 30 MB of memory) are loaded at the first
 * certificate, not at start: most instances serve pages for hours between approvals.
 */
async function loadPdfLibraries() {
  const [pdf, fontkit, placeholder, signer, signpdf, qrcode] = await Promise.all([
    import("pdf-lib"),
    import("@pdf-lib/fontkit"),
    import("@signpdf/placeholder-pdf-lib"),
    import("@signpdf/signer-p12"),
    import("@signpdf/signpdf"),
    import("qrcode"),
  ]);
  return {
    pdf,
    fontkit: fontkit.default,
    pdflibAddPlaceholder: placeholder.pdflibAddPlaceholder,
    P12Signer: signer.P12Signer,
    SignPdf: signpdf.SignPdf,
    QRCode: qrcode.default,
  };
}
let libraries: ReturnType<typeof loadPdfLibraries> | undefined;
/** Set by renderCertificatePdf before any drawing helper runs. */
let lib: Awaited<ReturnType<typeof loadPdfLibraries>>;

/** pdf-lib's own rgb(), without loading pdf-lib for three constants. */
const rgb = (red: number, green: number, blue: number): RGB => ({ type: "RGB" as ColorTypes.RGB, red, green, blue });

let fontBytes: { regular: Uint8Array; bold: Uint8Array } | undefined;
function fonts() {
  fontBytes ??= { regular: fs.readFileSync(REGULAR), bold: fs.readFileSync(BOLD) };
  return fontBytes;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BRAND = rgb(0x01 / 255, 0x41 / 255, 0x1c / 255);
const GREY = rgb(0.31, 0.35, 0.37);
const TEXT = rgb(0.04, 0.05, 0.05);
const PHOTO = { width: 113, height: 151 };
/** Scripts whose letters change shape with their neighbours: printed unshaped they are wrong. */
const NEEDS_SHAPING = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}]/u;
/** Text the Nastaliq font can set whole: Arabic script (Urdu), with spaces, digits and punctuation. */
const ARABIC_SCRIPT = /^[\p{Script=Arabic}\p{Script=Common}\p{Script=Inherited}]+$/u;
const HAS_ARABIC = /\p{Script=Arabic}/u;
const QR_SIZE = 112;

export type CertificatePdfInput = {
  content: CertificateContent;
  code: string;
  verificationUrl: string;
  /** The portal's address, printed for readers who type rather than scan. */
  publicUrl: string;
  /** JPEG bytes, already normalised (no metadata); null prints an empty frame. */
  photoJpeg: Uint8Array | null;
};

/** `urdu`: values in Urdu script, shaped before drawing starts (shaping is asynchronous, drawing is not). */
type Fonts = { regular: PDFFont; bold: PDFFont; covered: Set<number>; urdu: { font: PDFFont; values: Map<string, ShapedLine[]> } | null };
const VALUE_SIZE = 11;
/** Nastaliq reads smaller than Latin capitals at the same size: Urdu values are set a third larger. */
const URDU_SCALE = 1.3;
const HALF_COLUMN = (A4[0] - 2 * MARGIN - 20) / 2;

class Writer {
  y: number;
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
    readonly unprintable: string,
  ) {
    this.y = page.getHeight() - MARGIN;
  }

  /**
   * The value as printable text, or the note that it cannot be printed: a script the font lacks,
   * or Arabic script (Urdu), which the font has letters for but pdf-lib cannot join (no shaping).
   */
  printable(text: string): string {
    if (NEEDS_SHAPING.test(text)) return this.unprintable;
    for (const ch of text) if (!/\s/.test(ch) && !this.fonts.covered.has(ch.codePointAt(0)!)) return this.unprintable;
    return text;
  }

  paragraph(text: string, { size = 10.5, bold = false, colour = TEXT, x = MARGIN, width = A4[0] - 2 * MARGIN, gap = 6 } = {}) {
    const shaped = this.fonts.urdu?.values.get(text);
    if (shaped && this.fonts.urdu) {
      // Nastaliq climbs and descends far more than Latin letters: a taller line.
      const urduSize = size * URDU_SCALE;
      for (const line of shaped) {
        this.y -= urduSize * 1.7;
        drawShapedLine(lib.pdf, this.page, this.fonts.urdu.font, line, {
          right: x + shapedWidth(line, urduSize),
          y: this.y + urduSize * 0.35,
          size: urduSize,
          color: colour,
        });
      }
      this.y -= gap;
      return;
    }
    const font = bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(this.printable(text), font, size, width)) {
      this.y -= size * 1.35;
      this.page.drawText(line, { x, y: this.y, size, font, color: colour });
    }
    this.y -= gap;
  }

  /** A label above its value, in a column. */
  field(line: CertificateLine, { x = MARGIN, width = A4[0] - 2 * MARGIN, size = VALUE_SIZE } = {}) {
    this.paragraph(line.label, { size: 8.5, colour: GREY, x, width, gap: 0 });
    this.paragraph(line.value, { size, bold: true, x, width, gap: 7 });
  }
}

function band(page: PDFPage, f: Fonts, top: string, title: string) {
  const [width, height] = [page.getWidth(), page.getHeight()];
  page.drawRectangle({ x: 0, y: height - 92, width, height: 92, color: BRAND });
  page.drawText(top, { x: MARGIN, y: height - 36, size: 9.5, font: f.bold, color: rgb(1, 1, 1) });
  page.drawText(title, { x: MARGIN, y: height - 68, size: 21, font: f.bold, color: rgb(1, 1, 1) });
}

function footer(page: PDFPage, f: Fonts, text: string, pageLabel: string) {
  const lines = wrap(text, f.regular, 8, A4[0] - 2 * MARGIN - 40);
  lines.forEach((line, i) =>
    page.drawText(line, { x: MARGIN, y: 30 + (lines.length - 1 - i) * 10.5, size: 8, font: f.regular, color: GREY }),
  );
  page.drawText(pageLabel, { x: A4[0] - MARGIN - f.regular.widthOfTextAtSize(pageLabel, 8), y: 30, size: 8, font: f.regular, color: GREY });
}

function photoFrame(page: PDFPage, photo: PDFImage | null, x: number, top: number) {
  const y = top - PHOTO.height;
  if (photo) page.drawImage(photo, { x, y, width: PHOTO.width, height: PHOTO.height });
  page.drawRectangle({ x, y, width: PHOTO.width, height: PHOTO.height, borderColor: GREY, borderWidth: 0.75 });
}

/** One page of the certificate in `lang`; the first page also carries the QR code and its link. */
function drawPage(
  doc: PDFDocument,
  f: Fonts,
  lang: Lang,
  input: CertificatePdfInput,
  assets: { photo: PDFImage | null; qr: PDFImage },
  translation: boolean,
) {
  const { t } = getI18n(lang);
  const d = (key: string, values?: Record<string, string>) => t(`verify:document.${key}`, values);
  const view = describeCertificate(lang, input.content);
  const page = doc.addPage(A4);
  const w = new Writer(page, f, d("unprintable"));
  // Greek capitals drop their accents (ICU does this for "el").
  band(page, f, view.authority.toLocaleUpperCase(INTL_LOCALES[lang]), view.title);
  w.y = A4[1] - 92 - 14;

  if (translation) {
    w.paragraph(d("translationHeading"), { size: 13, bold: true, colour: BRAND, gap: 2 });
    w.paragraph(d("translationNote"), { size: 9.5, gap: 10 });
  }
  const columnWidth = A4[0] - 2 * MARGIN - PHOTO.width - 18;
  const photoTop = w.y - 4;
  photoFrame(page, assets.photo, A4[0] - MARGIN - PHOTO.width, photoTop);
  w.field({ key: "number", label: view.numberLabel, value: input.content.number }, { size: 15, width: columnWidth });
  w.field({ key: "code", label: d("code"), value: formatVerificationCode(input.code) }, { width: columnWidth });
  w.paragraph(view.statement, { size: 10.5, width: columnWidth, gap: 12 });
  w.y = Math.min(w.y, photoTop - PHOTO.height - 10);

  // Holder's details in two columns; the result standing out below them.
  const half = HALF_COLUMN;
  const rows = view.holder;
  const top = w.y;
  let left = top;
  let right = top;
  rows.forEach((row, i) => {
    w.y = i % 2 === 0 ? left : right;
    w.field(row, { x: i % 2 === 0 ? MARGIN : MARGIN + half + 20, width: half });
    if (i % 2 === 0) left = w.y;
    else right = w.y;
  });
  w.y = Math.min(left, right) - 4;
  const resultTop = w.y;
  page.drawRectangle({ x: MARGIN, y: resultTop - 40, width: A4[0] - 2 * MARGIN, height: 40, borderColor: BRAND, borderWidth: 1.5 });
  w.y = resultTop - 4;
  w.field(view.result, { x: MARGIN + 10, size: 13 });
  w.y = resultTop - 52;
  const issueTop = w.y;
  left = issueTop;
  right = issueTop;
  view.issue.forEach((row, i) => {
    w.y = i % 2 === 0 ? left : right;
    w.field(row, { x: i % 2 === 0 ? MARGIN : MARGIN + half + 20, width: half });
    if (i % 2 === 0) left = w.y;
    else right = w.y;
  });
  w.y = Math.min(left, right) - 6;

  // The check: QR code with the verification link, and the address for those who type it.
  const qrY = Math.max(70, w.y - QR_SIZE - 6);
  page.drawImage(assets.qr, { x: MARGIN, y: qrY, width: QR_SIZE, height: QR_SIZE });
  if (!translation) {
    const link = doc.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [MARGIN, qrY, MARGIN + QR_SIZE, qrY + QR_SIZE],
      Border: [0, 0, 0],
      A: { Type: "Action", S: "URI", URI: lib.pdf.PDFString.of(input.verificationUrl) },
    });
    page.node.set(lib.pdf.PDFName.of("Annots"), doc.context.obj([doc.context.register(link)]));
  }
  w.y = qrY + QR_SIZE + 4;
  w.paragraph(d("verify", { url: `${input.publicUrl}/${lang}/verify` }), {
    x: MARGIN + QR_SIZE + 14,
    width: A4[0] - 2 * MARGIN - QR_SIZE - 14,
    size: 9.5,
  });
  footer(page, f, d("signed"), d("page", { page: translation ? "2" : "1", pages: "2" }));
}

/** The holder's values written in Urdu script, shaped as the value column sets them; null when there are none. */
async function shapeUrduValues(doc: PDFDocument, content: CertificateContent): Promise<Fonts["urdu"]> {
  const texts = [content.fullName, content.fatherName, content.purposeOther ?? ""].filter(
    (text) => HAS_ARABIC.test(text) && ARABIC_SCRIPT.test(text),
  );
  if (texts.length === 0) return null;
  const values = new Map<string, ShapedLine[]>();
  for (const text of texts) values.set(text, await shapeParagraph(text, VALUE_SIZE * URDU_SCALE, HALF_COLUMN));
  return { font: await embedNastaliq(doc), values };
}

/** The certificate's PDF, signed; `issuedAt` fixes every date in it. */
export async function renderCertificatePdf(input: CertificatePdfInput, identity: SigningIdentity): Promise<Uint8Array> {
  const issuedAt = new Date(input.content.issuedAt);
  // updateMetadata off: pdf-lib would otherwise stamp the current time and its own producer.
  lib = await (libraries ??= loadPdfLibraries());
  const { pdflibAddPlaceholder, P12Signer, SignPdf, QRCode } = lib;
  const doc = await lib.pdf.PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(lib.fontkit);
  const bytes = fonts();
  // Fixed subset names: pdf-lib's default adds a (seeded, but order-dependent) random tag.
  const regular = await doc.embedFont(bytes.regular, { subset: true, customName: "PSCG-DejaVuSansCondensed" });
  const bold = await doc.embedFont(bytes.bold, { subset: true, customName: "PSCG-DejaVuSansCondensed-Bold" });
  const f: Fonts = { regular, bold, covered: new Set(regular.getCharacterSet()), urdu: await shapeUrduValues(doc, input.content) };
  const qrPng = await QRCode.toBuffer(input.verificationUrl, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 2,
    scale: 6,
    color: { dark: "#000000", light: "#ffffff" },
  });
  const assets = { photo: input.photoJpeg ? await doc.embedJpg(input.photoJpeg) : null, qr: await doc.embedPng(qrPng) };

  drawPage(doc, f, "en", input, assets, false);
  drawPage(doc, f, translationLanguage(input.content.destinationCountry), input, assets, true);

  const en = getI18n("en").t;
  doc.setTitle(`${en("verify:document.title")} ${input.content.number}`);
  doc.setAuthor("Punjab Police");
  doc.setSubject(en("verify:document.title"));
  doc.setCreator("Police Service Centers Global");
  doc.setProducer("Police Service Centers Global");
  doc.setLanguage("en");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: `${en("verify:document.title")} ${input.content.number}`,
    contactInfo: `${input.publicUrl}/verify`,
    name: signerName(identity),
    location: "Punjab, Pakistan",
    signingTime: issuedAt,
  });
  // No object streams: the signature dictionary must stay where the signer can find it, and older
  // readers cope better.
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signed = await new SignPdf().sign(unsigned, new P12Signer(identity.p12, { passphrase: identity.password }), issuedAt);
  return new Uint8Array(signed);
}
