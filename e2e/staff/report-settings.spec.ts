/**
 * What administrators set for the report service: emergency numbers per country, which a reporter
 * who says someone is in danger sees for that country, and how long closed reports keep evidence.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { errorSummary } from "../support/forms";
import { LANGUAGES, t } from "../support/locales";
import { signInStaff } from "../support/staff";

const en = (key: string, values?: Record<string, string>) => t("en", key, values);

test("an administrator lists Greece's numbers after fixing a mistake, and a reporter in danger in Greece is shown them", async ({
  browser,
}) => {
  const admin = await browser.newContext();
  await signInStaff(admin, { role: "admin" });
  const page = await admin.newPage();
  await page.goto("/staff/admin/emergency-contacts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:emergencyContacts.title"));

  await page.getByLabel(en("staff:emergencyContacts.country")).selectOption("GR");
  await page.getByRole("radio", { name: en("staff:emergencyContacts.kinds.embassy") }).check();
  await page.getByLabel(en("staff:emergencyContacts.phone")).fill("call the embassy");
  await page.getByRole("button", { name: en("staff:emergencyContacts.add") }).click();
  await expect(errorSummary(page).getByText(en("staff:validation.emergencyPhoneFormat"))).toBeVisible();
  await expect(page.getByLabel(en("staff:emergencyContacts.country"))).toHaveValue("GR");
  await page.getByLabel(en("staff:emergencyContacts.phone")).fill("210 672 9700");
  await page.getByRole("button", { name: en("staff:emergencyContacts.add") }).click();
  await expect(page.getByText(en("staff:emergencyContacts.added"))).toBeVisible();
  await expect(page.getByRole("cell", { name: "+30 21 0672 9700" })).toBeVisible();

  const reporter = await browser.newPage();
  await reporter.goto("/el/report");
  await reporter.getByRole("button", { name: t("el", "report:start.startNow") }).click();
  await reporter.getByRole("radio", { name: t("el", "report:yes"), exact: true }).check();
  await reporter.getByLabel(t("el", "report:danger.country")).selectOption("GR");
  await reporter.getByRole("button", { name: t("el", "form.continue") }).click();
  await expect(reporter.getByRole("heading", { level: 1 })).toHaveText(t("el", "report:emergency.title"));
  await expect(reporter.getByRole("link", { name: "+30 21 0672 9700" })).toHaveAttribute("href", "tel:+302106729700");

  await page
    .getByRole("button", {
      name: en("staff:emergencyContacts.removeLabel", { kind: en("staff:emergencyContacts.kinds.embassy"), country: "Greece" }),
    })
    .click();
  await expect(page.getByText(en("staff:emergencyContacts.removed"))).toBeVisible();
  await admin.close();
});

test("an administrator sets how long closed reports keep their evidence", async ({ page, context }) => {
  await signInStaff(context, { role: "admin" });
  await page.goto("/staff/admin/report-retention");
  await expect(page.getByLabel(en("staff:retention.years"))).toHaveValue("2");
  await page.getByLabel(en("staff:retention.years")).fill("25");
  await page.getByRole("button", { name: en("staff:retention.save") }).click();
  await expect(errorSummary(page).getByText(en("staff:validation.retentionYears"))).toBeVisible();
  await page.getByLabel(en("staff:retention.years")).fill("3");
  await page.getByRole("button", { name: en("staff:retention.save") }).click();
  await expect(page.getByText("Evidence of closed reports is now kept for 3 years.")).toBeVisible();
  await expect(page.getByLabel(en("staff:retention.years"))).toHaveValue("3");
});

for (const lang of LANGUAGES) {
  test(`${lang}: the report settings pages have no axe violations`, async ({ page, context }) => {
    await signInStaff(context, { role: "admin" });
    await page.goto(`/staff/admin/emergency-contacts?lng=${lang}`);
    await expectNoAxeViolations(page);
    await page.goto(`/staff/admin/report-retention?lng=${lang}`);
    await expectNoAxeViolations(page);
  });
}
