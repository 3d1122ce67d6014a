/**
 * Public holidays: an administrator keeps the list (with the usual error handling), and a case's
 * decision date moves past a holiday for the officer who works it.
 */
import { expect, test } from "@playwright/test";
import { dueAt, pakistanDate } from "../../app/domain/sla";
import { testApplication } from "../../test/support/application-fixture";
import { expectNoAxeViolations } from "../support/axe";
import { auditActions, withStore } from "../support/db";
import { errorSummary } from "../support/forms";
import { LANGUAGES, t } from "../support/locales";
import { signInStaff } from "../support/staff";

const en = (key: string, values?: Record<string, string>) => t("en", key, values);
const DAY_MS = 86_400_000;
const longDate = (lang: "en" | "ur", iso: string) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ur-PK", { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));

/** The first Pakistani working day after `from` that is also before the case falls due. */
function firstWorkingDayAfter(from: Date): string {
  for (let moment = new Date(from.getTime() + DAY_MS); ; moment = new Date(moment.getTime() + DAY_MS)) {
    const weekday = new Date(`${pakistanDate(moment)}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return pakistanDate(moment);
  }
}

test("an administrator adds a public holiday after fixing mistakes, the officer's case is due a day later, and the holiday can be removed", async ({
  browser,
}) => {
  const submittedAt = new Date();
  const application = testApplication({
    status: "submitted",
    submitted_at: submittedAt.toISOString(),
    center_slug: "lahore",
    full_name: "Bilal Ahmed",
    name_search: "bilal ahmed",
  });
  await withStore((store) => store.db.insertInto("application").values(application).execute());
  const holiday = firstWorkingDayAfter(submittedAt);
  const [year, month, day] = holiday.split("-") as [string, string, string];

  const officer = await browser.newContext();
  await signInStaff(officer, { role: "officer", centerSlug: "lahore" });
  const officerPage = await officer.newPage();
  const caseDue = async () => {
    await officerPage.goto(`/staff/cases/${application.id}`);
    return officerPage
      .locator(".summary-list__row", { hasText: en("cases:case.due") })
      .locator(".summary-list__value")
      .innerText();
  };
  expect(await caseDue()).toBe(longDate("en", dueAt(submittedAt).toISOString()));

  const admin = await browser.newContext();
  await signInStaff(admin, { role: "admin" });
  const page = await admin.newPage();
  await page.goto("/staff");
  await page
    .getByRole("navigation", { name: en("staff:nav.label") })
    .getByRole("link", { name: en("staff:holidays.title") })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:holidays.title"));

  // Nothing typed: both problems at once.
  await page.getByRole("button", { name: en("staff:holidays.add") }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    en("staff:validation.holidayDateRequired"),
    en("staff:validation.holidayNameRequired"),
  ]);
  // A date in the past: the name typed is kept.
  await page.getByLabel(en("common:form.date.day"), { exact: true }).fill("1");
  await page.getByLabel(en("common:form.date.month"), { exact: true }).fill("1");
  await page.getByLabel(en("common:form.date.year"), { exact: true }).fill("2020");
  await page.getByLabel(en("staff:holidays.name")).fill("Test Holiday");
  await page.getByRole("button", { name: en("staff:holidays.add") }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.holidayPast")]);
  await expect(page.getByLabel(en("staff:holidays.name"))).toHaveValue("Test Holiday");
  await expectNoAxeViolations(page);

  await page.getByLabel(en("common:form.date.day"), { exact: true }).fill(String(Number(day)));
  await page.getByLabel(en("common:form.date.month"), { exact: true }).fill(String(Number(month)));
  await page.getByLabel(en("common:form.date.year"), { exact: true }).fill(year);
  await page.getByRole("button", { name: en("staff:holidays.add") }).click();
  await expect(page.getByRole("status")).toHaveText(en("staff:holidays.added", { date: longDate("en", holiday) }));
  await expect(page.getByRole("row", { name: /Test Holiday/ })).toBeVisible();

  // The same day again is refused next to the field.
  await page.getByLabel(en("common:form.date.day"), { exact: true }).fill(day);
  await page.getByLabel(en("common:form.date.month"), { exact: true }).fill(month);
  await page.getByLabel(en("common:form.date.year"), { exact: true }).fill(year);
  await page.getByLabel(en("staff:holidays.name")).fill("Twice");
  await page.getByRole("button", { name: en("staff:holidays.add") }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.holidayExists")]);

  const withHoliday = dueAt(submittedAt, new Set([holiday]));
  expect(withHoliday.getTime() - dueAt(submittedAt).getTime()).toBeGreaterThanOrEqual(DAY_MS);
  expect(await caseDue()).toBe(longDate("en", withHoliday.toISOString()));
  // In Urdu too.
  await officerPage.goto(`/staff/cases/${application.id}?lng=ur`);
  await expect(
    officerPage.locator(".summary-list__row", { hasText: t("ur", "cases:case.due") }).locator(".summary-list__value"),
  ).toHaveText(longDate("ur", withHoliday.toISOString()));

  await page.goto("/staff/admin/holidays?lng=ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoAxeViolations(page);
  await page
    .getByRole("row", { name: /Test Holiday/ })
    .getByRole("button", { name: t("ur", "staff:holidays.remove") })
    .click();
  await expect(page.getByRole("status")).toHaveText(t("ur", "staff:holidays.removed", { date: longDate("ur", holiday) }));
  await expect(page.getByRole("row", { name: /Test Holiday/ })).toHaveCount(0);
  expect(await caseDue()).toBe(longDate("en", dueAt(submittedAt).toISOString()));
  expect(auditActions(holiday)).toEqual(["holiday.added", "holiday.removed"]);

  await officer.close();
  await admin.close();
});

test("public holidays are for administrators only", async ({ page, context }) => {
  await signInStaff(context, { role: "supervisor" });
  const answer = await page.goto("/staff/admin/holidays");
  expect(answer?.status()).toBe(403);
  await expect(
    page.getByRole("navigation", { name: en("staff:nav.label") }).getByRole("link", { name: en("staff:holidays.title") }),
  ).toHaveCount(0);
});

for (const lang of LANGUAGES) {
  test(`${lang}: the holidays page reads in its language`, async ({ page, context }) => {
    await signInStaff(context, { role: "admin" });
    await page.goto(`/staff/admin/holidays?lng=${lang}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "staff:holidays.title"));
    await expect(page.getByRole("button", { name: t(lang, "staff:holidays.add") })).toBeVisible();
    await expect(page.getByText(t(lang, "staff:holidays.intro", { days: "10" }))).toBeVisible();
  });
}
