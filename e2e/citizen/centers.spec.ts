/**
 * The directory of centers and a center's own page, as a visitor who followed a shared link or
 * a poster finds them: in the country's language, searchable without JavaScript, with "Apply
 * online" carrying the mission's referral code.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { errorSummary } from "../support/forms";
import { LANGUAGE_NAMES, LANGUAGES, pageTitle, t } from "../support/locales";

test.describe("a link without a language", () => {
  for (const [slug, lang] of [
    ["athens", "el"],
    ["milan", "it"],
    ["rome", "it"],
    ["madrid", "en"],
    ["lahore", "ur"],
  ] as const) {
    test(`/centers/${slug} opens in ${lang}`, async ({ page }) => {
      await page.goto(`/centers/${slug}`);
      await expect(page).toHaveURL(`/${lang}/centers/${slug}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
    });
  }

  test("an unknown or malformed center is not found", async ({ request }) => {
    for (const path of ["/centers/atlantis", "/centers/Athens", "/centers/..%2Fstaff", "/el/centers/atlantis", "/el/centers/a--b"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
  });
});

test("the Athens page: Greek from a shared link, the switcher one tap away, Apply online with the referral code", async ({ page }) => {
  await page.goto("/centers/athens");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Πρεσβεία του Πακιστάν, Αθήνα");
  await expect(page).toHaveTitle(pageTitle("el", "Πρεσβεία του Πακιστάν, Αθήνα"));
  // Seed data has no confirmed details: the page says where to check instead of guessing.
  await expect(page.locator("main")).toContainText(t("el", "centers:notConfirmed"));
  const apply = page.getByRole("button", { name: t("el", "centers:page.apply") });
  await expect(apply).toHaveAttribute("href", "/el/certificate?ref=ATHENS");
  await page
    .getByRole("navigation", { name: t("el", "language.switcherLabel") })
    .getByRole("link", { name: LANGUAGE_NAMES.ur })
    .click();
  await expect(page).toHaveURL("/ur/centers/athens");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("سفارت خانہ پاکستان، ایتھنز");
  await page.getByRole("button", { name: t("ur", "centers:page.apply") }).click();
  await expect(page).toHaveURL("/ur/certificate?ref=ATHENS");
});

test.describe("searching the directory without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("finds a center by its city in another language, says when nothing matches, refuses an absurd query", async ({ page }) => {
    await page.goto("/en/centers");
    const search = page.getByLabel(t("en", "centers:search.label"), { exact: true });
    await search.fill("Αθήνα");
    await page.getByRole("button", { name: t("en", "centers:search.submit") }).click();
    await expect(page).toHaveURL(/\/en\/centers\?q=/);
    await expect(page.getByRole("heading", { level: 3 })).toHaveText(["Embassy of Pakistan, Athens"]);
    await expect(page.getByRole("status")).toHaveText(
      `${t("en", "centers:search.found_one", { count: "1" })} ${t("en", "centers:search.clear")}`,
    );
    await expect(search).toHaveValue("Αθήνα");

    await page.goto(`/ur/centers?q=${encodeURIComponent("اٹلی")}`);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText([/اٹلی/]);
    await expect(page.getByRole("heading", { level: 3 })).toHaveCount(2);

    await page.goto("/it/centers?q=zzzz");
    await expect(page.getByRole("status")).toContainText(t("it", "centers:search.none"));
    await expect(page.getByRole("heading", { level: 3 })).toHaveCount(0);

    const long = "Athens ".repeat(20);
    const response = await page.goto(`/el/centers?q=${encodeURIComponent(long)}`);
    expect(response?.status()).toBe(200);
    await expect(errorSummary(page, "el").getByRole("link")).toHaveText([t("el", "centers:search.tooLong", { max: "100" })]);
    await expect(page.locator("#q-error")).toContainText(t("el", "centers:search.tooLong", { max: "100" }));
    // Every center is still listed below the message.
    await expect(page.getByRole("heading", { level: 3 })).not.toHaveCount(0);
  });
});

for (const lang of LANGUAGES) {
  test(`directory and center pages in ${lang} have no axe violations and load nothing from elsewhere`, async ({ page }) => {
    const origins = new Set<string>();
    page.on("request", (request) => origins.add(new URL(request.url()).origin));
    await page.goto(`/${lang}/centers?q=${encodeURIComponent(lang === "ur" ? "ایتھنز" : "Athens")}`);
    await expectNoAxeViolations(page);
    await page.goto(`/${lang}/centers/milan`);
    await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
    await expectNoAxeViolations(page);
    await page.goto(`/${lang}/centers/lahore`);
    await expect(page.getByRole("button", { name: t(lang, "centers:page.apply") })).toHaveAttribute("href", `/${lang}/certificate`);
    expect([...origins]).toEqual([new URL(page.url()).origin]);
  });
}
