/**
 * Reporting a smuggling offer as a person would (#11): Urdu without JavaScript, Greek with it. Two
 * reports name one phone number written three ways and are linked; the photo's GPS does not
 * survive; an investigator's question is answered with reference and secret. No cookie at any point.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import fs from "node:fs";
import path from "node:path";
import { createStoreDocumentStorage } from "../../app/models/document-storage.server";
import { findLinkedReports } from "../../app/models/report-investigation.server";
import { parseDocumentKey } from "../../app/utils/document-crypto.server";
import { E2E_DATA_DIR } from "../../playwright.config";
import { expectNoAxeViolations } from "../support/axe";
import { withDb, withStore } from "../support/db";
import { LANGUAGES, type Lang, t } from "../support/locales";
import { signInStaff } from "../support/staff";

test.describe.configure({ timeout: 120_000 });

const GPS = { GPSLatitudeRef: "N", GPSLatitude: "37/1 58/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "23/1 43/1 0/1" };

async function photoWithGps() {
  const buffer = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#445566" } })
    .jpeg()
    .withExifMerge({ IFD0: { Make: "ReporterPhone" }, IFD3: GPS })
    .toBuffer();
  return { name: "whatsapp-chat.jpg", mimeType: "image/jpeg", buffer };
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const proceed = (page: Page, lang: Lang) => page.getByRole("button", { name: t(lang, "form.continue"), exact: true }).click();

type ReportInput = { phones: string; profiles?: string; withPhoto?: boolean };

/** The whole journey; returns the reference and the secret as shown, in groups. */
async function report(page: Page, lang: Lang, input: ReportInput): Promise<{ reference: string; secret: string }> {
  await page.goto(`/${lang}/report`);
  await expect(heading(page)).toHaveText(t(lang, "report:start.title"));
  await page.getByRole("button", { name: t(lang, "report:start.startNow") }).click();

  // Continue without an answer: the message names what is missing.
  await proceed(page, lang);
  await expect(page.getByRole("alert").getByText(t(lang, "report:validation.dangerRequired"))).toBeVisible();
  await page.getByRole("radio", { name: t(lang, "report:no"), exact: true }).check();
  await proceed(page, lang);

  await expect(heading(page)).toHaveText(t(lang, "report:how.question"));
  await page.getByRole("radio", { name: t(lang, "report:channels.tiktok") }).check();
  await proceed(page, lang);

  await expect(heading(page)).toHaveText(t(lang, "report:agent.title"));
  await page.getByLabel(t(lang, "report:agent.phones")).fill(input.phones);
  if (input.profiles) await page.getByLabel(t(lang, "report:agent.profiles")).fill(input.profiles);
  await page.getByLabel(t(lang, "report:agent.names")).fill("چوہدری صاحب");
  await proceed(page, lang);

  await expect(heading(page)).toHaveText(t(lang, "report:offer.title"));
  await page.getByLabel(t(lang, "report:offer.from")).selectOption("PK");
  await page.getByLabel(t(lang, "report:offer.to")).selectOption("IT");
  await page.getByLabel(t(lang, "report:offer.leg", { number: "1" })).fill("Atlantis");
  await page.getByRole("radio", { name: t(lang, "report:transports.sea") }).check();
  await proceed(page, lang);
  // A country the list does not know: a message next to the field, the other answers kept.
  await expect(page.getByRole("alert").getByText(t(lang, "report:validation.routeCountryUnknown"))).toBeVisible();
  await expect(page.getByLabel(t(lang, "report:offer.to"))).toHaveValue("IT");
  await page.getByLabel(t(lang, "report:offer.leg", { number: "1" })).fill("Libya");
  await proceed(page, lang);

  await expect(heading(page)).toHaveText(t(lang, "report:money.title"));
  await page.getByLabel(t(lang, "report:money.amountAsked")).fill("8.000");
  await page.getByRole("radio", { name: /EUR/ }).check();
  await page.getByRole("checkbox", { name: t(lang, "report:paymentMethods.hawala") }).check();
  await page.getByRole("checkbox", { name: t(lang, "report:paymentMethods.guarantor") }).check();
  await page.getByRole("radio", { name: t(lang, "report:money.paidOptions.no"), exact: true }).check();
  await proceed(page, lang);

  await expect(heading(page)).toHaveText(t(lang, "report:when.title"));
  await page.getByLabel(t(lang, "form.date.month")).fill("3");
  await page.getByLabel(t(lang, "form.date.year")).fill("2026");
  await page.getByLabel(t(lang, "report:when.country")).selectOption("GR");
  await page.getByLabel(t(lang, "report:when.details")).fill("He said the boat leaves from Benghazi in April.");
  await proceed(page, lang);

  await expect(heading(page)).toHaveText(t(lang, "report:evidence.title"));
  if (input.withPhoto) {
    await page.getByLabel(t(lang, "report:evidence.choose")).setInputFiles(await photoWithGps());
    await page.getByRole("button", { name: t(lang, "report:evidence.upload") }).click();
    await expect(page.getByRole("heading", { name: t(lang, "report:evidence.added_one", { count: "1" }) })).toBeVisible();
  }
  await proceed(page, lang);

  await expect(heading(page)).toHaveText(t(lang, "report:contact.question"));
  await page.getByRole("radio", { name: t(lang, "report:contact.no") }).check();
  await proceed(page, lang);

  await expect(heading(page)).toHaveText(t(lang, "report:check.title"));
  await expect(page.getByText("چوہدری صاحب")).toBeVisible();
  await page.getByRole("button", { name: t(lang, "report:check.send") }).click();

  await expect(heading(page)).toHaveText(t(lang, "report:sent.title"));
  const reference = (await page.locator(".reference").innerText()).trim();
  expect(reference).toMatch(/^RPT-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  const groups = await page.locator(".report-secret__group").allInnerTexts();
  expect(groups).toHaveLength(5);
  return { reference, secret: groups.join(" ") };
}

async function answerInvestigator(page: Page, lang: Lang, reference: string, secret: string, question: string) {
  await page.goto(`/${lang}/report/follow-up`);
  await expect(heading(page)).toHaveText(t(lang, "report:followUp.title"));
  // A wrong secret gets the same answer as an unknown reference.
  await page.getByLabel(t(lang, "report:followUp.reference")).fill(reference);
  await page.getByLabel(t(lang, "report:followUp.secret")).fill("2222 3333 4444 5555 6666");
  await page.getByRole("button", { name: t(lang, "report:followUp.open") }).click();
  await expect(page.getByText(t(lang, "report:followUp.noMatch"))).toBeVisible();

  await page.getByLabel(t(lang, "report:followUp.secret")).fill(secret.toLowerCase());
  await page.getByRole("button", { name: t(lang, "report:followUp.open") }).click();
  await expect(heading(page)).toHaveText(t(lang, "report:followUp.reportTitle"));
  await expect(page.getByText(question)).toBeVisible();
  await page.getByLabel(t(lang, "report:followUp.message")).fill("He used a second number: +92 301 7654321");
  await page.getByRole("button", { name: t(lang, "report:followUp.send") }).click();
  await expect(page.getByText(t(lang, "report:followUp.added"))).toBeVisible();
  await expect(page.getByText("He used a second number: +92 301 7654321")).toBeVisible();
}

/** A report's evidence as stored, decrypted with the e2e server's own document key. */
async function storedEvidence(id: string): Promise<Buffer[]> {
  const secrets = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, "secrets.json"), "utf8")) as { documentKey: string };
  const blobIds = withDb(
    (db) => db.prepare("SELECT blob_id FROM document WHERE owner_type = 'report' AND owner_id = ?").all(id) as { blob_id: string }[],
  );
  return withStore(async (store) => {
    const storage = createStoreDocumentStorage(store.db, parseDocumentKey(secrets.documentKey));
    return Promise.all(blobIds.map(async (row) => Buffer.from((await storage.get(row.blob_id))!)));
  });
}

/**
 * An investigator, in their own browser and in the reporter's language: finds the first report by
 * one of its numbers written another way, sees both reports in one cluster, downloads the photo as
 * an attachment, and asks the reporter a question. Returns the downloaded photo's bytes.
 */
async function investigatorAsks(
  browser: Browser,
  lang: Lang,
  input: { search: string; first: string; linked: string[]; question: string; javaScriptEnabled: boolean },
): Promise<Buffer | null> {
  const context = await browser.newContext({ javaScriptEnabled: input.javaScriptEnabled });
  await signInStaff(context, { role: "investigator" });
  const page = await context.newPage();
  await page.goto(`/staff/reports?lng=${lang}`);
  await expect(heading(page)).toHaveText(t(lang, "reports:queue.title"));
  await page.getByText(t(lang, "reports:queue.filters"), { exact: true }).click();
  await page.getByLabel(t(lang, "reports:queue.search")).fill(input.search);
  await page.getByRole("button", { name: t(lang, "reports:queue.apply") }).click();
  await expect(page.getByRole("link", { name: input.first, exact: true })).toBeVisible();
  await page.getByRole("link", { name: input.first, exact: true }).click();
  await expect(heading(page)).toHaveText(input.first);
  // axe runs in the page, so only where JavaScript is on (e2e/staff/reports.spec.ts checks every page in four languages).
  if (input.javaScriptEnabled) await expectNoAxeViolations(page);
  await page.getByRole("link", { name: t(lang, "reports:report.seeCluster") }).click();
  await expect(heading(page)).toContainText(input.first);
  const inCluster = page.getByRole("region", { name: t(lang, "reports:cluster.reportsHeading") });
  for (const reference of [input.first, ...input.linked])
    await expect(inCluster.getByRole("link", { name: reference, exact: true })).toBeVisible();
  await expect(page.locator("svg.cluster-picture title")).toHaveText(t(lang, "reports:cluster.pictureTitle", { reference: input.first }));
  if (input.javaScriptEnabled) await expectNoAxeViolations(page);
  await page.goBack();
  let photo: Buffer | null = null;
  const downloadLink = page.getByRole("link", {
    name: t(lang, "reports:report.download", { n: "1", kind: t(lang, "documents:type.jpeg") }),
  });
  if (await downloadLink.count()) {
    const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
    photo = fs.readFileSync((await download.path())!);
  }
  await page.getByLabel(t(lang, "reports:actions.ask")).fill(input.question);
  await page.getByRole("button", { name: t(lang, "reports:actions.sendQuestion") }).click();
  await expect(page.getByText(t(lang, "reports:done.ask"))).toBeVisible();
  await expect(page.getByText(input.question)).toBeVisible();
  await context.close();
  return photo;
}

function reportId(reference: string): string {
  return withDb((db) => (db.prepare("SELECT id FROM report WHERE reference = ?").get(reference) as { id: string }).id);
}

test.describe("ur, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("two reports naming one number written three ways are linked; the photo keeps no GPS; the reporter answers a question", async ({
    page,
    context,
    browser,
  }) => {
    // Two whole journeys without JavaScript, then the investigator's: longer than one journey's budget.
    test.setTimeout(240_000);
    const first = await report(page, "ur", {
      phones: "+92 300 1234567\n0300-7654321",
      profiles: "https://www.tiktok.com/@europe.jobs.2026?lang=en",
      withPhoto: true,
    });
    const second = await report(page, "ur", { phones: "00923001234567" });
    expect(second.reference).not.toBe(first.reference);
    expect(await context.cookies()).toEqual([]);

    const linked = await withStore((store) => findLinkedReports(store.db, reportId(first.reference)));
    expect(linked).toEqual([
      {
        reportId: reportId(second.reference),
        reference: second.reference,
        status: "new",
        offerCountry: "GR",
        sharedKeys: ["phone:+923001234567"],
      },
    ]);

    const photo = await storedEvidence(reportId(first.reference));
    expect(photo).toHaveLength(1);
    const metadata = await sharp(photo[0]!).metadata();
    expect(metadata.format).toBe("jpeg");
    expect(metadata.exif).toBeUndefined();

    const question = "کیا ایجنٹ نے آپ سے کوئی رقم پیشگی لی؟";
    const downloaded = await investigatorAsks(browser, "ur", {
      search: "923001234567",
      first: first.reference,
      linked: [second.reference],
      question,
      javaScriptEnabled: false,
    });
    // What the investigator receives is what was stored: the rebuilt JPEG, without EXIF.
    expect(downloaded?.equals(photo[0]!)).toBe(true);
    await answerInvestigator(page, "ur", first.reference, first.secret, question);
    expect(await context.cookies()).toEqual([]);
  });
});

test.describe("el, JavaScript on", () => {
  test("a report and its follow-up in Greek; Escape twice leaves for the neutral site and Back does not return", async ({
    page,
    context,
    browser,
  }) => {
    const sent = await report(page, "el", { phones: "6912345678\n+39 312 345 6789", profiles: "@europe.jobs.2026" });
    const again = await report(page, "el", { phones: "0039 312 3456789" });
    const question = "Πότε σας ζήτησαν τα χρήματα;";
    await investigatorAsks(browser, "el", {
      search: "+39 3123456789",
      first: sent.reference,
      linked: [again.reference],
      question,
      javaScriptEnabled: true,
    });
    await answerInvestigator(page, "el", sent.reference, sent.secret, question);
    const keys = withDb((db) =>
      (
        db
          .prepare("SELECT identifier_key FROM report_identifier WHERE report_id = ? ORDER BY identifier_key")
          .all(reportId(sent.reference)) as {
          identifier_key: string;
        }[]
      ).map((r) => r.identifier_key),
    );
    expect(keys).toEqual(["phone:+306912345678", "phone:+393123456789", "tiktok:europe.jobs.2026"]);
    expect(await context.cookies()).toEqual([]);

    // Escape twice leaves through /exit for the neutral site (which this closed test machine cannot
    // reach), replacing the report page in the history.
    await page.goto("/el");
    await page.goto("/el/report");
    const exit = page.waitForResponse((response) => new URL(response.url()).pathname === "/exit");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    const answer = await exit;
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toBe("https://www.bbc.com/weather");
    await expect.poll(() => page.url()).not.toContain("/el/report");
    await page.goBack();
    await expect(page).toHaveURL(/\/el$/);
  });
});

for (const lang of LANGUAGES) {
  test(`report pages have no axe violations and a visible quick exit (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/report`);
    await expect(page.getByRole("link", { name: t(lang, "report:quickExit.label") })).toHaveAttribute("href", "/exit");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: t(lang, "report:start.startNow") }).click();
    await proceed(page, lang); // with the error summary
    await expectNoAxeViolations(page);
    // Someone in danger: the emergency page first (no number set for this country yet), then on.
    await page.getByRole("radio", { name: t(lang, "report:yes"), exact: true }).check();
    await page.getByLabel(t(lang, "report:danger.country")).selectOption("GR");
    await proceed(page, lang);
    await expect(heading(page)).toHaveText(t(lang, "report:emergency.title"));
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: t(lang, "report:emergency.continue") }).click();
    for (const check of ["how", "agent", "offer", "money", "when"] as const) {
      await expect(heading(page)).toBeVisible();
      await expectNoAxeViolations(page);
      if (check === "how") await page.getByRole("radio", { name: t(lang, "report:channels.whatsapp") }).check();
      if (check === "offer") {
        await page.getByLabel(t(lang, "report:offer.from")).selectOption("PK");
        await page.getByLabel(t(lang, "report:offer.to")).selectOption("GR");
        await page.getByRole("radio", { name: t(lang, "report:transports.land") }).check();
      }
      if (check === "money") await page.getByRole("radio", { name: t(lang, "report:money.paidOptions.no"), exact: true }).check();
      if (check === "when") {
        await page.getByLabel(t(lang, "form.date.year")).fill("2026");
        await page.getByLabel(t(lang, "report:when.country")).selectOption("GR");
      }
      await proceed(page, lang);
    }
    await expectNoAxeViolations(page); // evidence
    await proceed(page, lang);
    await page.getByRole("radio", { name: t(lang, "report:contact.yes") }).check();
    await expectNoAxeViolations(page); // contact, with the warning shown
    await page.getByRole("radio", { name: t(lang, "report:contact.no") }).check();
    await proceed(page, lang);
    await expect(heading(page)).toHaveText(t(lang, "report:check.title"));
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: t(lang, "report:check.send") }).click();
    await expect(heading(page)).toHaveText(t(lang, "report:sent.title"));
    await expectNoAxeViolations(page);
    const reference = (await page.locator(".reference").innerText()).trim();
    const secret = (await page.locator(".report-secret__group").allInnerTexts()).join(" ");
    await page.goto(`/${lang}/report/follow-up`);
    await expectNoAxeViolations(page);
    await page.getByLabel(t(lang, "report:followUp.reference")).fill(reference);
    await page.getByLabel(t(lang, "report:followUp.secret")).fill(secret);
    await page.getByRole("button", { name: t(lang, "report:followUp.open") }).click();
    await expect(heading(page)).toHaveText(t(lang, "report:followUp.reportTitle"));
    await expectNoAxeViolations(page);
  });
}
