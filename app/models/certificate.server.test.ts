import { createHash, randomBytes } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { expect, it } from "vitest";
import { isValidCertificateNumber } from "~/domain/certificate-number";
import type { CompleteAnswers } from "~/schemas/certificate";
import { decodeQrCodes, embeddedJpegs, linkTargets, pdfPageCount, signatureByteRange } from "../../test/support/certificate-pdf";
import { certificateMails } from "~/mails/certificate-mails.server";
import { testAnswers } from "../../test/support/application-fixture";
import { describeEachStore } from "../../test/support/stores";
import { runHousekeeping } from "../../server/housekeeping";
import { seedReferenceData } from "../../db/seed";
import { submitApplication } from "./application.server";
import { verifyAuditChain } from "./audit.server";
import { transitionApplication } from "./case.server";
import { findCertificateForApplication, readCertificatePdf } from "./certificate.server";
import { issueCertificate, listIssuePending } from "./certificate-issue.server";
import { redeemReapply, findReapply, sendExpiryReminders } from "./certificate-reminders.server";
import { revokeCertificate } from "./certificate-revocation.server";
import { readVerifiedPhoto, verifyCertificate } from "./certificate-verification.server";
import { decideDispute, latestDispute, listDisputes, openDispute, openDisputeWithEvidence } from "./dispute.server";
import { createStoreDocumentStorage } from "./document-storage.server";
import { findDocumentCaseId, listDocuments, saveDocument } from "./document.server";
import { createDraft, openDraft } from "./draft.server";
import { insertTestStaffUser } from "../../test/support/staff-accounts";

const documentKey = randomBytes(32);
const PUBLIC_URL = "https://pcc.example.gov.pk";
const settings = { documentKey, publicUrl: PUBLIC_URL };
const mails = certificateMails(PUBLIC_URL);
const DAY = 24 * 60 * 60 * 1000;

const answers = (district: string, destination = "GR"): CompleteAnswers =>
  testAnswers({
    contact: {
      email: `ali.${randomBytes(3).toString("hex")}@example.com`,
      phone: "+306912345678",
      residenceCountry: "GR",
      residenceCity: "Athens",
    },
    addresses: [{ district, policeStation: "Civil Lines", address: "House 1", from: "2010-01", to: null }],
    purpose: { purpose: "work_visa", purposeOther: null, destinationCountry: destination },
  });

const receiptMails = {
  receipt: (reference: string) => ({ subject: `received ${reference}`, text: "track" }),
  authority: (reference: string) => ({ subject: `confirm ${reference}`, text: "consent" }),
};

/** A photo as a phone takes it: with EXIF (camera, GPS-like comment) that must not reach the certificate. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 900, height: 1200, channels: 3, background: { r: 190, g: 170, b: 150 } } })
    .withExif({ IFD0: { Make: "PhonePhone", Model: "X1", ImageDescription: "Lat 31.5204 Lon 74.3587" } })
    .jpeg()
    .toBuffer();
}

describeEachStore("certificates", (store) => {
  /** An application walked to "approved" by an officer of its center, with a photo. */
  async function approvedCase(district = "Gujrat", destination = "GR") {
    const { db } = store();
    await seedReferenceData(db);
    const centerSlug = district.toLowerCase();
    const officerId = await insertTestStaffUser(db, { role: "officer", centerSlug, displayName: "Ayesha Siddiqui" });
    const { draft } = await createDraft(db, "el");
    const input = answers(district, destination);
    const { applicationId, reference } = await submitApplication(db, { draftId: draft.id, language: "el", answers: input }, receiptMails);
    await saveDocument(db, createStoreDocumentStorage(db, documentKey), {
      ownerType: "application",
      ownerId: applicationId,
      kind: "photo",
      contentType: "image/jpeg",
      bytes: await phonePhoto(),
    });
    const actor = { actorType: "staff" as const, actorId: officerId };
    const claimed = await transitionApplication(db, { applicationId, action: "claim", actor });
    expect(claimed.ok).toBe(true);
    expect((await transitionApplication(db, { applicationId, action: "approve", actor })).ok).toBe(true);
    return { applicationId, reference, officerId, centerSlug, email: input.contact.email };
  }

  /** Issues and returns the number and the code, read back from the QR code printed in the PDF. */
  async function issued(district = "Gujrat", destination = "GR") {
    const { db } = store();
    const c = await approvedCase(district, destination);
    const outcome = await issueCertificate(db, c.applicationId, settings, mails);
    if (!outcome.ok) throw new Error(`not issued: ${outcome.problem}`);
    const pdf = (await readCertificatePdf(db, documentKey, c.applicationId))!;
    const [url] = await decodeQrCodes(pdf.bytes);
    const code = new URL(url!).searchParams.get("code")!;
    return { ...c, number: outcome.number, certificateId: outcome.certificateId, code, pdf: pdf.bytes, url: url! };
  }

  it("issues on approval: number, signed two-page PDF with QR, status, audit and mail in one go", async () => {
    const { db } = store();
    const c = await issued();
    expect(isValidCertificateNumber(c.number)).toBe(true);
    expect(c.url).toBe(`${PUBLIC_URL}/verify/${c.number}?code=${c.code}`);
    expect(c.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
    expect(await linkTargets(c.pdf)).toEqual([c.url]);

    const application = await db.selectFrom("application").select(["status"]).where("id", "=", c.applicationId).executeTakeFirstOrThrow();
    expect(application.status).toBe("issued");
    const row = await db.selectFrom("certificate").selectAll().where("application_id", "=", c.applicationId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      number: c.number,
      full_name: "Ali Khan",
      center_slug: "gujrat",
      officer_id: c.officerId,
      officer_name: "Ayesha Siddiqui",
      result: "no_record",
      destination_country: "GR",
      verification_count: 0,
    });
    expect(new Date(row.expires_at).getTime() - new Date(row.issued_at).getTime()).toBe(180 * DAY);
    // The code is stored only as an HMAC, and appears nowhere in the row.
    expect(JSON.stringify(row)).not.toContain(c.code);
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);

    // The PDF: two pages, signed over everything but the signature, SHA-256 as recorded.
    expect(await pdfPageCount(c.pdf)).toBe(2);
    const signature = signatureByteRange(c.pdf)!;
    expect(signature.range[0]).toBe(0);
    expect(signature.range[2]! + signature.range[3]!).toBe(c.pdf.length);
    expect(signature.signatureHexLength).toBeGreaterThan(1000);
    expect(createHash("sha256").update(c.pdf).digest("hex")).toBe(row.pdf_sha256);
    const doc = await PDFDocument.load(c.pdf, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe(row.issued_at);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });

    // The photo: re-encoded, no EXIF left, in the store and in the PDF.
    const photo = (await readVerifiedPhoto(db, documentKey, c.number, c.code))!;
    const meta = await sharp(photo).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 300, height: 400 });
    expect(meta.exif).toBeUndefined();
    const jpegs = await embeddedJpegs(c.pdf);
    expect(jpegs).toHaveLength(1);
    expect((await sharp(jpegs[0]!).metadata()).exif).toBeUndefined();
    expect(Buffer.from(jpegs[0]!).includes("PhonePhone")).toBe(false);

    const events = await db
      .selectFrom("audit_event")
      .select(["action", "actor_type"])
      .where("entity_id", "=", c.applicationId)
      .orderBy("seq")
      .execute();
    expect(events.slice(-2)).toEqual([
      { action: "certificate.issued", actor_type: "system" },
      { action: "application.issue", actor_type: "system" },
    ]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const mail = await db
      .selectFrom("mail_outbox")
      .select(["subject", "text_body", "language", "html_body"])
      .where("to_address", "=", c.email)
      .where("subject", "like", "%" + c.reference)
      .execute();
    expect(mail.map((m) => m.language)).toContain("el");
    const ready = mail.find((m) => m.text_body.includes(c.number))!;
    expect(ready.text_body).toContain(`${PUBLIC_URL}/el/track`);
    // The HTML alternative (#10 item 8) links to the tracking page like the text; neither carries the PDF.
    expect(ready.html_body).toContain(`<a href="${PUBLIC_URL}/el/track">`);
    expect(ready.html_body).not.toContain("%PDF");
  });

  it("issues once, and leaves an approved case without a photo for housekeeping to retry", async () => {
    const { db } = store();
    const c = await issued();
    expect(await issueCertificate(db, c.applicationId, settings, mails)).toEqual({ ok: false, problem: "already_issued" });

    const bare = await approvedCase();
    await db.deleteFrom("document").where("owner_id", "=", bare.applicationId).execute();
    expect(await issueCertificate(db, bare.applicationId, settings, mails)).toEqual({ ok: false, problem: "no_photo" });
    const status = await db.selectFrom("application").select("status").where("id", "=", bare.applicationId).executeTakeFirstOrThrow();
    expect(status.status).toBe("approved");
    expect(await listIssuePending(db, new Date(Date.now() + 60_000))).toContain(bare.applicationId);
    expect(await listIssuePending(db, new Date(Date.now() + 60_000))).not.toContain(c.applicationId);
  });

  it("serves the stored bytes, checked against the recorded SHA-256", async () => {
    const { db } = store();
    const c = await issued();
    const again = await readCertificatePdf(db, documentKey, c.applicationId);
    expect(Buffer.compare(Buffer.from(again!.bytes), Buffer.from(c.pdf))).toBe(0);
    await db
      .updateTable("certificate")
      .set({ pdf_sha256: "0".repeat(64) })
      .where("number", "=", c.number)
      .execute();
    await expect(readCertificatePdf(db, documentKey, c.applicationId)).rejects.toThrow(/SHA-256/);
  });

  it("verifies with the right number and code only, counting each check and nothing about who checked", async () => {
    const { db } = store();
    const c = await issued();
    const other = await issued("Sialkot", "IT");

    const result = await verifyCertificate(db, documentKey, c.number, c.code);
    expect(result).toMatchObject({
      found: true,
      state: "valid",
      revokedAt: null,
      hasPhoto: true,
      content: { number: c.number, fullName: "Ali Khan", centerNames: { el: "Κέντρο Εξυπηρέτησης της Αστυνομίας, Γκουτζράτ" } },
    });
    // Typed the way people type: lower case, grouped, without the prefix.
    expect(
      (await verifyCertificate(db, documentKey, c.number.slice(4).toLowerCase(), `${c.code.slice(0, 5)}-${c.code.slice(5)}`)).found,
    ).toBe(true);

    const notFound = [
      [c.number, other.code], // a real code of another certificate (another center's)
      [other.number, c.code], // another center's number with this code
      [c.number, c.code.replace(/.$/, (ch) => (ch === "2" ? "3" : "2"))],
      [c.number.replace(/.$/, (ch) => (ch === "2" ? "3" : "2")), c.code], // breaks the check symbol
      ["PSC-7KMX-2QRA", c.code], // well formed, unknown
      [c.number.repeat(100), c.code.repeat(100)],
      ["پی ایس سی ۷۸۹", "کوڈ"],
      ["", ""],
    ];
    for (const [number, code] of notFound) expect(await verifyCertificate(db, documentKey, number!, code!)).toEqual({ found: false });
    expect(await readVerifiedPhoto(db, documentKey, c.number, other.code)).toBeNull();

    const counted = await findCertificateForApplication(db, c.applicationId);
    expect(counted?.verificationCount).toBe(2);
    expect((await findCertificateForApplication(db, other.applicationId))?.verificationCount).toBe(0);
  });

  it("says expired after the expiry date, and revoked (with the date) once revoked, by its own center only", async () => {
    const { db } = store();
    const c = await issued();
    const supervisorId = await insertTestStaffUser(db, { role: "supervisor", centerSlug: "gujrat", displayName: "Nadia Hussain" });
    const later = new Date(Date.now() + 181 * DAY);
    expect((await verifyCertificate(db, documentKey, c.number, c.code, later)) as { state: string }).toMatchObject({ state: "expired" });

    const actor = { actorType: "staff" as const, actorId: supervisorId };
    const input = { number: c.number, reason: "issued_in_error" as const, note: "Wrong district record checked.", actor, mails };
    expect(await revokeCertificate(db, { ...input, centerSlug: "lahore" })).toEqual({ ok: false, problem: "not_found" });
    const revoked = await revokeCertificate(db, { ...input, centerSlug: "gujrat" });
    expect(revoked.ok).toBe(true);
    expect(await revokeCertificate(db, { ...input, centerSlug: "gujrat" })).toEqual({ ok: false, problem: "already_revoked" });
    const result = await verifyCertificate(db, documentKey, c.number, c.code, later);
    expect(result).toMatchObject({ found: true, state: "revoked", revokedAt: (revoked as { revokedAt: string }).revokedAt });
    const row = await db
      .selectFrom("certificate")
      .select(["revoked_by", "revocation_reason", "revocation_note"])
      .where("number", "=", c.number)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      revoked_by: supervisorId,
      revocation_reason: "issued_in_error",
      revocation_note: "Wrong district record checked.",
    });
    const events = await db.selectFrom("audit_event").select("action").where("entity_id", "=", c.applicationId).execute();
    expect(events.map((e) => e.action)).toContain("certificate.revoked");
    const mail = await db.selectFrom("mail_outbox").select("subject").where("to_address", "=", c.email).execute();
    expect(mail.map((m) => m.subject)).toContain(`Το πιστοποιητικό καλής διαγωγής σας ${c.number} ανακλήθηκε`);
  });

  it("reminds once, 14 days before expiry, with a single-use link that prefills a new draft after the date of birth", async () => {
    const { db } = store();
    const c = await issued();
    const soon = new Date(Date.now() + 10 * DAY).toISOString();
    await db.updateTable("certificate").set({ expires_at: soon }).where("number", "=", c.number).execute();
    // Other certificates in this store may be due too; this one must be among them, once.
    expect(await sendExpiryReminders(db, { publicUrl: PUBLIC_URL, mails })).toBeGreaterThanOrEqual(1);
    expect(await sendExpiryReminders(db, { publicUrl: PUBLIC_URL, mails })).toBe(0);
    const reminder = await db
      .selectFrom("mail_outbox")
      .select(["text_body", "language"])
      .where("to_address", "=", c.email)
      .where("text_body", "like", "%/certificate/reapply?token=%")
      .executeTakeFirstOrThrow();
    expect(reminder.language).toBe("el");
    const token = /reapply\?token=([A-Za-z0-9_-]+)/.exec(reminder.text_body)![1]!;
    expect(await findReapply(db, token)).toEqual({ number: c.number });

    expect(await redeemReapply(db, { token, dateOfBirth: "1990-03-28", language: "el" })).toBeNull();
    const redeemed = await redeemReapply(db, { token, dateOfBirth: "1990-03-27", language: "el" });
    expect(redeemed).not.toBeNull();
    const draft = await openDraft(db, redeemed!.draftKey);
    expect(draft?.answers).toMatchObject({
      who: { applicantType: "self" },
      personal: { fullName: "Ali Khan", dateOfBirth: "1990-03-27", cnic: "3520212345671" },
      contact: { email: c.email },
      addresses: [{ district: "Gujrat", policeStation: "Civil Lines" }],
      purpose: { purpose: "work_visa", destinationCountry: "GR" },
      delivery: { delivery: "pdf" },
    });
    expect(await redeemReapply(db, { token, dateOfBirth: "1990-03-27", language: "el" })).toBeNull();
    expect(await findReapply(db, token)).toBeNull();
  });

  it("is issued by housekeeping when the approval's own attempt did not finish, and reminded there", async () => {
    const { db } = store();
    const c = await approvedCase();
    const settingsWithoutKey = { publicUrl: PUBLIC_URL };
    // Right after approval the request's own attempt is still expected: housekeeping leaves it.
    await runHousekeeping(db, documentKey, new Date(), settingsWithoutKey);
    expect(await findCertificateForApplication(db, c.applicationId)).toBeNull();
    const done = await runHousekeeping(db, documentKey, new Date(Date.now() + 5 * 60_000), settingsWithoutKey);
    expect(done.certificatesIssued).toBeGreaterThanOrEqual(1);
    const certificate = await findCertificateForApplication(db, c.applicationId);
    expect(certificate?.state).toBe("valid");
    const status = await db.selectFrom("application").select("status").where("id", "=", c.applicationId).executeTakeFirstOrThrow();
    expect(status.status).toBe("issued");

    const reminded = await runHousekeeping(db, documentKey, new Date(Date.parse(certificate!.expiresAt) - 13 * DAY), settingsWithoutKey);
    expect(reminded.expiryReminders).toBeGreaterThanOrEqual(1);
    const row = await db
      .selectFrom("certificate")
      .select("expiry_reminder_sent_at")
      .where("id", "=", certificate!.id)
      .executeTakeFirstOrThrow();
    expect(row.expiry_reminder_sent_at).not.toBeNull();
  });

  it("takes one open dispute at a time, decided by the certificate's own center; upholding revokes", async () => {
    const { db } = store();
    const c = await issued();
    const supervisorId = await insertTestStaffUser(db, { role: "supervisor", centerSlug: "gujrat", displayName: "Nadia Hussain" });
    const actor = { actorType: "staff" as const, actorId: supervisorId };
    const first = await openDispute(db, { applicationId: c.applicationId, text: "My father's name is spelt Ahmad, not Ahmed." });
    expect(first.ok).toBe(true);
    expect(await openDispute(db, { applicationId: c.applicationId, text: "Again" })).toEqual({ ok: false, problem: "already_open" });
    const queue = await listDisputes(db, "gujrat");
    expect(queue.open.map((d) => d.id)).toContain((first as { id: string }).id);
    expect((await listDisputes(db, "lahore")).open).toEqual([]);

    const id = (first as { id: string }).id;
    expect(await decideDispute(db, { disputeId: id, centerSlug: "lahore", decision: "dismissed", outcome: "x", actor, mails })).toEqual({
      ok: false,
      problem: "not_found",
    });
    expect(
      await decideDispute(db, {
        disputeId: id,
        centerSlug: "gujrat",
        decision: "dismissed",
        outcome: "The passport says Ahmed.",
        actor,
        mails,
      }),
    ).toEqual({ ok: true });
    expect(await latestDispute(db, c.applicationId)).toMatchObject({ status: "dismissed", outcome: "The passport says Ahmed." });
    expect((await verifyCertificate(db, documentKey, c.number, c.code)) as { state: string }).toMatchObject({ state: "valid" });

    const second = await openDispute(db, { applicationId: c.applicationId, text: "The date of birth is wrong." });
    const secondId = (second as { id: string }).id;
    expect(
      await decideDispute(db, {
        disputeId: secondId,
        centerSlug: "gujrat",
        decision: "upheld",
        outcome: "Corrected: apply again.",
        actor,
        mails,
      }),
    ).toEqual({ ok: true });
    expect(
      await decideDispute(db, { disputeId: secondId, centerSlug: "gujrat", decision: "dismissed", outcome: "again", actor, mails }),
    ).toEqual({ ok: false, problem: "not_found" });
    expect((await verifyCertificate(db, documentKey, c.number, c.code)) as { state: string }).toMatchObject({ state: "revoked" });
    const row = await db.selectFrom("certificate").select(["revocation_reason"]).where("number", "=", c.number).executeTakeFirstOrThrow();
    expect(row.revocation_reason).toBe("dispute_upheld");
    const subjects = (await db.selectFrom("mail_outbox").select("subject").where("to_address", "=", c.email).execute()).map(
      (m) => m.subject,
    );
    expect(subjects.filter((s) => s.startsWith("Απόφαση για την αμφισβήτησή σας"))).toHaveLength(2);
    const actions = (await db.selectFrom("audit_event").select("action").where("entity_id", "=", c.applicationId).execute()).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["dispute.opened", "dispute.dismissed", "dispute.upheld", "certificate.revoked"]));
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("opens a dispute with its evidence in one go, and keeps no evidence of one that cannot open", async () => {
    const { db } = store();
    const c = await issued();
    const evidence = [
      { kind: "evidence" as const, contentType: "application/pdf" as const, bytes: new TextEncoder().encode("%PDF-1.7 passport") },
    ];
    const blobs = async () => (await db.selectFrom("blob").select("id").execute()).length;
    const opened = await openDisputeWithEvidence(db, documentKey, {
      applicationId: c.applicationId,
      text: "The name is misspelt.",
      evidence,
    });
    if (!opened.ok) throw new Error(`not opened: ${opened.problem}`);
    const files = await listDocuments(db, "dispute", opened.id);
    expect(files.map((f) => f.kind)).toEqual(["evidence"]);
    expect(await findDocumentCaseId(db, files[0]!.id)).toBe(c.applicationId);

    const before = await blobs();
    expect(await openDisputeWithEvidence(db, documentKey, { applicationId: c.applicationId, text: "Again", evidence })).toEqual({
      ok: false,
      problem: "already_open",
    });
    expect(await blobs()).toBe(before);
    expect(await db.selectFrom("document").select("id").where("owner_type", "=", "dispute").execute()).toHaveLength(1);
  });
});
