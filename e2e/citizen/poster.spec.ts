/**
 * The Athens poster as its visitors meet it: printed from the PDF the center page offers, scanned
 * by phone, and an application sent from it counted for Athens.
 */
import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import fs from "node:fs";
import { cropRgba, renderPdfPage } from "../../test/support/pdf-image";
import sharp from "sharp";
import { expectNoAxeViolations } from "../support/axe";
import { withDb } from "../support/db";
import { applyFromPoster } from "../support/journey";
import { LANGUAGES, t } from "../support/locales";
import { signInStaff } from "../support/staff";

const confirmAthens = (confirmed: boolean) =>
  withDb((db) =>
    db
      .prepare("UPDATE center SET address = ?, details_confirmed_at = ? WHERE slug = 'athens'")
      .run(confirmed ? "Test address, Athens" : null, confirmed ? "2026-12-01T00:00:00.000Z" : null),
  );

test.afterAll(() => confirmAthens(false));

test("no poster before the Athens details are confirmed: the page says why", async ({ page, request }) => {
  confirmAthens(false);
  await page.goto("/el/centers/athens");
  await expect(page.locator("#posters ~ p")).toHaveText(t("el", "centers:poster.notConfirmed"));
  await expect(page.getByRole("link", { name: t("el", "centers:poster.pdf") })).toHaveCount(0);
  const response = await request.get("/el/centers/athens/poster.pdf", { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  await page.goto("/el/centers/athens/poster.pdf");
  await expect(page).toHaveURL("/el/centers/athens?poster=unavailable#posters");
  await expect(page.getByRole("alert")).toHaveText(t("el", "centers:poster.notConfirmed"));
  const refused = await page.goto("/it/centers/athens/poster");
  expect(refused?.status()).toBe(409);
  await expect(page.getByRole("alert")).toHaveText(t("it", "centers:poster.notConfirmed"));
  // Service centers have no posters, nor any address for one.
  expect((await request.get("/ur/centers/lahore/poster.pdf", { maxRedirects: 0 })).status()).toBe(404);
});

test("the Athens poster's Urdu QR code opens the application in Urdu, and the application counts for Athens", async ({ page, browser }) => {
  test.slow();
  confirmAthens(true);
  await page.goto("/centers/athens");
  await expect(page).toHaveURL("/el/centers/athens");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: t("el", "centers:poster.pdf") }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("poster-athens-el-ur.pdf");
  const pdf = fs.readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  const image = renderPdfPage(pdf, { dpi: 110 });
  const half = Math.floor(image.width / 2);
  const scan = (x: number) => jsQR(cropRgba(image, x, 0, half, image.height), half, image.height)?.data ?? "";
  const [greek, urdu] = [new URL(scan(0)), new URL(scan(half))];
  expect(`${greek.pathname}${greek.search}`).toBe("/el/certificate?ref=ATHENS");
  expect(`${urdu.pathname}${urdu.search}`).toBe("/ur/certificate?ref=ATHENS");

  // What the dashboard counts under Athens before this application.
  const supervisor = await browser.newContext();
  await signInStaff(supervisor, { role: "supervisor" });
  const dashboard = await supervisor.newPage();
  const athensOnDashboard = () =>
    dashboard
      .getByRole("region", { name: t("en", "staff:dashboard.perReferral") })
      .getByRole("row", { name: /Athens/ })
      .locator("td");
  await dashboard.goto("/staff/dashboard");
  const before = (await athensOnDashboard().count()) === 0 ? 0 : Number(await athensOnDashboard().textContent());

  const applicant = await (await browser.newContext()).newPage();
  const reference = await applyFromPoster(applicant, "ATHENS", `poster-qr-${Date.now()}@example.com`, {
    lang: "ur",
    path: `${urdu.pathname}${urdu.search}`,
  });
  expect(withDb((db) => db.prepare("SELECT referral_center_slug AS slug FROM application WHERE reference = ?").get(reference))).toEqual({
    slug: "athens",
  });

  await dashboard.goto("/staff/dashboard");
  await expect(athensOnDashboard()).toHaveText(String(before + 1));

  const desk = await browser.newContext();
  await signInStaff(desk, { role: "embassy_desk", centerSlug: "athens" });
  const deskPage = await desk.newPage();
  await deskPage.goto(`/staff/referrals?reference=${reference}`);
  await expect(deskPage.getByRole("row", { name: new RegExp(reference) })).toBeVisible();
});

for (const lang of LANGUAGES) {
  test(`the poster page in ${lang} prints the Greek and Urdu poster alone, with QR codes that scan`, async ({ page }) => {
    confirmAthens(true);
    await page.goto(`/${lang}/centers/athens`);
    await page.getByRole("link", { name: t(lang, "centers:poster.printPage") }).click();
    await expect(page).toHaveURL(`/${lang}/centers/athens/poster`);
    await expectNoAxeViolations(page);
    const columns = page.locator(".poster__column");
    await expect(columns).toHaveCount(2);
    await expect(columns.nth(0)).toHaveAttribute("lang", "el");
    await expect(columns.nth(0).getByRole("heading")).toHaveText(t("el", "centers:poster.title"));
    await expect(columns.nth(1)).toHaveAttribute("dir", "rtl");
    await expect(columns.nth(1).getByRole("heading")).toHaveText(t("ur", "centers:poster.title"));

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeHidden();
    for (const [index, target] of ["/el/certificate?ref=ATHENS", "/ur/certificate?ref=ATHENS"].entries()) {
      const png = await columns.nth(index).locator(".poster__qr").screenshot();
      const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? "";
      expect(new URL(decoded).pathname + new URL(decoded).search).toBe(target);
    }
  });
}
