/**
 * The tracking page's last button only stops showing the application in this browser: it says so,
 * and the application is still there, unchanged, when tracked again.
 */
import { expect, test } from "@playwright/test";
import { applyForCertificate, trackApplication } from "../support/journey";
import { t } from "../support/locales";

test.use({ javaScriptEnabled: false });

test("'stop showing this application' says it withdraws nothing, and the application can be tracked again", async ({ page }) => {
  const reference = await applyForCertificate(page, "en", `forget-${Date.now()}@example.com`, false);
  await trackApplication(page, "en", reference);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "track:statusPage.title"));

  const button = page.getByRole("button", { name: t("en", "track:statusPage.signOut") });
  await expect(button).toHaveAccessibleDescription(t("en", "track:statusPage.signOutHint"));
  await button.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "track:title"));

  await trackApplication(page, "en", reference);
  await expect(page.getByText(reference)).toBeVisible();
  await expect(page.getByText(t("en", "track:status.submitted.label"), { exact: true })).toBeVisible();
});
