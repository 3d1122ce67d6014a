import { expect, type Response, test } from "@playwright/test";
import { startApplication } from "../support/journey";
import { LANGUAGES, t } from "../support/locales";

const isFont = (response: Response) => new URL(response.url()).pathname.endsWith(".woff2");

test.use({ viewport: { width: 390, height: 844 } });

test("an Urdu page fetches one Nastaliq file of at most 165 KB, preloaded and cached for a year", async ({ page }) => {
  const fonts: Response[] = [];
  page.on("response", (response) => {
    if (isFont(response)) fonts.push(response);
  });
  await page.goto("/ur", { waitUntil: "networkidle" });
  await page.evaluate(() => document.fonts.ready);
  expect(fonts).toHaveLength(1);
  const font = fonts[0]!;
  expect((await font.body()).byteLength).toBeLessThanOrEqual(165 * 1024);
  expect(font.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const preload = page.locator('head link[rel="preload"][as="font"]');
  await expect(preload).toHaveCount(1);
  await expect(preload).toHaveAttribute("crossorigin", "anonymous");
  expect(new URL((await preload.getAttribute("href"))!, page.url()).href).toBe(font.url());
});

test("Urdu drop-down lists are as tall as inputs, so Nastaliq is not clipped", async ({ page }) => {
  await startApplication(page, "ur", "self");
  await page.evaluate(() => document.fonts.ready);
  const heights = await page.evaluate(() => ({
    select: document.querySelector("select")!.getBoundingClientRect().height,
    input: document.querySelector("input.input")!.getBoundingClientRect().height,
  }));
  expect(heights.select).toBeGreaterThanOrEqual(heights.input);
});

for (const lang of LANGUAGES) {
  test(`${lang}: the error summary has no empty band above its heading`, async ({ page }) => {
    await startApplication(page, lang, "self");
    await page.getByRole("button", { name: t(lang, "form.continue"), exact: true }).click();
    const summary = (await page.locator(".error-summary").boundingBox())!;
    const heading = (await page.locator("#error-summary-title").boundingBox())!;
    // Border (5 px) and padding (16 px) only.
    expect(heading.y - summary.y).toBeLessThanOrEqual(5 + 16 + 1);
  });
}

test("the header emblem stays round when the Greek portal name wraps on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/el");
  const emblem = (await page.locator(".site-header__emblem").boundingBox())!;
  expect(emblem.width).toBeCloseTo(emblem.height, 0);
});
