/**
 * Changing language in the middle of a report, as a person reading along in two languages would,
 * without JavaScript: the answers so far, and after sending the reference and the secret, come
 * along into the other language. Nothing is kept in a cookie or the address. The agent's number is
 * this spec's own: reports share one store, and report.spec counts the links of its own number.
 */
import { expect, type Page, test } from "@playwright/test";
import { LANGUAGE_NAMES } from "../../app/i18n";
import { type Lang, t } from "../support/locales";

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const proceed = (page: Page, lang: Lang) => page.getByRole("button", { name: t(lang, "form.continue"), exact: true }).click();
/** The header's language switcher: on report pages a button that posts the page's answers. */
const switchTo = (page: Page, lang: Lang) =>
  page.locator(".site-header").getByRole("button", { name: LANGUAGE_NAMES[lang], exact: true }).click();

test.describe("JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the answers, then the reference and secret, survive a change of language at every step", async ({ page, context }) => {
    await page.goto("/ur/report");
    await expect(heading(page)).toHaveText(t("ur", "report:start.title"));
    await switchTo(page, "en");
    await expect(page).toHaveURL(/\/en\/report$/);
    await expect(heading(page)).toHaveText(t("en", "report:start.title"));
    await page.getByRole("button", { name: t("en", "report:start.startNow") }).click();

    await page.getByRole("radio", { name: t("en", "report:no"), exact: true }).check();
    await proceed(page, "en");
    await page.getByRole("radio", { name: t("en", "report:channels.tiktok") }).check();
    await proceed(page, "en");
    await page.getByLabel(t("en", "report:agent.phones")).fill("0333-7400291");
    await page.getByLabel(t("en", "report:agent.names")).fill("چوہدری صاحب");
    await proceed(page, "en");

    // On the offer page, to Urdu: the same page, right to left; the agent's answers are still there.
    await expect(heading(page)).toHaveText(t("en", "report:offer.title"));
    await switchTo(page, "ur");
    await expect(page).toHaveURL(/\/ur\/report(\?index)?$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(heading(page)).toHaveText(t("ur", "report:offer.title"));
    await page.getByRole("button", { name: t("ur", "layout.back") }).click();
    await expect(heading(page)).toHaveText(t("ur", "report:agent.title"));
    await expect(page.getByLabel(t("ur", "report:agent.phones"))).toHaveValue("0333-7400291");
    await expect(page.getByLabel(t("ur", "report:agent.names"))).toHaveValue("چوہدری صاحب");
    await proceed(page, "ur");

    await page.getByLabel(t("ur", "report:offer.from")).selectOption("PK");
    await page.getByLabel(t("ur", "report:offer.to")).selectOption("IT");
    await page.getByRole("radio", { name: t("ur", "report:transports.sea") }).check();
    await proceed(page, "ur");
    await page.getByLabel(t("ur", "report:money.amountAsked")).fill("8000");
    await page.getByRole("radio", { name: /EUR/ }).check();
    await page.getByRole("checkbox", { name: t("ur", "report:paymentMethods.hawala") }).check();
    await page.getByRole("radio", { name: t("ur", "report:money.paidOptions.no"), exact: true }).check();
    await proceed(page, "ur");
    await page.getByLabel(t("ur", "form.date.month")).fill("3");
    await page.getByLabel(t("ur", "form.date.year")).fill("2026");
    await page.getByLabel(t("ur", "report:when.country")).selectOption("GR");
    await proceed(page, "ur");
    await proceed(page, "ur");
    await page.getByRole("radio", { name: t("ur", "report:contact.no") }).check();
    await proceed(page, "ur");

    // Check answers, to Italian: every answer shown again in Italian.
    await expect(heading(page)).toHaveText(t("ur", "report:check.title"));
    await switchTo(page, "it");
    await expect(heading(page)).toHaveText(t("it", "report:check.title"));
    await expect(page.getByText("چوہدری صاحب")).toBeVisible();
    await expect(page.getByText(t("it", "report:channels.tiktok"))).toBeVisible();
    await page.getByRole("button", { name: t("it", "report:check.send") }).click();

    // The sent page, to Greek: the same reference and the same secret, shown in Greek.
    await expect(heading(page)).toHaveText(t("it", "report:sent.title"));
    const reference = (await page.locator(".reference").innerText()).trim();
    const secret = await page.locator(".report-secret__group").allInnerTexts();
    expect(secret).toHaveLength(5);
    await switchTo(page, "el");
    await expect(page).toHaveURL(/\/el\/report(\?index)?$/);
    await expect(heading(page)).toHaveText(t("el", "report:sent.title"));
    await expect(page.locator(".reference")).toHaveText(reference);
    expect(await page.locator(".report-secret__group").allInnerTexts()).toEqual(secret);

    expect(await context.cookies()).toEqual([]);
  });
});

test("an altered or expired page gets the expired screen in the other language, not an error", async ({ page }) => {
  await page.goto("/en/report");
  await page.getByRole("button", { name: t("en", "report:start.startNow") }).click();
  await page.locator("#report-language input[name=state]").evaluate((input: HTMLInputElement) => {
    input.value = `${input.value.slice(0, -4)}AAAA`;
  });
  await switchTo(page, "el");
  await expect(heading(page)).toHaveText(t("el", "report:expired.title"));
});
