/** An embassy poster's referral code follows the applicant, and that embassy's desk sees the status. */
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { applyFromPoster } from "../support/journey";
import { LANGUAGES, t } from "../support/locales";
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

/** The desk's own figures, as numbers read off its summary list (English figures). */
async function deskFigures(page: Page) {
  await page.goto("/staff/referrals");
  const figure = async (key: string) =>
    Number(
      await page
        .locator(".summary-list__row", { has: page.getByText(en(`staff:referralFigures.${key}`), { exact: true }) })
        .locator("dd")
        .innerText(),
    );
  return { visits: await figure("visits"), started: await figure("started"), submitted: await figure("submitted") };
}

test("a poster visit and an application from it count in the Athens desk's figures, not in Rome's", async ({ browser }) => {
  const athens = await browser.newContext();
  await signInStaff(athens, { role: "embassy_desk", centerSlug: "athens" });
  const athensDesk = await athens.newPage();
  const rome = await browser.newContext();
  await signInStaff(rome, { role: "embassy_desk", centerSlug: "rome" });
  const romeDesk = await rome.newPage();
  const athensBefore = await deskFigures(athensDesk);
  const romeBefore = await deskFigures(romeDesk);

  const visitor = await browser.newContext();
  const applicant = await visitor.newPage();
  // A visit that goes no further, and then one that applies: two visits, one start, one submission.
  await applicant.goto("/en/certificate?ref=ATHENS");
  expect(await visitor.cookies()).toEqual([]);
  await applyFromPoster(applicant, "ATHENS", `figures-${Date.now()}@example.com`);

  expect(await deskFigures(athensDesk)).toEqual({
    visits: athensBefore.visits + 2,
    started: athensBefore.started + 1,
    submitted: athensBefore.submitted + 1,
  });
  expect(await deskFigures(romeDesk)).toEqual(romeBefore);

  // The supervisor's dashboard lists Athens among the centers, with at least these figures.
  const supervisor = await browser.newContext();
  await signInStaff(supervisor, { role: "supervisor" });
  const dashboard = await supervisor.newPage();
  await dashboard.goto("/staff/dashboard");
  const row = dashboard
    .getByRole("region", { name: en("staff:referralFigures.byCenter") })
    .getByRole("row", { name: /^Embassy of Pakistan, Athens/ });
  const cells = (await row.getByRole("cell").allInnerTexts()).map(Number);
  expect(cells[0]).toBeGreaterThanOrEqual(athensBefore.visits + 2);
  expect(cells[1]).toBeGreaterThanOrEqual(athensBefore.started + 1);
  expect(cells[2]).toBeGreaterThanOrEqual(athensBefore.submitted + 1);
});

for (const lang of LANGUAGES) {
  test(`the desk's referral figures read in ${lang}, and a wrong period is explained`, async ({ browser }) => {
    const context = await browser.newContext();
    await signInStaff(context, { role: "embassy_desk", centerSlug: "athens" });
    const page = await context.newPage();
    expect((await page.goto(`/staff/referrals?lng=${lang}`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: t(lang, "staff:referralFigures.desk") })).toBeVisible();
    await expect(page.getByText(t(lang, "staff:referralFigures.visits"), { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    expect((await page.goto(`/staff/referrals?lng=${lang}&from=2026-03-14&to=2026-03-01`))?.status()).toBe(400);
    await expect(page.locator("#to-error")).toContainText(t(lang, "staff:validation.dateOrder"));
    await expect(page.getByLabel(t(lang, "staff:audit.from"))).toHaveValue("2026-03-14");
    await expectNoAxeViolations(page);

    // The dashboard's table of referral figures, with the rows the tests above left.
    const supervisor = await browser.newContext();
    await signInStaff(supervisor, { role: "supervisor" });
    const dashboard = await supervisor.newPage();
    await dashboard.goto(`/staff/dashboard?lng=${lang}`);
    await expect(dashboard.getByRole("region", { name: t(lang, "staff:referralFigures.byCenter") }).getByRole("row")).not.toHaveCount(0);
    await expectNoAxeViolations(dashboard);
  });
}
