/**
 * Issue #9 item 7: the confirmation page belongs to the browser that sent the application. A
 * forwarded or guessed confirmation URL, real or not, shows the tracking page instead, so it tells
 * nobody which references exist.
 */
import { expect, test } from "@playwright/test";
import { applyForCertificate, expectHeading } from "../support/journey";
import { t } from "../support/locales";

test.use({ javaScriptEnabled: false });

test("The confirmation page shows only in the browser that submitted; another browser, or an unknown reference, gets the tracking page", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const reference = await applyForCertificate(page, "en", `confirmation-${Date.now()}@example.com`, false);
  const url = `/en/certificate/confirmation/${reference}`;
  await page.reload();
  await expectHeading(page, t("en", "certificate:confirmation.title"));

  const other = await browser.newContext({ javaScriptEnabled: false });
  try {
    const stranger = await other.newPage();
    for (const target of [url, "/en/certificate/confirmation/PCC-2222-3333"]) {
      const response = await stranger.goto(target);
      expect(new URL(stranger.url()).pathname).toBe("/en/track");
      expect(response?.status()).toBe(200);
      await expectHeading(stranger, t("en", "track:title"));
      await expect(stranger.getByText(reference)).toHaveCount(0);
    }
  } finally {
    await other.close();
  }
  // The sender's own browser never sees another reference's confirmation either.
  await page.goto("/en/certificate/confirmation/PCC-2222-3333");
  expect(new URL(page.url()).pathname).toBe("/en/track");
});
