/** The supervisor dashboard: figures of a period the test fills, in four languages, and who may open it. */
import { expect, test } from "@playwright/test";
import { countIssueWrites, countSubmissionWrites } from "../../app/models/dashboard.server";
import { executeWrites } from "../../db/dialect";
import { testApplication } from "../../test/support/application-fixture";
import { expectNoAxeViolations } from "../support/axe";
import { applyFromPoster } from "../support/journey";
import { withStore } from "../support/db";
import { LANGUAGES, type Lang, t } from "../support/locales";
import { signInStaff } from "../support/staff";

const LOCALES: Record<Lang, string> = { ur: "ur-PK", en: "en-GB", el: "el-GR", it: "it-IT" };
const number = (lang: Lang, value: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(value);
const country = (lang: Lang, code: string) => new Intl.DisplayNames([LOCALES[lang]], { type: "region" }).of(code)!;

// A fortnight long past, so that nothing else a run creates falls into it.
const PERIOD = "from=2021-03-01&to=2021-03-14";

test.beforeAll(async () => {
  const rows = [
    testApplication({
      submitted_at: "2021-03-01T00:00:00.000Z",
      status: "submitted",
      destination_country: "GR",
      referral_center_slug: "athens",
    }),
    testApplication({ submitted_at: "2021-03-02T10:00:00.000Z", status: "in_review", destination_country: "GR" }),
    testApplication({
      submitted_at: "2021-03-14T23:59:59.000Z",
      status: "rejected",
      destination_country: "IT",
      referral_center_slug: "rome",
    }),
    // The day after the period: not counted.
    testApplication({ submitted_at: "2021-03-15T00:00:00.000Z", status: "submitted", destination_country: "ES" }),
  ];
  await withStore(async ({ db }) => {
    // A worker started again after a failure runs this again: the store keeps the first run's rows.
    // Read before the transaction: one that reads and then writes fails at once ("database is
    // locked") when the server, another process, wrote in between.
    if (await db.selectFrom("application").select("id").where("submitted_at", "=", rows[0]!.submitted_at).executeTakeFirst()) return;
    await db.transaction().execute(async (trx) => {
      // As the application model writes a submission: the row and its counts together.
      for (const row of rows) {
        await trx.insertInto("application").values(row).execute();
        await executeWrites(
          trx,
          countSubmissionWrites(trx, {
            submittedAt: row.submitted_at,
            status: row.status,
            destinationCountry: row.destination_country,
            referralCenterSlug: row.referral_center_slug ?? null,
          }),
        );
      }
      // Two certificates issued in the period, after 4 and 7 whole days: median 5.5, 90th percentile 6.7.
      await executeWrites(trx, countIssueWrites(trx, { submittedAt: "2021-02-25T09:00:00.000Z", issuedAt: "2021-03-01T10:00:00.000Z" }));
      await executeWrites(trx, countIssueWrites(trx, { submittedAt: "2021-03-03T09:00:00.000Z", issuedAt: "2021-03-10T09:30:00.000Z" }));
    });
  });
});

for (const lang of LANGUAGES) {
  test(`a supervisor reads the figures of a period in ${lang}`, async ({ browser }) => {
    const context = await browser.newContext();
    await signInStaff(context, { role: "supervisor" });
    const page = await context.newPage();
    const response = await page.goto(`/staff/dashboard?lng=${lang}&${PERIOD}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("dir", lang === "ur" ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "staff:dashboard.title"));

    const figure = (label: string) => page.locator(".summary-list__row", { has: page.getByText(label, { exact: true }) }).locator("dd");
    await expect(figure(t(lang, "staff:dashboard.total"))).toHaveText(number(lang, 3));
    await expect(figure(t(lang, "staff:dashboard.late", { days: "10" }))).toHaveText(number(lang, 2));
    await expect(figure(t(lang, "staff:dashboard.issued"))).toHaveText(number(lang, 2));
    await expect(figure(t(lang, "staff:dashboard.median"))).toHaveText(number(lang, 5.5));
    await expect(figure(t(lang, "staff:dashboard.p90"))).toHaveText(number(lang, 6.7));

    const table = (title: string) => page.getByRole("region", { name: t(lang, title) });
    const row = (title: string, name: string) => table(title).getByRole("row", { name: new RegExp(`^${name}`) });
    await expect(row("staff:dashboard.byStatus", t(lang, "track:status.submitted.label"))).toContainText(number(lang, 1));
    await expect(row("staff:dashboard.byStatus", t(lang, "track:status.collected.label"))).toContainText(number(lang, 0));
    await expect(table("staff:dashboard.perWeek").getByRole("row")).toHaveCount(3);
    await expect(table("staff:dashboard.perWeek").locator("tbody td")).toHaveText([number(lang, 2), number(lang, 1)]);
    await expect(row("staff:dashboard.perDestination", country(lang, "GR"))).toContainText(number(lang, 2));
    await expect(row("staff:dashboard.perDestination", country(lang, "IT"))).toContainText(number(lang, 1));
    await expect(table("staff:dashboard.perDestination").getByText(country(lang, "ES"))).toHaveCount(0);
    await expect(row("staff:dashboard.perReferral", t(lang, "staff:dashboard.noReferral"))).toContainText(number(lang, 1));
    await expect(table("staff:dashboard.perReferral").getByRole("row")).toHaveCount(4);

    // Each chart is a picture named by its caption, which says what it shows in words.
    const charts = page.getByRole("img");
    await expect(charts).toHaveCount(4);
    await expect(page.getByRole("img", { name: t(lang, "staff:dashboard.perDestination"), exact: false })).toHaveCount(1);
    await expectNoAxeViolations(page);
  });
}

test("a period that ends before it starts is refused with the translated message, the dates kept", async ({ browser }) => {
  const context = await browser.newContext();
  await signInStaff(context, { role: "admin" });
  const page = await context.newPage();
  for (const lang of ["ur", "en"] as const) {
    const response = await page.goto(`/staff/dashboard?lng=${lang}&from=2021-03-14&to=2021-03-01`);
    expect(response?.status()).toBe(400);
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("heading")).toHaveText(t(lang, "form.errorSummaryTitle"));
    await expect(summary.getByRole("link", { name: t(lang, "staff:validation.dateOrder") })).toHaveAttribute("href", "#to");
    await expect(page.locator("#to-error")).toContainText(t(lang, "staff:validation.dateOrder"));
    await expect(page.locator("#from")).toHaveValue("2021-03-14");
    await expect(page).toHaveTitle(new RegExp(`^${t(lang, "form.errorPrefix")}`));
    await expectNoAxeViolations(page);
  }
  await page.goto("/staff/dashboard?lng=el&from=1999-12-31");
  await expect(page.getByRole("alert").getByRole("link", { name: t("el", "staff:validation.dashboardDateBounds") })).toBeVisible();
});

test("an application from the Athens poster is counted under Athens, the day it is submitted", async ({ browser }) => {
  const context = await browser.newContext();
  await signInStaff(context, { role: "supervisor" });
  const page = await context.newPage();
  const athens = () =>
    page
      .getByRole("region", { name: t("en", "staff:dashboard.perReferral") })
      .getByRole("row", { name: /Athens/ })
      .locator("td");
  await page.goto("/staff/dashboard");
  const before = (await athens().count()) === 0 ? 0 : Number(await athens().textContent());

  const applicant = await (await browser.newContext()).newPage();
  await applyFromPoster(applicant, "athens", `dashboard-${Date.now()}@example.com`);

  await page.goto("/staff/dashboard");
  await expect(athens()).toHaveText(String(before + 1));
});

test("an officer cannot open the dashboard, and its menu does not offer it", async ({ browser }) => {
  const context = await browser.newContext();
  await signInStaff(context, { role: "officer" });
  const page = await context.newPage();
  expect((await page.goto("/staff/dashboard"))?.status()).toBe(403);
  await page.goto("/staff/queue");
  await expect(page.getByRole("link", { name: t("en", "staff:dashboard.title") })).toHaveCount(0);
});
