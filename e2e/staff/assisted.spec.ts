/**
 * Assisted intake at the Athens desk: the desk reads the declaration to a visitor, records their
 * consent, fills in the application with them in the visitor's language, and the receipt goes to
 * the visitor's own address. The desk then sees the status, as for any referral; another desk does not.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { withDb } from "../support/db";
import { errorSummary } from "../support/forms";
import {
  continueOn,
  fillAddress,
  fillContact,
  fillPersonal,
  fillPurposeAndDelivery,
  submitApplication,
  uploadDocuments,
} from "../support/journey";
import { mailTo } from "../support/mail";
import { LANGUAGES, t } from "../support/locales";
import { signInStaff } from "../support/staff";

for (const lang of LANGUAGES) {
  test(`the assisted application page in ${lang} asks for the visitor's language and consent`, async ({ page, context }) => {
    await signInStaff(context, { role: "embassy_desk", centerSlug: "athens" });
    await page.goto(`/staff/assisted?lng=${lang}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "staff:assisted.title"));
    await page.getByRole("button", { name: t(lang, "staff:assisted.submit") }).click();
    await expect(errorSummary(page, lang).getByRole("link")).toHaveText([
      t(lang, "staff:validation.assistedLanguageRequired"),
      t(lang, "staff:validation.assistedConsentRequired"),
    ]);
    await expect(page.locator("#consent-error")).toContainText(t(lang, "staff:validation.assistedConsentRequired"));
    await expectNoAxeViolations(page);
  });
}

test("the Athens desk takes a visitor's application with consent; the visitor gets the receipt and the desk sees the status", async ({
  page,
  context,
  browser,
}) => {
  test.slow();
  const desk = await signInStaff(context, { role: "embassy_desk", centerSlug: "athens" });
  await page.goto("/staff/assisted");
  await page.getByLabel("اردو", { exact: true }).check();
  // Without the tick, nothing starts and the language chosen is kept.
  await page.getByRole("button", { name: t("en", "staff:assisted.submit") }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([t("en", "staff:validation.assistedConsentRequired")]);
  await expect(page.getByLabel("اردو", { exact: true })).toBeChecked();
  await page.getByLabel(t("en", "staff:assisted.consent")).check();
  await page.getByRole("button", { name: t("en", "staff:assisted.submit") }).click();
  await expect(page).toHaveURL("/ur/certificate/who");

  const consent = withDb(
    (db) =>
      db
        .prepare(
          "SELECT actor_type, actor_id, entity_id, details FROM audit_event WHERE action = 'application.assisted_consent' ORDER BY rowid DESC LIMIT 1",
        )
        .get() as {
        actor_type: string;
        actor_id: string;
        entity_id: string;
        details: string;
      },
  );
  expect(consent).toMatchObject({ actor_type: "staff", actor_id: desk.id });
  expect(JSON.parse(consent.details)).toEqual({ center: "athens", language: "ur" });

  const visitorEmail = `visitor-${Date.now()}@example.com`;
  await page.getByLabel(t("ur", "certificate:who.options.self")).check();
  await continueOn(page, "ur");
  await fillPersonal(page, "ur");
  await fillContact(page, "ur", visitorEmail);
  await fillAddress(page, "ur");
  await fillPurposeAndDelivery(page, "ur");
  // The documents scanned at the desk.
  await uploadDocuments(page, "ur");
  const reference = await submitApplication(page, "ur");

  expect(
    withDb((db) =>
      db.prepare("SELECT referral_center_slug AS referral, assisted_by AS assistedBy FROM application WHERE reference = ?").get(reference),
    ),
  ).toEqual({ referral: "athens", assistedBy: desk.id });
  const receipt = await mailTo(visitorEmail, (mail) => (mail.text ?? "").includes(reference));
  expect(receipt.to).toEqual([visitorEmail]);

  await page.goto(`/staff/referrals?reference=${reference}`);
  await expect(page.getByRole("row", { name: new RegExp(reference) })).toContainText(t("en", "track:status.submitted.label"));
  const rome = await browser.newContext();
  await signInStaff(rome, { role: "embassy_desk", centerSlug: "rome" });
  const other = await rome.newPage();
  await other.goto(`/staff/referrals?reference=${reference}`);
  await expect(other.getByText(t("en", "cases:referrals.empty"))).toBeVisible();
  // Only embassy desks take assisted applications.
  const officer = await browser.newContext();
  await signInStaff(officer, { role: "officer" });
  expect((await (await officer.newPage()).goto("/staff/assisted"))?.status()).toBe(403);
});
