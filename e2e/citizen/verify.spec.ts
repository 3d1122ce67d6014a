/**
 * A certificate from approval to a Greek official's check: an officer approves, the applicant
 * downloads the PDF from the tracking page, the QR code printed in it (decoded from the embedded
 * image with jsQR) opens in a Greek browser and says "valid" with the holder's name; a supervisor
 * revokes, and the same link says "revoked" with the date. The PDF is byte for byte what was
 * recorded at issue. Bad input of every kind gets a translated "not found", and the pages pass axe
 * in all four languages, ship no JavaScript and stay within the page-weight budget.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { type Browser, expect, type Page, type Response, test } from "@playwright/test";
import { sendExpiryReminders } from "../../app/models/certificate-reminders.server";
import { decodeQrCodes, pdfPageCount } from "../../test/support/certificate-pdf";
import { certificateMails } from "../../app/mails/certificate-mails.server";
import { BASE_URL } from "../../playwright.config";
import { auditActions, certificateRow, setCertificateExpiry, withStore } from "../support/db";
import { png } from "../support/files";
import { expectNoAxeViolations } from "../support/axe";
import {
  fillAddress,
  fillContact,
  fillPersonal,
  fillPurposeAndDelivery,
  HOLDER,
  startApplication,
  submitApplication,
  trackApplication,
  uploadDocuments,
} from "../support/journey";
import { mailTo } from "../support/mail";
import { type Lang, LANGUAGES, t } from "../support/locales";
import { signInStaff } from "../support/staff";

/** The journey's address is in Gujrat district: the Gujrat service center issues the certificate. */
const CENTER = "gujrat";
const en = (key: string, values?: Record<string, string>) => t("en", key, values);
const longDate = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat({ ur: "ur-PK", en: "en-GB", el: "el-GR", it: "it-IT" }[lang], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(iso),
  );

type Issued = { reference: string; number: string; url: string; pdf: Buffer; applicant: Page; caseId: string; email: string };

/** Applies in English, has an officer of the center approve, and downloads the certificate as the applicant. */
async function approveAndDownload(browser: Browser): Promise<Issued> {
  const applicant = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const email = `verify-${Date.now()}@example.com`;
  await startApplication(applicant, "en", "self");
  await fillPersonal(applicant, "en");
  await fillContact(applicant, "en", email);
  await fillAddress(applicant, "en");
  await fillPurposeAndDelivery(applicant, "en");
  await uploadDocuments(applicant, "en");
  const reference = await submitApplication(applicant, "en");

  const officerContext = await browser.newContext();
  await signInStaff(officerContext, { role: "officer", displayName: "Ayesha Siddiqui", centerSlug: CENTER });
  const officer = await officerContext.newPage();
  await officer.goto(`/staff/queue?tab=new&q=${reference}`);
  await officer.getByRole("link", { name: reference }).click();
  const caseId = new URL(officer.url()).pathname.split("/").pop()!;
  await officer.getByRole("button", { name: en("cases:case.claim") }).click();
  await officer.getByRole("button", { name: en("cases:case.approve") }).click();
  await expect(officer.getByRole("status")).toHaveText(en("cases:case.done.approve"));
  // Issued in the same request: the case page names the certificate.
  await expect(officer.getByRole("link", { name: en("cases:case.certificate.open") })).toBeVisible();
  await officerContext.close();

  await trackApplication(applicant, "en", reference);
  await expect(applicant.getByText(en("track:status.issued.label"), { exact: true })).toBeVisible();
  const [download] = await Promise.all([
    applicant.waitForEvent("download"),
    applicant.getByRole("link", { name: en("track:certificate.download") }).click(),
  ]);
  const pdf = fs.readFileSync((await download.path())!);
  expect(download.suggestedFilename()).toMatch(/^police-character-certificate-PSC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}\.pdf$/);
  const [url] = await decodeQrCodes(pdf);
  expect(url).toMatch(new RegExp(`^${BASE_URL}/verify/PSC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}\\?code=[2-9A-HJKMNP-TV-Z]{10}$`));
  const number = new URL(url!).pathname.split("/").pop()!;
  return { reference, number, url: url!, pdf, applicant, caseId, email };
}

async function expectAnswer(page: Page, lang: Lang, answer: "valid" | "expired" | "revoked" | "notFound", date?: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, `verify:result.${answer}.heading`));
  if (date) await expect(page.getByText(t(lang, `verify:result.${answer}.body`, { date }))).toBeVisible();
  await expect(page.locator("script")).toHaveCount(0);
}

test("an approved certificate verifies in a Greek browser, then shows as revoked, and its PDF is the one recorded", async ({ browser }) => {
  test.setTimeout(120_000);
  const issued = await approveAndDownload(browser);
  const stored = certificateRow(issued.number)!;

  await test.step("the PDF: two pages, as recorded at issue, and the mail says it is ready without attaching it", async () => {
    expect(await pdfPageCount(issued.pdf)).toBe(2);
    expect(createHash("sha256").update(issued.pdf).digest("hex")).toBe(stored.pdf_sha256);
    const mail = await mailTo(issued.email, (m) => (m.text ?? "").includes(issued.number));
    expect(mail.subject).toBe(en("mail:certificateReady.subject", { reference: issued.reference }));
  });

  const greek = await (await browser.newContext({ locale: "el-GR" })).newPage();
  await test.step("the QR link opens in Greek and says valid, with the holder's name and photo", async () => {
    await greek.goto(issued.url);
    expect(new URL(greek.url()).pathname).toBe(`/el/verify/${issued.number}`);
    await expectAnswer(greek, "el", "valid", longDate("el", stored.expires_at));
    const card = greek.getByRole("region", { name: t("el", "verify:result.asIssued") });
    await expect(card.getByText(HOLDER.name, { exact: true })).toBeVisible();
    await expect(card.getByText(t("el", "verify:document.results.no_record"), { exact: true })).toBeVisible();
    await expect(card.getByText("Κέντρο Εξυπηρέτησης της Αστυνομίας, Γκουτζράτ", { exact: true })).toBeVisible();
    const photo = card.getByRole("img", { name: t("el", "verify:result.photoAlt", { name: HOLDER.name }) });
    await expect(photo).toBeVisible();
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
    await expectNoAxeViolations(greek);
  });

  await test.step("the holder sees how often it was checked", async () => {
    await issued.applicant.reload();
    const checks = issued.applicant.locator(".summary-list__row", { hasText: en("track:certificate.checks") });
    await expect(checks).toContainText("1");
    expect(certificateRow(issued.number)!.verification_count).toBe(1);
  });

  await test.step("after its expiry date the same link says expired, with the date", async () => {
    const past = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
    setCertificateExpiry(issued.number, past);
    await greek.reload();
    await expectAnswer(greek, "el", "expired", longDate("el", past));
    setCertificateExpiry(issued.number, stored.expires_at);
  });

  await test.step("a supervisor of the center revokes it, with a reason", async () => {
    const context = await browser.newContext();
    await signInStaff(context, { role: "supervisor", displayName: "Nadia Hussain", centerSlug: CENTER });
    const supervisor = await context.newPage();
    await supervisor.goto(`/staff/cases/${issued.caseId}`);
    await supervisor.getByRole("link", { name: en("cases:case.certificate.open") }).click();
    await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText(en("cases:certificate.title", { number: issued.number }));
    await supervisor.getByRole("button", { name: en("cases:certificate.revoke.submit") }).click();
    await expect(supervisor.getByRole("alert")).toContainText(en("cases:certificate.revoke.reasonRequired"));
    await supervisor.getByLabel(en("cases:certificate.revoke.reason")).selectOption("new_information");
    await supervisor
      .getByLabel(en("cases:certificate.revoke.note"))
      .fill("A conviction recorded after issue was reported by the district police.");
    await supervisor.getByRole("button", { name: en("cases:certificate.revoke.submit") }).click();
    await expect(supervisor.getByRole("status")).toHaveText(en("cases:certificate.revoke.done"));
    await context.close();
    expect(auditActions(issued.caseId)).toEqual(
      expect.arrayContaining(["application.approve", "certificate.issued", "application.issue", "certificate.revoked"]),
    );
  });

  await test.step("the same link now says revoked, with the date", async () => {
    await greek.reload();
    const revokedAt = certificateRow(issued.number)!.revoked_at!;
    await expectAnswer(greek, "el", "revoked", longDate("el", revokedAt));
    await expectNoAxeViolations(greek);
    await issued.applicant.reload();
    await expect(issued.applicant.getByText(en("track:certificate.revoked", { date: longDate("en", revokedAt) }))).toBeVisible();
  });

  await test.step("the PDF served now is still byte for byte the one recorded", async () => {
    const response = await issued.applicant.request.get("/en/track/certificate.pdf");
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["cache-control"]).toBe("no-store");
    const again = await response.body();
    expect(createHash("sha256").update(again).digest("hex")).toBe(stored.pdf_sha256);
    expect(Buffer.compare(again, issued.pdf)).toBe(0);
  });

  await test.step("bad input of every kind gets the same translated answer, and reveals nothing", async () => {
    const code = new URL(issued.url).searchParams.get("code")!;
    const wrongCode = code.replace(/^./, (c) => (c === "2" ? "3" : "2"));
    const page = await (await browser.newContext({ locale: "it-IT" })).newPage();
    // A forged number with a made-up code, the right number with a wrong code, through the QR-style link.
    for (const link of [
      `/verify/PSC-7KMX-2QRA?code=7KMX2QRFHD`,
      `/verify/${issued.number}?code=${wrongCode}`,
      `/verify/${issued.number}`,
    ]) {
      await page.goto(link);
      expect(new URL(page.url()).pathname.startsWith("/it/verify/")).toBe(true);
      await expectAnswer(page, "it", "notFound");
      await expect(page.getByText(HOLDER.name)).toHaveCount(0);
    }
    // The photo needs the right code as well.
    expect((await page.request.get(`/it/verify/${issued.number}/photo?code=${wrongCode}`)).status()).toBe(404);
    // Through the form: very long input, Urdu script, markup; each the same "not found".
    for (const [number, typed] of [
      ["PSC-7KMX-".repeat(300), code.repeat(200)],
      ["پی ایس سی ۷۸۹", "کوڈ نمبر"],
      ["<script>alert(1)</script>", "' OR 1=1 --"],
    ]) {
      await page.goto("/it/verify");
      await page.getByLabel(t("it", "verify:number"), { exact: true }).fill(number!);
      await page.getByLabel(t("it", "verify:code"), { exact: true }).fill(typed!);
      await page.getByRole("button", { name: t("it", "verify:submit") }).click();
      await expect(page.getByRole("alert")).toContainText(t("it", "verify:result.notFound.heading"));
      await expect(page.getByRole("alert")).toContainText(t("it", "verify:result.notFound.body"));
    }
    // Typed by hand, the way people type it, the revoked certificate is found and says so.
    await page.goto("/it/verify");
    await page.getByLabel(t("it", "verify:number"), { exact: true }).fill(issued.number.toLowerCase().replace(/-/g, " "));
    await page.getByLabel(t("it", "verify:code"), { exact: true }).fill(`${code.slice(0, 5)}-${code.slice(5)}`);
    await page.getByRole("button", { name: t("it", "verify:submit") }).click();
    await expectAnswer(page, "it", "revoked", longDate("it", certificateRow(issued.number)!.revoked_at!));
  });
});

for (const lang of LANGUAGES) {
  test(`${lang}: the verification pages have no axe violations, no JavaScript, and stay within 50 KB`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on("response", (response) => responses.push(response));
    await page.goto(`/${lang}/verify`, { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "verify:title"));
    await expect(page.locator("html")).toHaveAttribute("dir", lang === "ur" ? "rtl" : "ltr");
    await expect(page.locator("script")).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The weight of a first visit, fonts aside (as e2e/citizen/weight.spec.ts counts it).
    let total = 0;
    for (const response of responses.filter((r) => !new URL(r.url()).pathname.endsWith(".woff2"))) {
      const sizes = await response.request().sizes();
      total += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    console.log(`/${lang}/verify: ${total} bytes (${(total / 1024).toFixed(1)} KB)`);
    expect(total).toBeLessThanOrEqual(50 * 1024);

    await page.getByRole("button", { name: t(lang, "verify:submit") }).click();
    await expect(page.getByRole("alert").first()).toContainText(t(lang, "verify:numberRequired"));
    await expect(page).toHaveTitle(new RegExp(`^${t(lang, "form.errorPrefix")}: `));
    await expectNoAxeViolations(page);

    await page.goto(`/${lang}/verify/PSC-7KMX-2QRA?code=7KMX2QRFHD`);
    await expectAnswer(page, lang, "notFound");
    await expectNoAxeViolations(page);
    await context.close();
  });
}

test("a valid certificate's result page, with its photo, stays within 50 KB in every language", async ({ browser }) => {
  test.setTimeout(90_000);
  const issued = await approveAndDownload(browser);
  for (const lang of LANGUAGES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on("response", (response) => responses.push(response));
    await page.goto(`/${lang}/verify/${issued.number}${new URL(issued.url).search}`, { waitUntil: "networkidle" });
    await expectAnswer(page, lang, "valid");
    await expectNoAxeViolations(page);
    let total = 0;
    for (const response of responses.filter((r) => !new URL(r.url()).pathname.endsWith(".woff2"))) {
      const sizes = await response.request().sizes();
      total += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    console.log(`/${lang}/verify/<number>: ${total} bytes (${(total / 1024).toFixed(1)} KB) with the photo`);
    expect(total).toBeLessThanOrEqual(50 * 1024);
    await context.close();
  }
});

test("the holder disputes the certificate with evidence, a supervisor upholds it, and a reminder's link starts a prefilled application", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const issued = await approveAndDownload(browser);
  const { applicant } = issued;

  await test.step("the holder says what is wrong, with a scan as evidence", async () => {
    await applicant.getByRole("button", { name: en("track:dispute.submit") }).click();
    await expect(applicant.getByRole("alert")).toContainText(en("track:dispute.textRequired"));
    await applicant.getByLabel(en("track:dispute.text")).fill("My father's name is spelt Ahmad, not Ahmed.");
    await applicant.getByLabel(en("track:dispute.file")).setInputFiles(await png("passport-page.png"));
    await applicant.getByRole("button", { name: en("track:dispute.submit") }).click();
    await expect(applicant.getByRole("status")).toHaveText(en("track:dispute.sent"));
    await expect(applicant.getByRole("button", { name: en("track:dispute.submit") })).toHaveCount(0);
  });

  await test.step("a supervisor of the center upholds it from the disputes queue", async () => {
    const context = await browser.newContext();
    await signInStaff(context, { role: "supervisor", displayName: "Nadia Hussain", centerSlug: CENTER });
    const supervisor = await context.newPage();
    await supervisor.goto("/staff");
    await supervisor.getByRole("link", { name: en("cases:disputes.title") }).click();
    const item = supervisor.getByRole("region", { name: new RegExp(issued.number) });
    await expect(item.getByText("My father's name is spelt Ahmad, not Ahmed.")).toBeVisible();
    await expect(item.getByRole("link", { name: new RegExp(en("cases:disputes.evidenceFile", { n: "1" })) })).toBeVisible();
    await item.getByLabel(en("cases:disputes.outcome")).fill("The passport says Ahmad: the certificate is revoked; please apply again.");
    await item.getByRole("button", { name: en("cases:disputes.uphold") }).click();
    await expect(supervisor.getByRole("status")).toHaveText(en("cases:disputes.done.uphold"));
    await context.close();
  });

  await test.step("the holder sees the outcome, and gets it by mail", async () => {
    await applicant.reload();
    const decided = certificateRow(issued.number)!;
    expect(decided.revoked_at).not.toBeNull();
    await expect(applicant.getByText(en("track:dispute.upheld", { date: longDate("en", decided.revoked_at!) }))).toBeVisible();
    await expect(applicant.getByText("The passport says Ahmad: the certificate is revoked; please apply again.").first()).toBeVisible();
    await mailTo(issued.email, (m) => m.subject === en("mail:disputeDecided.subject", { reference: issued.reference }));
    const page = await (await browser.newContext({ locale: "el-GR" })).newPage();
    await page.goto(issued.url);
    await expectAnswer(page, "el", "revoked");
  });

  await test.step("14 days before expiry the holder is reminded, and the link prefills a new application after the date of birth", async () => {
    setCertificateExpiry(issued.number, new Date(Date.now() + 10 * 24 * 60 * 60 * 1000).toISOString());
    await withStore(async (store) => {
      // Revoked certificates are not reminded; this one is un-revoked here only to test the reminder.
      await store.db.updateTable("certificate").set({ revoked_at: null }).where("number", "=", issued.number).execute();
      expect(await sendExpiryReminders(store.db, { publicUrl: BASE_URL, mails: certificateMails(BASE_URL) })).toBeGreaterThanOrEqual(1);
    });
    const mail = await mailTo(issued.email, (m) => (m.text ?? "").includes("/certificate/reapply?token="));
    expect(mail.subject).toBe(en("mail:expiryReminder.subject", { date: longDate("en", certificateRow(issued.number)!.expires_at) }));
    const link = /https?:\/\/\S+\/certificate\/reapply\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? "")![0];
    const page = await (await browser.newContext()).newPage();
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("certificate:reapply.title"));
    const dob = page.getByRole("group", { name: en("certificate:reapply.confirm") });
    await dob.getByLabel(en("form.date.day")).fill("28");
    await dob.getByLabel(en("form.date.month")).fill(HOLDER.month);
    await dob.getByLabel(en("form.date.year")).fill(HOLDER.year);
    await page.getByRole("button", { name: en("certificate:reapply.submit") }).click();
    await expect(page.getByRole("alert")).toContainText(en("certificate:reapply.noMatch"));
    await expectNoAxeViolations(page);
    await dob.getByLabel(en("form.date.day")).fill(HOLDER.day);
    await page.getByRole("button", { name: en("certificate:reapply.submit") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("certificate:who.title"));
    await expect(page.getByLabel(en("certificate:who.options.self"))).toBeChecked();
    await page.getByRole("button", { name: en("form.continue"), exact: true }).click();
    await expect(page.getByLabel(en("certificate:personal.fullName"))).toHaveValue(HOLDER.name);
    await expect(page.getByLabel(en("certificate:personal.passportNumber"))).toHaveValue(HOLDER.passport);
    // Used once: the same link now opens nothing.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("certificate:reapply.invalidTitle"));
  });
});
