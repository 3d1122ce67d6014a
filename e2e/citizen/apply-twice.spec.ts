/**
 * Issue #9 item 1: a submitted draft is never reopened. Applying a second time in the same browser
 * (a family member on the same phone, a second certificate) must start a new draft and end with a
 * second reference, never land back on the first confirmation.
 */
import { expect, type Page, test } from "@playwright/test";
import { applyForCertificate, trackApplication } from "../support/journey";
import { type Lang, t } from "../support/locales";

// Two whole journeys take longer than one test's default.
test.describe.configure({ timeout: 120_000 });

async function applyTwiceAndTrackBoth(page: Page, lang: Lang, tag: string) {
  const first = await applyForCertificate(page, lang, `twice-1-${tag}-${Date.now()}@example.com`, false);
  const second = await applyForCertificate(page, lang, `twice-2-${tag}-${Date.now()}@example.com`, false);
  expect(second).not.toBe(first);
  for (const reference of [first, second]) {
    await trackApplication(page, lang, reference);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "track:statusPage.title"));
    await expect(page.getByText(reference)).toBeVisible();
  }
}

test.describe("ur, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("The whole certificate journey twice in a row in one browser context gives two references (Urdu without JavaScript)", async ({
    page,
  }) => {
    await applyTwiceAndTrackBoth(page, "ur", "ur-nojs");
  });
});

test.describe("it, JavaScript on", () => {
  test("The whole certificate journey twice in a row in one browser context gives two references (Italian with JavaScript)", async ({
    page,
  }) => {
    await applyTwiceAndTrackBoth(page, "it", "it-js");
  });
});
