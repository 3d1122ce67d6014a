/**
 * The pages of the journey that the main path does not pass, checked with axe in every language,
 * and the whole journey done with the keyboard alone.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { jpeg, pdf, png } from "../support/files";
import { expectNoAxeViolations } from "../support/axe";
import { continueOn, expectHeading, startApplication } from "../support/journey";
import { LANGUAGES, t } from "../support/locales";

for (const lang of LANGUAGES) {
  test(`${lang}: secondary pages of the journey have no axe violations`, async ({ page }) => {
    const c = (key: string) => t(lang, `certificate:${key}`);
    for (const path of ["/track", "/status", "/certificate/resume?key=nope", "/certificate/expired", "/certificate/consent?token=nope"]) {
      await page.goto(`/${lang}${path}`);
      await expectNoAxeViolations(page);
    }
    await page.goto(`/${lang}/track`);
    await page.getByRole("button", { name: t(lang, "track:submit") }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page);

    await startApplication(page, lang, "relative");
    await expectHeading(page, c("authority.title"));
    await continueOn(page, lang);
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: c("saveAndReturn") }).click();
    await expectHeading(page, c("resume.title"));
    await expectNoAxeViolations(page);
  });
}

/** Moves focus with Tab (at most 60 presses) until `target` has it. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

test("the whole journey can be done with the keyboard alone", async ({ page }) => {
  const c = (key: string) => t("en", `certificate:${key}`);
  const type = async (label: string, text: string, exact = false) => {
    await tabTo(page, page.getByLabel(label, { exact }));
    await page.keyboard.type(text);
  };
  const press = async (target: Locator, key = "Enter") => {
    await tabTo(page, target);
    await page.keyboard.press(key);
  };
  const next = () => press(page.getByRole("button", { name: t("en", "form.continue"), exact: true }));

  await page.goto("/en");
  await press(page.getByRole("link", { name: t("en", "home:services.certificate.title") }));
  await press(page.getByRole("button", { name: c("start.startNow") }));
  await press(page.getByLabel(c("who.options.self")), "Space");
  await next();

  await type(c("personal.fullName"), "Ali Khan");
  await type(c("personal.fatherName"), "Ahmed Khan");
  const dob = page.getByRole("group", { name: c("personal.dateOfBirth") });
  await press(dob.getByLabel(t("en", "form.date.day")), "2");
  await page.keyboard.type("7");
  await press(dob.getByLabel(t("en", "form.date.month")), "3");
  await press(dob.getByLabel(t("en", "form.date.year")), "1");
  await page.keyboard.type("990");
  await press(page.getByLabel(c("personal.genderOptions.male"), { exact: true }), "Space");
  await type(c("personal.cnic"), "35202-1234567-1");
  await type(c("personal.passportNumber"), "AB1234567");
  await next();

  await expectHeading(page, c("contact.title"));
  await type(c("contact.email"), "keyboard@example.com");
  await type(c("contact.phone"), "+30 691 234 5678");
  await tabTo(page, page.locator("#residenceCountry"));
  await page.keyboard.type("Greece");
  await type(c("contact.residenceCity"), "Athens");
  await next();

  await expectHeading(page, c("addresses.title"));
  await type(c("addresses.district"), "Lahore");
  await type(c("addresses.policeStation"), "Model Town");
  await type(c("addresses.address"), "House 1", true);
  const from = page.getByRole("group", { name: c("addresses.from") });
  await press(from.getByLabel(t("en", "form.date.month")), "6");
  await press(from.getByLabel(t("en", "form.date.year")), "2");
  await page.keyboard.type("015");
  await next();

  await expectHeading(page, c("purpose.purpose"));
  await press(page.getByLabel(c("purpose.options.work_visa")), "Space");
  await tabTo(page, page.locator("#destinationCountry"));
  await page.keyboard.type("Italy");
  await next();

  await expectHeading(page, c("delivery.delivery"));
  await press(page.getByLabel(c("delivery.options.pdf")), "Space");
  await next();

  await expectHeading(page, c("documents.title"));
  const files = { passport: await jpeg(), cnic_front: await png(), cnic_back: await pdf(), photo: await jpeg("me.jpg") };
  for (const [kind, file] of Object.entries(files)) {
    await tabTo(page, page.locator(`#${kind}`));
    const chooser = page.waitForEvent("filechooser");
    await page.keyboard.press("Space");
    await (await chooser).setFiles(file);
  }
  await next();

  await expectHeading(page, c("check.title"));
  await press(page.getByLabel(c("check.declaration")), "Space");
  await press(page.getByRole("button", { name: c("check.submit") }));
  await expectHeading(page, c("confirmation.title"));
});
