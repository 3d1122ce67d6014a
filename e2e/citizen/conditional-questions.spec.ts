/**
 * Follow-up questions (GOV.UK conditional reveal) without JavaScript: the "something else" text box
 * and the collection place appear only once their answer is chosen, an error on them shows them
 * open with the answers kept, and each page asks its question in one heading.
 */
import { expect, type Page, test } from "@playwright/test";
import { errorSummary } from "../support/forms";
import { continueOn, expectHeading, fillAddress, fillContact, fillPersonal, startApplication } from "../support/journey";
import { t } from "../support/locales";

const c = (key: string) => t("en", `certificate:${key}`);

test.use({ javaScriptEnabled: false });

async function expectOneHeadingAsking(page: Page, question: string) {
  await expectHeading(page, question);
  await expect(page.getByRole("heading")).toHaveCount(1);
  await expect(page.getByText(question, { exact: true })).toHaveCount(1);
}

test("the purpose and delivery pages reveal their follow-up question only for its answer", async ({ page }) => {
  await startApplication(page, "en", "self");
  await fillPersonal(page, "en");
  await fillContact(page, "en", `reveal-${Date.now()}@example.com`);
  await fillAddress(page, "en");

  await expectOneHeadingAsking(page, c("purpose.purpose"));
  const other = page.getByLabel(c("purpose.other"));
  expect(await other.isVisible()).toBe(false);
  await page.getByLabel(c("purpose.options.work_visa")).check();
  expect(await other.isVisible()).toBe(false);
  await page.getByLabel(c("purpose.options.other")).check();
  expect(await other.isVisible()).toBe(true);
  await page.getByLabel(c("purpose.destinationCountry")).selectOption("IT");
  await continueOn(page, "en");

  // Left empty: the message sits next to the open field, and the answers are kept.
  await expect(errorSummary(page)).toContainText(t("en", "validation:required.purposeOther"));
  await expect(page.getByLabel(c("purpose.options.other"))).toBeChecked();
  await expect(page.getByLabel(c("purpose.destinationCountry"))).toHaveValue("IT");
  expect(await other.isVisible()).toBe(true);
  await expect(page.locator("#purposeOther-error")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("purpose-error.png"), fullPage: true });
  await other.fill("Studies at a university");
  await continueOn(page, "en");

  await expectOneHeadingAsking(page, c("delivery.delivery"));
  const center = page.getByLabel(c("delivery.center"));
  expect(await center.isVisible()).toBe(false);
  await page.getByLabel(c("delivery.options.pdf")).check();
  expect(await center.isVisible()).toBe(false);
  await page.getByLabel(c("delivery.options.collection")).check();
  expect(await center.isVisible()).toBe(true);
  await continueOn(page, "en");

  await expect(errorSummary(page)).toContainText(t("en", "validation:required.collectionCenter"));
  await expect(page.getByLabel(c("delivery.options.collection"))).toBeChecked();
  expect(await center.isVisible()).toBe(true);
  await center.selectOption({ index: 1 });
  await continueOn(page, "en");
  await expectHeading(page, c("documents.title"));
});

test("in Urdu the follow-up question opens under its answer, on the right", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await startApplication(page, "ur", "self");
  await fillPersonal(page, "ur");
  await fillContact(page, "ur", `reveal-ur-${Date.now()}@example.com`);
  await fillAddress(page, "ur");
  await expectHeading(page, t("ur", "certificate:purpose.purpose"));
  await page.getByLabel(t("ur", "certificate:purpose.options.other")).check();
  expect(await page.getByLabel(t("ur", "certificate:purpose.other")).isVisible()).toBe(true);
  await page.screenshot({ path: test.info().outputPath("purpose-ur.png"), fullPage: true });
});
