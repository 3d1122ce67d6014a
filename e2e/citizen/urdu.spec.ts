import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { t } from "../support/locales";

const isFont = (url: string) => new URL(url).pathname.endsWith(".woff2");

async function screenshot(page: Page, name: string) {
  const file = path.join(test.info().project.outputDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: "image/png" });
}

test("Urdu pages load the self-hosted Nastaliq font", async ({ page }) => {
  const fontResponse = page.waitForResponse((response) => isFont(response.url()));
  await page.goto("/ur");
  expect((await fontResponse).ok()).toBe(true);

  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  expect(await page.evaluate(() => document.fonts.check('20px "Noto Nastaliq Urdu"', "پاکستان"))).toBe(true);
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, "")));
  expect(loaded).toContain("Noto Nastaliq Urdu");
});

test("English citizen pages fetch no font, though the language switcher says اردو", async ({ page }) => {
  const fonts: string[] = [];
  page.on("request", (request) => {
    if (isFont(request.url())) fonts.push(request.url());
  });
  await page.goto("/en/certificate");
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  expect(fonts).toEqual([]);
});

test("the Urdu header is mirrored: site name on the right, languages on the left", async ({ page }) => {
  await page.goto("/ur");
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const name = await page
    .getByRole("banner")
    .getByRole("link", { name: t("ur", "portal.name") })
    .boundingBox();
  const switcher = await page.getByRole("navigation", { name: t("ur", "language.switcherLabel") }).boundingBox();
  expect(name).not.toBeNull();
  expect(switcher).not.toBeNull();
  expect(name!.x).toBeGreaterThan(switcher!.x);
  expect(name!.x + name!.width).toBeGreaterThan(page.viewportSize()!.width / 2);

  await screenshot(page, "urdu-home");
});

test("screenshot of the Urdu centers page", async ({ page }) => {
  await page.goto("/ur/centers");
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ur", "centers:title"));
  await screenshot(page, "urdu-centers");
});
