import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { inspectUpload } from "~/uploads/document-check.server";

const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
const PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>";
const CONTENT = "<< /Length 22 >>\nstream\n0 0 1 rg 10 10 50 50 re f\nendstream";

/** A classic PDF: objects written in order, xref table, trailer. */
function classic(objects: string[], trailerExtra = "", appended = ""): Uint8Array {
  let body = "%PDF-1.7\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n${appended}`;
  return Buffer.from(body, "latin1");
}

/** Catalog with JavaScript inside a Flate object stream, an xref stream, then harmless decoys with the same numbers. */
function objectStreamJs(typed: boolean): Uint8Array {
  const inner = [
    "<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript << /Names [(x) 6 0 R] >> >> /OpenAction 6 0 R >>",
    "<< /S /JavaScript /JS (app.alert\\('pwned'\\)) >>",
  ];
  const header = `1 0 6 ${inner[0]!.length + 1} `;
  const packed = deflateSync(Buffer.from(header + inner.join(" "), "latin1"));
  let body = "%PDF-1.7\n";
  const off: Record<number, number> = {};
  const add = (n: number, s: string) => {
    off[n] = body.length;
    body += `${n} 0 obj\n${s}\nendobj\n`;
  };
  add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  add(3, PAGE);
  add(4, CONTENT);
  off[5] = body.length;
  body += `5 0 obj\n<< ${typed ? "/Type /ObjStm " : ""}/N 2 /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`;
  const parts: Buffer[] = [Buffer.from(body, "latin1"), packed];
  let tail = "\nendstream\nendobj\n";
  // Decoys with the numbers of the objects in the stream.
  let pos = Buffer.concat(parts).length + tail.length;
  const decoy1 = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
  const decoy6 = "6 0 obj\n<< >>\nendobj\n";
  tail += decoy1 + decoy6;
  pos += decoy1.length + decoy6.length;
  const rows: number[][] = [
    [0, 0, 65535],
    [2, 5, 0],
    [1, off[2]!, 0],
    [1, off[3]!, 0],
    [1, off[4]!, 0],
    [1, off[5]!, 0],
    [2, 5, 1],
    [1, pos, 0],
  ];
  const xrefData = deflateSync(
    Buffer.concat(
      rows.map(([t, a, b]) => Buffer.from([t!, (a! >> 24) & 255, (a! >> 16) & 255, (a! >> 8) & 255, a! & 255, (b! >> 8) & 255, b! & 255])),
    ),
  );
  const xrefHead = `7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${xrefData.length} >>\nstream\n`;
  const end = `\nendstream\nendobj\nstartxref\n${pos}\n%%EOF\n${EICAR}\nPK\u0003\u0004zipzipzip`;
  return Buffer.concat([...parts, Buffer.from(tail + xrefHead, "latin1"), xrefData, Buffer.from(end, "latin1")]);
}

const FORBIDDEN = [
  "/JavaScript",
  "/JS",
  "/OpenAction",
  "/AA",
  "/Launch",
  "/URI",
  "/EmbeddedFile",
  "/XFA",
  "/Metadata",
  "Evil Author",
  "EICAR",
  "PK\u0003\u0004",
];

function pdfinfoJs(bytes: Uint8Array): string | null {
  try {
    const dir = mkdtempSync(join(tmpdir(), "pdf-"));
    writeFileSync(join(dir, "a.pdf"), bytes);
    return execFileSync("pdfinfo", ["-js", join(dir, "a.pdf")], { encoding: "latin1" });
  } catch {
    return null;
  }
}

async function expectClean(input: Uint8Array): Promise<void> {
  const result = await inspectUpload(input, "evidence");
  if (!result.ok) return; // refused is also safe
  const text = Buffer.from(result.bytes).toString("latin1");
  for (const marker of FORBIDDEN) expect(text, marker).not.toContain(marker);
  expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
  const parsed = await PDFDocument.load(result.bytes, { updateMetadata: false });
  expect(parsed.getAuthor()).toBeUndefined();
  expect(parsed.getProducer()).toBeUndefined();
  const info = pdfinfoJs(result.bytes);
  if (info !== null) expect(info).not.toContain("app.alert");
}

describe("uploaded PDFs are rebuilt from page images", () => {
  it("drops JavaScript hidden in an object stream behind shadowed objects, and appended EICAR/ZIP", async () => {
    const input = objectStreamJs(true);
    expect(pdfinfoJs(input) ?? "app.alert").toContain("app.alert"); // the corpus really carries the script
    const result = await inspectUpload(input, "evidence");
    expect(result.ok).toBe(true);
    await expectClean(input);
  });

  it("drops it from an untyped object stream too", async () => {
    await expectClean(objectStreamJs(false));
  });

  it.each([
    ["Launch", `<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>`],
    [
      "URI",
      `<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (http://evil.example/) >> /AA << /O << /S /URI /URI (http://x/) >> >> >>`,
    ],
    [
      "EmbeddedFiles",
      `<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /EF << /F 5 0 R >> >>] >> >> >>`,
    ],
  ])("drops %s", async (_, catalog) => {
    const input = classic(
      [
        catalog,
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        CONTENT,
        "<< /Type /EmbeddedFile /Length 4 >>\nstream\nMZxx\nendstream",
        "<< /Author (Evil Author) /Producer (Evil Author) >>",
      ],
      "/Info 6 0 R",
      `${EICAR}PK\u0003\u0004`,
    );
    await expectClean(input);
  });

  it("keeps the page count of a normal document", async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 3; i += 1) doc.addPage([595, 842]).drawText(`Page ${i + 1}`, { x: 50, y: 700 });
    const result = await inspectUpload(await doc.save(), "evidence");
    expect(result.ok && result.pages).toBe(3);
    if (result.ok) expect((await PDFDocument.load(result.bytes)).getPageCount()).toBe(3);
  });

  it("refuses too many pages and huge pages, quickly", async () => {
    const many = await PDFDocument.create();
    for (let i = 0; i < 51; i += 1) many.addPage([100, 100]);
    const started = Date.now();
    expect(await inspectUpload(await many.save(), "evidence")).toEqual({ ok: false, reason: "pdfTooManyPages" });
    const huge = await PDFDocument.create();
    huge.addPage([14_400, 14_400]);
    huge.addPage([20_000, 20_000]);
    expect(await inspectUpload(await huge.save(), "evidence")).toEqual({ ok: false, reason: "dimensionsTooLarge" });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
