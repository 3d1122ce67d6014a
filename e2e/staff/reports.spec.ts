/**
 * The investigators' workspace as an investigator uses it, in each language: the queue, a report,
 * its cluster and an identifier's page have no axe violations; a triage without a priority and an
 * FIA reference that is not one come back with the translated message at the field and in the
 * summary, the other answer kept; the cluster downloads as formula-safe CSV.
 */
import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { fileTestReport } from "../../test/support/report-fixture";
import { expectNoAxeViolations } from "../support/axe";
import { withStore } from "../support/db";
import { LANGUAGES, type Lang, t } from "../support/locales";
import { signInStaff } from "../support/staff";

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const agent = (phones: string[], profiles: string[] = []) => ({ agent: { phones, profiles, names: [], office: "" } });

/** Two reports that name one number, written two ways, from two countries; distinct per language. */
async function linkedPair(lang: Lang) {
  const tail = String(LANGUAGES.indexOf(lang) + 1);
  return withStore(async (store) => {
    const first = await fileTestReport(store.db, {
      ...agent([`+92 333 55500${tail}0`], [`https://www.tiktok.com/@agent.${lang}`]),
      when: { details: '=HYPERLINK("http://evil.example")' },
    });
    const second = await fileTestReport(store.db, { ...agent([`0333-55500${tail}0`]), when: { country: "PK" } });
    return { first, second };
  });
}

for (const lang of LANGUAGES) {
  test(`${lang}: an investigator triages, forwards and follows a cluster; every page passes axe`, async ({ page, context }) => {
    test.setTimeout(90_000);
    const { first, second } = await linkedPair(lang);
    await signInStaff(context, { role: "investigator" });
    await page.goto(`/staff/reports?lng=${lang}`);
    await expect(heading(page)).toHaveText(t(lang, "reports:queue.title"));
    await expectNoAxeViolations(page);

    await page.goto(
      `/staff/reports/${(await withStore((s) => s.db.selectFrom("report").select("id").where("reference", "=", first.reference).executeTakeFirstOrThrow())).id}?lng=${lang}`,
    );
    await expect(heading(page)).toHaveText(first.reference);
    await expect(page.getByText(t(lang, "report:when.details"), { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // A triage without a priority, and an FIA reference that is not one.
    await page.getByRole("button", { name: t(lang, "reports:actions.saveTriage") }).click();
    const summary = page.getByRole("alert").filter({ hasText: t(lang, "form.errorSummaryTitle") });
    await expect(summary.getByRole("link", { name: t(lang, "reports:problems.priority") })).toBeVisible();
    await expect(page.locator("#priority-error")).toContainText(t(lang, "reports:problems.priority"));
    await expectNoAxeViolations(page);
    await page.getByLabel(t(lang, "reports:actions.forward")).fill("<script>alert(1)</script>");
    await page.getByRole("button", { name: t(lang, "reports:actions.recordForward") }).click();
    await expect(page.locator("#fiaReference-error")).toContainText(t(lang, "reports:problems.fiaReferenceFormat"));
    await expect(page.getByLabel(t(lang, "reports:actions.forward"))).toHaveValue("<script>alert(1)</script>");

    await page.getByRole("radio", { name: t(lang, "reports:priority.high") }).check();
    await page.getByRole("button", { name: t(lang, "reports:actions.saveTriage") }).click();
    await expect(page.getByText(t(lang, "reports:done.triage"))).toBeVisible();
    await page.getByLabel(t(lang, "reports:actions.forward")).fill("FIA/CCW/2026/118");
    await page.getByRole("button", { name: t(lang, "reports:actions.recordForward") }).click();
    await expect(page.getByText(t(lang, "reports:done.forward"))).toBeVisible();
    await expect(page.getByText("FIA/CCW/2026/118")).toBeVisible();
    await page.getByLabel(t(lang, "reports:actions.note")).fill("Same office as the Gujrat report.");
    await page.getByRole("button", { name: t(lang, "reports:actions.addNote") }).click();
    await expect(page.getByText("Same office as the Gujrat report.")).toBeVisible();

    await page.getByRole("link", { name: t(lang, "reports:report.seeCluster") }).click();
    await expect(
      page.getByRole("region", { name: t(lang, "reports:cluster.reportsHeading") }).getByRole("link", { name: second.reference }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: t(lang, "reports:cluster.export") }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith(`\uFEFF${t(lang, "reports:export.columns.reference")},`)).toBe(true);
    expect(csv).toContain(first.reference);
    expect(csv).toContain(second.reference);
    // E.164 numbers start with "+": a spreadsheet would read them as formulas without the apostrophe.
    expect(csv).toMatch(/,'\+92333/);
    expect(csv).not.toContain("HYPERLINK");

    await page
      .getByRole("region", { name: t(lang, "reports:cluster.sharedHeading") })
      .getByRole("link")
      .first()
      .click();
    await expect(heading(page)).toContainText("+92333");
    await expectNoAxeViolations(page);
  });
}

test("officers, embassy desks and administrators cannot open the reports", async ({ browser }) => {
  for (const role of ["officer", "embassy_desk", "admin"] as const) {
    const context = await browser.newContext();
    await signInStaff(context, { role });
    const page = await context.newPage();
    const response = await page.goto("/staff/reports");
    expect(response?.status(), role).toBe(403);
    await context.close();
  }
});
