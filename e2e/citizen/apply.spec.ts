/**
 * The whole certificate journey, as an applicant abroad would do it, in every language, with and
 * without JavaScript: real files made in the test, a reference at the end, the application found on
 * the tracking page, and the receipt delivered to the test SMTP server.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { jpeg, pdf, png } from "../support/files";
import { LANGUAGES, type Lang, t } from "../support/locales";
import { mailTo } from "../support/mail";

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function continueOn(page: Page, lang: Lang, checkAxe: boolean) {
  if (checkAxe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: t(lang, "form.continue"), exact: true }).click();
}

export async function applyForCertificate(page: Page, lang: Lang, email: string, checkAxe: boolean): Promise<string> {
  const c = (key: string) => t(lang, `certificate:${key}`);
  await page.goto(`/${lang}`);
  await page.getByRole("link", { name: t(lang, "home:services.certificate.title") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("start.title"));
  if (checkAxe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: c("start.startNow") }).click();

  // Personal details: first an empty submission, which must list the problems and keep nothing wrong.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("personal.title"));
  await expect(page.getByText(c("progress").replace("{{current}}", "1").replace("{{total}}", "6"))).toBeVisible();
  await page.getByRole("button", { name: t(lang, "form.continue"), exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(t(lang, "validation:required.fullName"));
  await expect(page).toHaveTitle(new RegExp(`^${t(lang, "form.errorPrefix")}: `));
  if (checkAxe) await expectNoAxeViolations(page);
  await page.getByLabel(c("personal.fullName")).fill(lang === "ur" ? "علی خان" : lang === "el" ? "Αλή Χαν" : "Alì Khan");
  await page.getByLabel(c("personal.fatherName")).fill("Ahmed Khan");
  const dob = page.getByRole("group", { name: c("personal.dateOfBirth") });
  await dob.getByLabel(t(lang, "form.date.day")).fill("27");
  await dob.getByLabel(t(lang, "form.date.month")).fill("3");
  await dob.getByLabel(t(lang, "form.date.year")).fill("1990");
  await page.getByLabel(c("personal.genderOptions.male"), { exact: true }).check();
  await page.getByLabel(c("personal.cnic")).fill("35202-1234567-1");
  await page.getByLabel(c("personal.passportNumber")).fill("AB1234567");
  await continueOn(page, lang, false);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("contact.title"));
  await page.getByLabel(c("contact.email")).fill(email);
  await page.getByLabel(c("contact.phone")).fill("+30 691 234 5678");
  await page.getByLabel(c("contact.residenceCountry")).selectOption("GR");
  await page.getByLabel(c("contact.residenceCity")).fill("Athens");
  await continueOn(page, lang, checkAxe);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("addresses.title"));
  await page.getByLabel(c("addresses.district")).fill("Gujrat");
  await page.getByLabel(c("addresses.policeStation")).fill("Civil Lines");
  await page.getByLabel(c("addresses.address"), { exact: true }).fill("House 12, Street 4 <b>bold</b>");
  const from = page.getByRole("group", { name: c("addresses.from") });
  await from.getByLabel(t(lang, "form.date.month")).fill("6");
  await from.getByLabel(t(lang, "form.date.year")).fill("2015");
  await continueOn(page, lang, checkAxe);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("purpose.title"));
  await page.getByLabel(c("purpose.options.work_visa")).check();
  await page.getByLabel(c("purpose.destinationCountry")).selectOption("IT");
  await continueOn(page, lang, checkAxe);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("delivery.title"));
  await page.getByLabel(c("delivery.options.pdf")).check();
  await continueOn(page, lang, checkAxe);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("documents.title"));
  await page.getByLabel(c("documents.kinds.passport")).setInputFiles(await jpeg("passport.jpg"));
  await page.getByLabel(c("documents.kinds.cnic_front")).setInputFiles(await png("cnic-front.png"));
  await page.getByLabel(c("documents.kinds.cnic_back")).setInputFiles(await pdf("cnic-back.pdf"));
  await page.getByLabel(c("documents.kinds.photo")).setInputFiles(await jpeg("me.jpg", 400, 500));
  await continueOn(page, lang, checkAxe);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("check.title"));
  await expect(page.getByText("House 12, Street 4 <b>bold</b>", { exact: false })).toBeVisible();
  if (checkAxe) await expectNoAxeViolations(page);
  await page.getByLabel(c("check.declaration")).check();
  await page.getByRole("button", { name: c("check.submit") }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c("confirmation.title"));
  if (checkAxe) await expectNoAxeViolations(page);
  const reference = (await page.locator(".reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^PCC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
  expect(page.url()).toContain(`/${lang}/certificate/confirmation/${reference}`);
  await expect(page).not.toHaveTitle(/Khan|Χαν|خان/);
  return reference;
}

for (const lang of LANGUAGES) {
  for (const javaScriptEnabled of [false, true]) {
    test.describe(`${lang}, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
      test.use({ javaScriptEnabled });

      test("apply, get a reference, track it and receive the receipt", async ({ page }) => {
        const email = `applicant-${lang}-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.com`;
        const reference = await applyForCertificate(page, lang, email, javaScriptEnabled);

        await page.getByRole("link", { name: t(lang, "certificate:confirmation.track") }).click();
        await page.getByLabel(t(lang, "track:reference")).fill(reference.toLowerCase().replace(/-/g, " "));
        const dob = page.getByRole("group", { name: t(lang, "track:dateOfBirth") });
        await dob.getByLabel(t(lang, "form.date.day")).fill("27");
        await dob.getByLabel(t(lang, "form.date.month")).fill("3");
        await dob.getByLabel(t(lang, "form.date.year")).fill("1990");
        await page.getByRole("button", { name: t(lang, "track:submit") }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "track:statusPage.title"));
        await expect(page.getByText(reference)).toBeVisible();
        await expect(page.getByText(t(lang, "track:status.submitted.label"), { exact: true })).toBeVisible();
        if (javaScriptEnabled) await expectNoAxeViolations(page);

        const receipt = await mailTo(email, (m) => m.subject.includes(reference));
        expect(receipt.subject).toBe(t(lang, "mail:receipt.subject", { reference }));
        expect(receipt.text).toContain(`/${lang}/track?key=`);
      });
    });
  }
}
