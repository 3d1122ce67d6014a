/**
 * The Urdu pages a person sees most, at 390 px without JavaScript: the personal-details page with
 * its error summary, the check page with Urdu answers, and the tracking page holding a police
 * question and its answer. Each page fits the screen's width; each screenshot is attached to the
 * report, to be looked at by eye for clipped Nastaliq and scrambled mixed-direction text.
 */
import { expect, type Page, test } from "@playwright/test";
import { askApplicant } from "../support/db";
import {
  continueOn,
  expectHeading,
  fillAddress,
  fillContact,
  fillPersonal,
  fillPurposeAndDelivery,
  startApplication,
  trackApplication,
  uploadDocuments,
} from "../support/journey";
import { t } from "../support/locales";

test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

const URDU_ADDRESS = { district: "گجرات", policeStation: "سول لائنز", address: "مکان ۱۲، گلی ۴، محلہ اسلام آباد" };
const QUESTION = "آپ کے رہائشی اجازت نامے (residence permit) کی کاپی صاف نہیں ہے، دوبارہ بھیجیں۔";
const ANSWER = "جی، نئی کاپی PDF میں بھیج دی ہے۔";

async function fitsAndShoot(page: Page, name: string) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: "image/png" });
}

test("Urdu personal, check and tracking-with-conversation pages fit a 390 px phone", async ({ page }) => {
  await startApplication(page, "ur", "self");
  await expectHeading(page, t("ur", "certificate:personal.title"));
  await continueOn(page, "ur");
  await expect(page.getByRole("alert")).toContainText(t("ur", "validation:required.fullName"));
  await fitsAndShoot(page, "ur-personal-errors-390");

  await fillPersonal(page, "ur", { fullName: "علی خان" });
  await fillContact(page, "ur", `phone-ur-${Date.now()}@example.com`);
  await fillAddress(page, "ur", false, URDU_ADDRESS);
  await fillPurposeAndDelivery(page, "ur");
  await uploadDocuments(page, "ur");
  await expectHeading(page, t("ur", "certificate:check.title"));
  await expect(page.locator("bdi", { hasText: URDU_ADDRESS.address })).toHaveText(URDU_ADDRESS.address);
  await fitsAndShoot(page, "ur-check-390");

  await page.getByLabel(t("ur", "certificate:check.declaration")).check();
  await page.getByRole("button", { name: t("ur", "certificate:check.submit") }).click();
  await expectHeading(page, t("ur", "certificate:confirmation.title"));
  const reference = (await page.locator(".reference").textContent())?.trim() ?? "";

  await askApplicant(reference, QUESTION);

  await trackApplication(page, "ur", reference);
  await page.getByLabel(t("ur", "track:request.answer")).fill(ANSWER);
  await page.getByRole("button", { name: t("ur", "track:request.submit") }).click();
  await expect(page.getByText(t("ur", "track:request.sent"))).toBeVisible();
  // The thank-you box is its border (5 px) and padding (16 px) around the text, with no empty band.
  const notice = (await page
    .getByRole("status")
    .filter({ hasText: t("ur", "track:request.sent") })
    .boundingBox())!;
  const text = (await page.getByText(t("ur", "track:request.sent")).boundingBox())!;
  expect(notice.y + notice.height - (text.y + text.height)).toBeLessThanOrEqual(5 + 16 + 1);
  expect(text.y - notice.y).toBeLessThanOrEqual(5 + 16 + 1);
  const conversation = page.getByRole("region", { name: t("ur", "track:request.history") });
  await expect(conversation.locator("bdi, [dir=auto]", { hasText: QUESTION })).toHaveText(QUESTION);
  await expect(conversation.locator("bdi, [dir=auto]", { hasText: ANSWER })).toHaveText(ANSWER);
  await fitsAndShoot(page, "ur-track-conversation-390");
});
