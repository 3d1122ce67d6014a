import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LANGUAGE_NAMES, LANGUAGES, pageTitle, t } from "../support/locales";

for (const lang of LANGUAGES) {
  test.describe(`home and centers in ${lang}`, () => {
    test("home page is in the language and direction of its prefix", async ({ page }) => {
      await page.goto(`/${lang}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("html")).toHaveAttribute("dir", lang === "ur" ? "rtl" : "ltr");
      await expect(page).toHaveTitle(pageTitle(lang));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "home:heading"));
      await expect(page.locator("script")).toHaveCount(0);
    });

    test("language switcher keeps the visitor on the centers page", async ({ page }) => {
      for (const other of LANGUAGES.filter((l) => l !== lang)) {
        await page.goto(`/${lang}/centers`);
        const switcher = page.getByRole("navigation", { name: t(lang, "language.switcherLabel") });
        await switcher.getByRole("link", { name: LANGUAGE_NAMES[other], exact: true }).click();
        await expect(page).toHaveURL(`/${other}/centers`);
        await expect(page.locator("html")).toHaveAttribute("lang", other);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(other, "centers:title"));
      }
    });

    test("home page has no axe violations", async ({ page }) => {
      await page.goto(`/${lang}`);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
      expect(violations, report.join("\n")).toHaveLength(0);
    });
  });
}

test.describe("with a Greek browser", () => {
  test.use({ locale: "el-GR" });

  test("/ redirects to /el", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/el");
    await expect(page.locator("html")).toHaveAttribute("lang", "el");
  });

  test("an unknown language prefix is a Greek 404 page", async ({ page }) => {
    const response = await page.goto("/xx/yy");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "el");
    await expect(page).toHaveTitle(pageTitle("el", t("el", "errors.notFound.title")));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("el", "errors.notFound.title"));
    await expect(page.getByText(t("el", "errors.notFound.body"))).toBeVisible();
  });
});

test.describe("with a French browser", () => {
  test.use({ locale: "fr-FR" });

  test("/ falls back to /en", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/en");
  });
});

test("an unknown path under /it is an Italian 404 page", async ({ page }) => {
  const response = await page.goto("/it/nope");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page).toHaveTitle(pageTitle("it", t("it", "errors.notFound.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("it", "errors.notFound.title"));
  await expect(page.getByRole("link", { name: t("it", "errors.goHome") })).toHaveAttribute("href", "/it");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("home and centers pages render and link to each other", async ({ page }) => {
    await page.goto("/en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "home:heading"));
    await expect(page.getByRole("heading", { level: 2, name: t("en", "home:smugglingWarning.heading") })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toContainText(t("en", "layout.footer.operator"));

    await page.getByRole("link", { name: t("en", "home:services.centers.title") }).click();
    await expect(page).toHaveURL("/en/centers");
    await expect(page).toHaveTitle(pageTitle("en", t("en", "centers:title")));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "centers:title"));
    await expect(page.getByRole("region", { name: "Pakistan" })).toContainText(t("en", "centers:kind.service_center"));
    await expect(page.getByRole("heading", { level: 3 }).first()).toBeVisible();
    await expect(page.locator("script")).toHaveCount(0);
  });
});
