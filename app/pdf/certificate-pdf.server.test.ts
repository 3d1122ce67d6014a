import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { type CertificateContent, translationLanguage } from "~/domain/certificate";
import { renderCertificatePdf } from "./certificate-pdf.server";
import { decodeQrCodes, pdfPageCount, signatureByteRange } from "../../test/support/certificate-pdf";
import { containsRun, drawnGlyphIds, pdfText } from "../../test/support/pdf-image";
import { getI18n } from "~/utils/i18n.server";
import { shapeParagraph } from "./shaped-text.server";
import { describeCertificate } from "./certificate-view.server";
import { generateSigningIdentity, signingIdentityProblem } from "~/utils/signing-p12.server";

const identity = generateSigningIdentity();
const content: CertificateContent = {
  number: "PSC-7KMX-2QRA",
  fullName: "Ali Khan",
  fatherName: "Ahmed Khan",
  dateOfBirth: "1990-03-27",
  cnic: "3520212345671",
  passportNumber: "AB1234567",
  passportCountry: "PK",
  purpose: "work_visa",
  purposeOther: null,
  destinationCountry: "GR",
  result: "no_record",
  centerNames: {
    en: "Police Service Center, Gujrat",
    ur: "پولیس خدمت مرکز، گجرات",
    el: "Κέντρο Εξυπηρέτησης της Αστυνομίας, Γκουτζράτ",
    it: "Centro servizi della Polizia, Gujrat",
  },
  officerName: "Ayesha Siddiqui",
  issuedAt: "2026-11-28T12:00:00.000Z",
  expiresAt: "2027-05-27T12:00:00.000Z",
};
const url = "https://pcc.example.gov.pk/verify/PSC-7KMX-2QRA?code=7KMX2QRFHD";
const input = async (overrides: Partial<CertificateContent> = {}) => ({
  content: { ...content, ...overrides },
  code: "7KMX2QRFHD",
  verificationUrl: url,
  publicUrl: "https://pcc.example.gov.pk",
  photoJpeg: await sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 200, g: 180, b: 160 } } })
    .jpeg()
    .toBuffer(),
});

describe("renderCertificatePdf", () => {
  it("is deterministic: the same certificate, key and time give the same bytes", async () => {
    const [a, b] = [await renderCertificatePdf(await input(), identity), await renderCertificatePdf(await input(), identity)];
    expect(createHash("sha256").update(a).digest("hex")).toBe(createHash("sha256").update(b).digest("hex"));
    const doc = await PDFDocument.load(a, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe(content.issuedAt);
    expect(doc.getModificationDate()?.toISOString()).toBe(content.issuedAt);
    expect(doc.getProducer()).toBe("Police Service Centers Global");
  });

  it("has two A4 pages, the QR code with the verification link, and a signature over the whole file", async () => {
    const pdf = await renderCertificatePdf(await input({ destinationCountry: "IT" }), identity);
    expect(await pdfPageCount(pdf)).toBe(2);
    // Page 1 and the translation page both carry the same QR image (embedded once).
    expect(await decodeQrCodes(pdf)).toEqual([url]);
    const signature = signatureByteRange(pdf)!;
    expect(signature.range[0]).toBe(0);
    expect(signature.range[1]! < signature.range[2]!).toBe(true);
    expect(signature.range[2]! + signature.range[3]!).toBe(pdf.length);
    expect(Buffer.from(pdf).toString("latin1")).toContain("/SubFilter /adbe.pkcs7.detached");
  });

  it("prints a name written in Urdu script in shaped Nastaliq, on the certificate and on its translation", async () => {
    const pdf = await renderCertificatePdf(
      await input({ fullName: "علی خان", fatherName: "احمد خان", destinationCountry: "GR" }),
      identity,
    );
    expect(await pdfPageCount(pdf)).toBe(2);
    const drawn = await drawnGlyphIds(pdf);
    for (const name of ["علی خان", "احمد خان"]) {
      const [line] = await shapeParagraph(name, 11, 300);
      expect(
        containsRun(
          drawn,
          line!.glyphs.map((glyph) => glyph.id),
        ),
        name,
      ).toBe(2);
    }
    // Nothing was left out: the note for unprintable values is not there.
    expect(await pdfText(pdf)).not.toContain(getI18n("en").t("verify:document.unprintable"));
  });

  it("still prints a name in a script neither font has as a pointer to the online check", async () => {
    const pdf = await renderCertificatePdf(await input({ fullName: "अली ख़ान", destinationCountry: "PK" }), identity);
    expect(await pdfText(pdf)).toContain(getI18n("en").t("verify:document.unprintable"));
    expect(await drawnGlyphIds(pdf)).toEqual([]);
  });
});

describe("the translation page", () => {
  it("is Greek for Greece, Italian for Italy, English elsewhere", () => {
    expect(translationLanguage("GR")).toBe("el");
    expect(translationLanguage("IT")).toBe("it");
    expect(translationLanguage("ES")).toBe("en");
    expect(translationLanguage("AE")).toBe("en");
  });

  it("labels the same content in the reader's language, with dates and countries localised", () => {
    const el = describeCertificate("el", content);
    expect(el.title).toBe("Πιστοποιητικό καλής διαγωγής της αστυνομίας");
    expect(el.result.value).toBe("Δεν βρέθηκαν ποινικές εγγραφές");
    expect(el.holder.find((l) => l.key === "dateOfBirth")?.value).toBe("27 Μαρτίου 1990");
    expect(el.holder.find((l) => l.key === "destination")?.value).toBe("Ελλάδα");
    expect(el.issue.find((l) => l.key === "issuedBy")?.value).toBe(content.centerNames.el);
    const it_ = describeCertificate("it", content);
    expect(it_.holder.find((l) => l.key === "cnic")).toEqual({ key: "cnic", label: "Numero CNIC o NICOP", value: "35202-1234567-1" });
    expect(it_.issue.find((l) => l.key === "expires")?.value).toBe("27 maggio 2027");
  });
});

describe("signing identity", () => {
  it("generates a PKCS#12 that the signer can use, and names what is wrong with one it cannot", () => {
    expect(signingIdentityProblem(identity)).toBeNull();
    expect(signingIdentityProblem({ ...identity, password: "wrong" })).toMatch(/PKCS#12/);
    expect(signingIdentityProblem({ p12: Buffer.from("not a p12"), password: "" })).toMatch(/PKCS#12/);
  });
});
