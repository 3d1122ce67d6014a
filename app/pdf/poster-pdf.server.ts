/**
 * An embassy's A4 poster as a PDF: the country's language on the left, Urdu on the right, each
 * with its own QR code that opens the application in that language with the mission's referral
 * code. The Urdu is shaped by HarfBuzz (app/pdf/shaped-text.server.ts); the other languages are
 * set in DejaVu Sans, which has Greek. QR codes are drawn as squares, so they print sharp at any size.
 */
import fs from "node:fs";
import path from "node:path";
import type { Color, PDFFont, PDFPage } from "pdf-lib";
import { centerPageLanguage } from "~/domain/center-page";
import type { Lang } from "~/i18n";
import { getI18n } from "~/utils/i18n.server";
import { drawShapedLine, embedNastaliq, shapeParagraph } from "./shaped-text.server";
import { wrap } from "./wrap-text";

const FONT_DIR = path.resolve("node_modules/dejavu-fonts-ttf/ttf");

export type PosterInput = {
  /** The language of the left column: the country's, or English where the portal does not speak it. */
  localLang: Exclude<Lang, "ur">;
  names: Record<Lang, string>;
  referralCode: string;
  publicUrl: string;
};

/** The language of a mission's poster beside Urdu: the country's, or English where the portal does not speak it. */
export function posterLanguage(countryCode: string): Exclude<Lang, "ur"> {
  const lang = centerPageLanguage(countryCode);
  return lang === "ur" ? "en" : lang;
}

/** The address a column's QR code opens. */
export function posterTarget(publicUrl: string, lang: Lang, referralCode: string): string {
  return `${publicUrl}/${lang}/certificate?ref=${encodeURIComponent(referralCode)}`;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 36;
const GAP = 24;
/** Each language's column, in points; exported with the title size so a test can shape what the poster shows. */
export const COLUMN = (A4[0] - 2 * MARGIN - GAP) / 2;
export const URDU_TITLE_SIZE = 20;
const QR_SIZE = 150;

async function libraries() {
  const [pdf, fontkit, qrcode] = await Promise.all([import("pdf-lib"), import("@pdf-lib/fontkit"), import("qrcode")]);
  return { pdf, fontkit: fontkit.default, QRCode: qrcode.default };
}

function drawQr(page: PDFPage, QRCode: Awaited<ReturnType<typeof libraries>>["QRCode"], text: string, x: number, y: number, color: Color) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const cell = QR_SIZE / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (!modules.get(row, col)) continue;
      page.drawRectangle({ x: x + (col + quiet) * cell, y: y + QR_SIZE - (row + quiet + 1) * cell, width: cell, height: cell, color });
    }
  }
}

export async function renderPosterPdf(input: PosterInput): Promise<Uint8Array> {
  const { pdf, fontkit, QRCode } = await libraries();
  const black = pdf.rgb(0.04, 0.05, 0.05);
  const white = pdf.rgb(1, 1, 1);
  const brand = pdf.rgb(0x01 / 255, 0x41 / 255, 0x1c / 255);
  const doc = await pdf.PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fs.readFileSync(path.join(FONT_DIR, "DejaVuSansCondensed.ttf")), {
    subset: true,
    customName: "PSCG-DejaVuSansCondensed",
  });
  const bold = await doc.embedFont(fs.readFileSync(path.join(FONT_DIR, "DejaVuSansCondensed-Bold.ttf")), {
    subset: true,
    customName: "PSCG-DejaVuSansCondensed-Bold",
  });
  const nastaliq = await embedNastaliq(doc);
  const page = doc.addPage(A4);
  const local = getI18n(input.localLang).t;
  const urdu = getI18n("ur").t;

  // The band: the portal's name in both languages.
  const bandHeight = 84;
  page.drawRectangle({ x: 0, y: A4[1] - bandHeight, width: A4[0], height: bandHeight, color: brand });
  let bandY = A4[1] - 34;
  for (const line of wrap(local("portal.name"), bold, 15, COLUMN)) {
    page.drawText(line, { x: MARGIN, y: bandY, size: 15, font: bold, color: white });
    bandY -= 19;
  }
  let urduBandY = A4[1] - 40;
  for (const line of await shapeParagraph(urdu("portal.name"), 20, COLUMN)) {
    drawShapedLine(pdf, page, nastaliq, line, { right: A4[0] - MARGIN, y: urduBandY, size: 20, color: white });
    urduBandY -= 40;
  }

  const top = A4[1] - bandHeight - 40;
  const steps = ["poster.step1", "poster.step2", "poster.step3"] as const;

  // The left column, left to right.
  let y = top;
  const localText = (text: string, { size, font = regular, gap = 1.35 }: { size: number; font?: PDFFont; gap?: number }) => {
    for (const line of wrap(text, font, size, COLUMN)) {
      page.drawText(line, { x: MARGIN, y, size, font, color: black });
      y -= size * gap;
    }
  };
  localText(local("centers:poster.title"), { size: 22, font: bold, gap: 1.25 });
  y -= 8;
  localText(local("centers:poster.lead"), { size: 12 });
  y -= 8;
  steps.forEach((key, index) => localText(`${index + 1}. ${local(`centers:${key}`)}`, { size: 12 }));
  const localQrY = Math.min(y, 470) - QR_SIZE;
  const localTarget = posterTarget(input.publicUrl, input.localLang, input.referralCode);
  drawQr(page, QRCode, localTarget, MARGIN - 12, localQrY, black);
  y = localQrY - 8;
  localText(local("centers:poster.orType"), { size: 10 });
  localText(localTarget, { size: 10, font: bold });

  // The right column, set flush right in Nastaliq; the address stays left to right in DejaVu.
  let uy = top - 4;
  const right = A4[0] - MARGIN;
  const urduText = async (text: string, size: number) => {
    for (const line of await shapeParagraph(text, size, COLUMN)) {
      drawShapedLine(pdf, page, nastaliq, line, { right, y: uy, size, color: black });
      uy -= size * 2.1;
    }
  };
  await urduText(urdu("centers:poster.title"), URDU_TITLE_SIZE);
  uy -= 4;
  await urduText(urdu("centers:poster.lead"), 13);
  for (const [index, key] of steps.entries()) await urduText(`${index + 1}۔ ${urdu(`centers:${key}`)}`, 13);
  const urduQrY = localQrY;
  const urduTarget = posterTarget(input.publicUrl, "ur", input.referralCode);
  drawQr(page, QRCode, urduTarget, right - QR_SIZE + 12, urduQrY, black);
  uy = urduQrY - 8;
  await urduText(urdu("centers:poster.orType"), 11);
  for (const line of wrap(urduTarget, bold, 10, COLUMN)) {
    page.drawText(line, { x: right - bold.widthOfTextAtSize(line, 10), y: uy, size: 10, font: bold, color: black });
    uy -= 13.5;
  }

  // The foot: where the poster hangs, and the warning against smugglers, in both languages.
  const footTop = 150;
  page.drawLine({ start: { x: MARGIN, y: footTop }, end: { x: A4[0] - MARGIN, y: footTop }, thickness: 1, color: brand });
  y = footTop - 22;
  localText(input.names[input.localLang], { size: 12, font: bold });
  localText(`${local("centers:poster.warning")} ${input.publicUrl}/${input.localLang}/report`, { size: 10 });
  uy = footTop - 26;
  await urduText(input.names.ur, 13);
  await urduText(urdu("centers:poster.warning"), 11);
  const reportUrl = `${input.publicUrl}/ur/report`;
  page.drawText(reportUrl, { x: right - regular.widthOfTextAtSize(reportUrl, 10), y: uy, size: 10, font: regular, color: black });

  doc.setTitle(`${local("centers:poster.title")} – ${input.names[input.localLang]}`);
  doc.setLanguage(input.localLang);
  doc.setCreator("Police Service Centers Global");
  doc.setProducer("Police Service Centers Global");
  return doc.save();
}
