/**
 * The whole certificate journey, as an applicant abroad would do it, in every language, with and
 * without JavaScript: real files made in the test, a reference at the end, the application found on
 * the tracking page, and the receipt delivered to the test SMTP server.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { applyForCertificate } from "../support/journey";
import { LANGUAGES, t } from "../support/locales";
import { mailTo } from "../support/mail";

for (const lang of LANGUAGES) {
  for (const javaScriptEnabled of [false, true]) {
    test.describe(`${lang}, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
      test.use({ javaScriptEnabled });

      test("apply, get a reference, track it and receive the receipt", async ({ page }) => {
        const email = `applicant-${lang}-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.com`;
        const reference = await applyForCertificate(page, lang, email, javaScriptEnabled);

        await page.getByRole("link", { name: t(lang, "certificate:confirmation.track") }).click();
        await page.getByLabel(t(lang, "track:reference")).fill(reference.toLowerCase().replace(/-/g, " "));
        const dob = page.getByRole("group", { name: t(lang, "track:dateOfBirth") });
        await dob.getByLabel(t(lang, "form.date.day")).fill("27");
        await dob.getByLabel(t(lang, "form.date.month")).fill("3");
        await dob.getByLabel(t(lang, "form.date.year")).fill("1990");
        await page.getByRole("button", { name: t(lang, "track:submit") }).click();
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "track:statusPage.title"));
        await expect(page.getByText(reference)).toBeVisible();
        await expect(page.getByText(t(lang, "track:status.submitted.label"), { exact: true })).toBeVisible();
        if (javaScriptEnabled) await expectNoAxeViolations(page);

        const receipt = await mailTo(email, (m) => m.subject.includes(reference));
        expect(receipt.subject).toBe(t(lang, "mail:receipt.subject", { reference }));
        expect(receipt.text).toContain(`/${lang}/track?key=`);
      });
    });
  }
}
