/** Documents made in the test: no fixture files, nothing downloaded. */
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";

export type TestFile = { name: string; mimeType: string; buffer: Buffer };

export async function jpeg(name = "photo.jpg", width = 600, height = 800): Promise<TestFile> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 180, b: 160 } } })
    .jpeg()
    .toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

export async function png(name = "scan.png"): Promise<TestFile> {
  const buffer = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 240, g: 240, b: 240 } } })
    .png()
    .toBuffer();
  return { name, mimeType: "image/png", buffer };
}

export async function pdf(name = "scan.pdf"): Promise<TestFile> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText("CNIC back", { x: 50, y: 780 });
  return { name, mimeType: "application/pdf", buffer: Buffer.from(await doc.save()) };
}
