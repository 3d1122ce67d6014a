/** The certificate journey as a user walks it, page by page, shared by the citizen specs. */
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { jpeg, pdf, png } from "./files";
import { type Lang, t } from "./locales";

const c = (lang: Lang, key: string) => t(lang, `certificate:${key}`);

export async function expectHeading(page: Page, text: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}

export async function continueOn(page: Page, lang: Lang, checkAxe = false) {
  if (checkAxe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: t(lang, "form.continue"), exact: true }).click();
}

export async function startApplication(page: Page, lang: Lang, who: "self" | "relative", checkAxe = false) {
  await page.goto(`/${lang}`);
  await page.getByRole("link", { name: t(lang, "home:services.certificate.title") }).click();
  await expectHeading(page, c(lang, "start.title"));
  if (checkAxe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: c(lang, "start.startNow") }).click();
  await expectHeading(page, c(lang, "who.title"));
  await page.getByLabel(c(lang, `who.options.${who}`)).check();
  await continueOn(page, lang, checkAxe);
}

export const HOLDER = { name: "Ali Khan", passport: "AB1234567", cnic: "35202-1234567-1", day: "27", month: "3", year: "1990" };

export async function fillPersonal(
  page: Page,
  lang: Lang,
  { fullName = HOLDER.name, passport = HOLDER.passport, checkEmptyFirst = false, checkAxe = false } = {},
) {
  await expect(page.getByText(c(lang, "progress").replace("{{current}}", "1").replace("{{total}}", "6"))).toBeVisible();
  if (checkEmptyFirst) {
    await page.getByLabel(c(lang, "personal.fullName")).fill("");
    await page.getByLabel(c(lang, "personal.passportNumber")).fill("");
    await page.getByRole("button", { name: t(lang, "form.continue"), exact: true }).click();
    await expect(page.getByRole("alert")).toContainText(t(lang, "validation:required.fullName"));
    await expect(page).toHaveTitle(new RegExp(`^${t(lang, "form.errorPrefix")}: `));
    if (checkAxe) await expectNoAxeViolations(page);
  }
  await page.getByLabel(c(lang, "personal.fullName")).fill(fullName);
  await page.getByLabel(c(lang, "personal.fatherName")).fill("Ahmed Khan");
  const dob = page.getByRole("group", { name: c(lang, "personal.dateOfBirth") });
  await dob.getByLabel(t(lang, "form.date.day")).fill(HOLDER.day);
  await dob.getByLabel(t(lang, "form.date.month")).fill(HOLDER.month);
  await dob.getByLabel(t(lang, "form.date.year")).fill(HOLDER.year);
  await page.getByLabel(c(lang, "personal.genderOptions.male"), { exact: true }).check();
  await page.getByLabel(c(lang, "personal.cnic")).fill(HOLDER.cnic);
  await page.getByLabel(c(lang, "personal.passportNumber")).fill(passport);
  await continueOn(page, lang);
}

export async function fillContact(page: Page, lang: Lang, email: string, checkAxe = false) {
  await page.getByLabel(c(lang, "contact.email")).fill(email);
  await page.getByLabel(c(lang, "contact.phone")).fill("+30 691 234 5678");
  await page.locator("#residenceCountry").selectOption("GR");
  await page.locator("#residenceCity").fill("Athens");
  await continueOn(page, lang, checkAxe);
}

export const ADDRESS = { district: "Gujrat", policeStation: "Civil Lines", address: "House 12, Street 4 <b>bold</b>" };

export async function fillAddress(page: Page, lang: Lang, checkAxe = false, { district, policeStation, address } = ADDRESS) {
  await expectHeading(page, c(lang, "addresses.title"));
  await page.getByLabel(c(lang, "addresses.district")).fill(district);
  await page.getByLabel(c(lang, "addresses.policeStation")).fill(policeStation);
  await page.getByLabel(c(lang, "addresses.address"), { exact: true }).fill(address);
  const from = page.getByRole("group", { name: c(lang, "addresses.from") });
  await from.getByLabel(t(lang, "form.date.month")).fill("6");
  await from.getByLabel(t(lang, "form.date.year")).fill("2015");
  await continueOn(page, lang, checkAxe);
}

export async function fillPurposeAndDelivery(page: Page, lang: Lang, checkAxe = false) {
  await expectHeading(page, c(lang, "purpose.purpose"));
  await page.getByLabel(c(lang, "purpose.options.work_visa")).check();
  await page.getByLabel(c(lang, "purpose.destinationCountry")).selectOption("IT");
  await continueOn(page, lang, checkAxe);
  await expectHeading(page, c(lang, "delivery.delivery"));
  await page.getByLabel(c(lang, "delivery.options.pdf")).check();
  await continueOn(page, lang, checkAxe);
}

export async function uploadDocuments(page: Page, lang: Lang, checkAxe = false) {
  await expectHeading(page, c(lang, "documents.title"));
  await page.getByLabel(c(lang, "documents.kinds.passport")).setInputFiles(await jpeg("passport.jpg"));
  await page.getByLabel(c(lang, "documents.kinds.cnic_front")).setInputFiles(await png("cnic-front.png"));
  await page.getByLabel(c(lang, "documents.kinds.cnic_back")).setInputFiles(await pdf("cnic-back.pdf"));
  await page.getByLabel(c(lang, "documents.kinds.photo")).setInputFiles(await jpeg("me.jpg", 400, 500));
  await continueOn(page, lang, checkAxe);
}

/** Check answers, accept the declaration, send; returns the reference from the confirmation page. */
export async function submitApplication(page: Page, lang: Lang, checkAxe = false): Promise<string> {
  await expectHeading(page, c(lang, "check.title"));
  await expect(page.getByText("House 12, Street 4 <b>bold</b>", { exact: false })).toBeVisible();
  if (checkAxe) await expectNoAxeViolations(page);
  await page.getByLabel(c(lang, "check.declaration")).check();
  await page.getByRole("button", { name: c(lang, "check.submit") }).click();
  await expectHeading(page, c(lang, "confirmation.title"));
  if (checkAxe) await expectNoAxeViolations(page);
  const reference = (await page.locator(".reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^PCC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
  expect(page.url()).toContain(`/${lang}/certificate/confirmation/${reference}`);
  await expect(page).not.toHaveTitle(/Khan|Χαν|خان/);
  return reference;
}

/** Start page to confirmation, applying for oneself; returns the reference. */
export async function applyForCertificate(page: Page, lang: Lang, email: string, checkAxe: boolean): Promise<string> {
  await startApplication(page, lang, "self", checkAxe);
  await expectHeading(page, c(lang, "personal.title"));
  await fillPersonal(page, lang, {
    fullName: lang === "ur" ? "علی خان" : lang === "el" ? "Αλή Χαν" : "Alì Khan",
    checkEmptyFirst: true,
    checkAxe,
  });
  await expectHeading(page, c(lang, "contact.title"));
  await fillContact(page, lang, email, checkAxe);
  await fillAddress(page, lang, checkAxe);
  await fillPurposeAndDelivery(page, lang, checkAxe);
  await uploadDocuments(page, lang, checkAxe);
  return submitApplication(page, lang, checkAxe);
}

export async function trackApplication(page: Page, lang: Lang, reference: string, dob = HOLDER) {
  await page.goto(`/${lang}/track`);
  await page.getByLabel(t(lang, "track:reference")).fill(reference);
  const group = page.getByRole("group", { name: t(lang, "track:dateOfBirth") });
  await group.getByLabel(t(lang, "form.date.day")).fill(dob.day);
  await group.getByLabel(t(lang, "form.date.month")).fill(dob.month);
  await group.getByLabel(t(lang, "form.date.year")).fill(dob.year);
  await page.getByRole("button", { name: t(lang, "track:submit") }).click();
}

/** A whole application in English for oneself, started from an embassy poster's link (`?ref=<code>`); returns the reference. */
export async function applyFromPoster(
  page: Page,
  referralCode: string,
  email: string,
  { lang = "en", path = `/${lang}/certificate?ref=${referralCode}` }: { lang?: Lang; path?: string } = {},
): Promise<string> {
  await page.goto(path);
  await page.getByRole("button", { name: c(lang, "start.startNow") }).click();
  await page.getByLabel(c(lang, "who.options.self")).check();
  await continueOn(page, lang);
  await fillPersonal(page, lang);
  await fillContact(page, lang, email);
  await fillAddress(page, lang);
  await fillPurposeAndDelivery(page, lang);
  await uploadDocuments(page, lang);
  return submitApplication(page, lang);
}
