/** An embassy poster's referral code follows the applicant, and that embassy's desk sees the status. */
import { expect, test } from "@playwright/test";
import { applyFromPoster } from "../support/journey";
import { t } from "../support/locales";
import { signInStaff } from "../support/staff";

const en = (key: string) => t("en", key);

test("an application from the Athens poster shows its status to the Athens desk only", async ({ browser }) => {
  const applicant = await (await browser.newContext()).newPage();
  const reference = await applyFromPoster(applicant, "athens", `poster-${Date.now()}@example.com`);

  const athens = await browser.newContext();
  await signInStaff(athens, { role: "embassy_desk", centerSlug: "athens" });
  const desk = await athens.newPage();
  await desk.goto("/staff/referrals");
  const row = desk.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText(t("en", "track:status.submitted.label"));
  await expect(desk.getByText("Ali Khan")).toHaveCount(0);
  // The desk may not open the case itself.
  expect((await desk.goto("/staff/queue"))?.status()).toBe(403);

  const rome = await browser.newContext();
  await signInStaff(rome, { role: "embassy_desk", centerSlug: "rome" });
  const other = await rome.newPage();
  await other.goto(`/staff/referrals?reference=${reference}`);
  await expect(other.getByText(en("cases:referrals.empty"))).toBeVisible();
});
