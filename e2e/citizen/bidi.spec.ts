/**
 * Mixed-direction text: an Urdu address on the English check page and Latin words on the Urdu one
 * keep their own direction, apart from the translated words around them, and the receipt mail
 * isolates the applicant's typed name (FSI … PDI) inside the translated greeting.
 */
import { expect, test } from "@playwright/test";
import { mailTo } from "../support/mail";
import { fillAddress, fillContact, fillPersonal, fillPurposeAndDelivery, startApplication, uploadDocuments } from "../support/journey";
import { type Lang, t } from "../support/locales";

const URDU = { district: "گجرات", policeStation: "سول لائنز", address: "مکان ۱۲، گلی ۴، محلہ اسلام آباد" };
const URDU_NAME = "علی خان";

for (const lang of ["en", "ur"] as const satisfies readonly Lang[]) {
  test(`the ${lang} check page isolates an Urdu address from the translated period; the receipt isolates the name`, async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const email = `bidi-${lang}-${Date.now()}@example.com`;
    await startApplication(page, lang, "self");
    await fillPersonal(page, lang, { fullName: URDU_NAME });
    await fillContact(page, lang, email);
    await fillAddress(page, lang, false, URDU);
    await fillPurposeAndDelivery(page, lang);
    await uploadDocuments(page, lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "certificate:check.title"));

    const row = page.locator(".summary-list__row", { hasText: URDU.address });
    // The typed address is its own isolate; the translated period is outside it, in the page's direction.
    await expect(row.locator(".summary-list__value bdi")).toHaveText(URDU.address);
    const period = t(lang, "certificate:addresses.periodUntilLeaving", {
      from: new Intl.DateTimeFormat(lang === "ur" ? "ur-PK" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(Date.UTC(2015, 5, 1)),
      ),
    });
    await expect(row.locator(".summary-list__value")).toHaveText(`${URDU.address} (${period})`);
    await expect(row.locator(".summary-list__key bdi").first()).toHaveText(URDU.district);
    await expect(row.locator(".summary-list__value")).not.toContainText("to until");

    await page.screenshot({ path: test.info().outputPath(`check-${lang}-390.png`), fullPage: true });

    await page.getByLabel(t(lang, "certificate:check.declaration")).check();
    await page.getByRole("button", { name: t(lang, "certificate:check.submit") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "certificate:confirmation.title"));
    const receipt = await mailTo(email);
    expect(receipt.text).toContain(t(lang, "mail:receipt.greeting", { name: `\u2068${URDU_NAME}\u2069` }));
  });
}
