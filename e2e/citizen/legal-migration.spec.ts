/**
 * The legal-migration page: readable in four languages with nothing from another site, and its
 * official links shown only once an administrator has checked and confirmed them in the back office.
 */
import { expect, type Page, type Response, test } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { auditActions, withDb } from "../support/db";
import { errorSummary } from "../support/forms";
import { LANGUAGES, type Lang, t } from "../support/locales";
import { signInStaff } from "../support/staff";

const en = (key: string, values?: Record<string, string>) => t("en", key, values);
const longDate = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat({ ur: "ur-PK", en: "en-GB", el: "el-GR", it: "it-IT" }[lang], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(iso),
  );
const BUDGET = 50 * 1024;
const isFont = (url: string) => new URL(url).pathname.startsWith("/fonts/") || url.endsWith(".woff2");

/** Seeded facts start unconfirmed; a spec that confirms one puts them back, so each test starts from the seed's state. */
function unconfirmAll() {
  withDb((db) => db.prepare("UPDATE legal_fact SET confirmed_at = NULL, confirmed_by = NULL, checked_on = NULL").run());
}

test.beforeEach(unconfirmAll);
test.afterAll(unconfirmAll);

async function compressedBytes(responses: readonly Response[]): Promise<number> {
  let total = 0;
  for (const response of responses.filter((r) => !isFont(r.url()))) {
    const sizes = await response.request().sizes();
    total += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  return total;
}

for (const lang of LANGUAGES) {
  test(`/${lang}/legal-migration reads without confirmed facts, links to the report and centers pages, and fetches nothing from elsewhere`, async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const responses: Response[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("response", (response) => responses.push(response));
    await page.goto(`/${lang}/legal-migration`, { waitUntil: "networkidle" });

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "legal:title"));
    for (const key of ["channels.heading", "beoe.heading", "check.heading", "facts.heading", "warning.heading", "act.heading"])
      await expect(page.getByRole("heading", { level: 2, name: t(lang, `legal:${key}`) })).toBeVisible();
    await expect(page.getByText(t(lang, "legal:warning.signs.boat"))).toBeVisible();
    await expect(page.getByText(t(lang, "legal:beoe.licence"))).toBeVisible();
    // Every fact on the page says where it comes from.
    await expect(page.getByText(t(lang, "legal:beoe.source"), { exact: false })).toBeVisible();
    // Nothing confirmed yet: the page says where to ask instead, and shows no seeded link.
    await expect(page.getByText(t(lang, "legal:facts.none"))).toBeVisible();
    await expect(page.locator('a[href^="https://"]')).toHaveCount(0);
    await expect(page.getByRole("link", { name: t(lang, "legal:act.report") })).toHaveAttribute("href", `/${lang}/report`);
    await expect(page.getByRole("link", { name: t(lang, "legal:act.centers") })).toHaveAttribute("href", `/${lang}/centers`);

    await expectNoAxeViolations(page);
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(await page.locator("script[src]").count()).toBe(0);
    const bytes = await compressedBytes(responses);
    console.log(`/${lang}/legal-migration: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB) without fonts`);
    expect(bytes).toBeLessThanOrEqual(BUDGET);
    await context.close();
  });
}

test("the home page and the report start page link to it", async ({ page }) => {
  await page.goto("/ur");
  await page.getByRole("link", { name: t("ur", "home:smugglingWarning.link") }).click();
  await expect(page).toHaveURL(/\/ur\/legal-migration$/);
  await page.goto("/it/report");
  await page.getByRole("link", { name: t("it", "report:start.legalLink") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("it", "legal:title"));
});

async function openFact(page: Page, label: string) {
  await page.goto("/staff");
  await page
    .getByRole("navigation", { name: en("staff:nav.label") })
    .getByRole("link", { name: en("staff:legalFacts.title") })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:legalFacts.title"));
  await page.getByRole("link", { name: label }).click();
}

test("an administrator checks and confirms a seeded link, and only then does the public page show it", async ({ browser }) => {
  const admin = await browser.newContext();
  await signInStaff(admin, { role: "admin" });
  const page = await admin.newPage();
  const greece = "Greece: Ministry of Migration and Asylum";
  await openFact(page, greece);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:legalFacts.editTitle", { key: "gr-migration-ministry" }));
  await expect(page.getByText(en("staff:legalFacts.notConfirmed"))).toBeVisible();

  // Seeded with no date checked: it cannot be confirmed yet.
  await page.getByRole("button", { name: en("staff:legalFacts.confirm") }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.legalNotChecked")]);

  const today = new Date();
  const iso = today.toISOString().slice(0, 10);
  // Pakistan is ahead of UTC: a day checked "today" in UTC is never in Pakistan's future.
  await page.getByLabel(en("common:form.date.day"), { exact: true }).fill(String(today.getUTCDate()));
  await page.getByLabel(en("common:form.date.month"), { exact: true }).fill(String(today.getUTCMonth() + 1));
  await page.getByLabel(en("common:form.date.year"), { exact: true }).fill(String(today.getUTCFullYear()));
  await page.getByRole("button", { name: en("staff:legalFacts.submit") }).click();
  await expect(page.getByRole("status")).toHaveText(en("staff:legalFacts.saved", { key: "gr-migration-ministry" }));

  // Saved but not confirmed: still not public.
  const visitor = await browser.newContext();
  const citizen = await visitor.newPage();
  await citizen.goto("/el/legal-migration");
  await expect(citizen.getByText(t("el", "legal:facts.none"))).toBeVisible();

  await page.getByRole("link", { name: greece }).click();
  await page.getByRole("button", { name: en("staff:legalFacts.confirm") }).click();
  await expect(page.getByRole("status")).toHaveText(en("staff:legalFacts.confirmedSaved"));
  await expect(page.getByText(en("staff:legalFacts.confirmedOn", { date: longDate("en", iso) }))).toBeVisible();
  expect(auditActions("gr-migration-ministry")).toEqual(["legal_fact.updated", "legal_fact.confirmed"]);

  for (const lang of ["el", "ur"] as const) {
    await citizen.goto(`/${lang}/legal-migration`);
    const facts = citizen.getByRole("region", { name: t(lang, "legal:facts.heading") });
    const label = { el: "Ελλάδα: Υπουργείο Μετανάστευσης και Ασύλου", ur: "یونان: وزارتِ مائیگریشن و پناہ" }[lang];
    await expect(facts.getByRole("link", { name: label })).toHaveAttribute("href", "https://migration.gov.gr/");
    await expect(facts.getByText("(migration.gov.gr)")).toBeVisible();
    await expect(facts.locator(".legal-facts__item .hint")).toHaveText(
      t(lang, "legal:facts.source", { source: "Ministry of Migration and Asylum, Hellenic Republic", date: longDate(lang, iso) }),
    );
    // The other seeded facts are still unconfirmed: none of them shows.
    await expect(citizen.locator('a[href^="https://"]')).toHaveCount(1);
    await expect(citizen.getByText(t(lang, "legal:facts.none"))).toHaveCount(0);
    await expectNoAxeViolations(citizen);
  }
  await visitor.close();
  await admin.close();
});

test("the administrator's form explains each mistake in Urdu next to the field, keeps the answers, and adds a fact unconfirmed", async ({
  browser,
}) => {
  const admin = await browser.newContext();
  await signInStaff(admin, { role: "admin" });
  const page = await admin.newPage();
  const ur = (key: string, values?: Record<string, string>) => t("ur", key, values);
  await page.goto("/staff/admin/legal-migration?lng=ur");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ur("staff:legalFacts.title"));

  await page.getByLabel(ur("staff:legalFacts.key")).fill("Bad Key");
  await page
    .getByRole("group", { name: ur("staff:legalFacts.destination") })
    .getByLabel("یونان")
    .check();
  await page
    .getByRole("group", { name: ur("staff:legalFacts.kind") })
    .getByLabel(ur("staff:legalFacts.kinds.link"))
    .check();
  await page.getByLabel(ur("staff:legalFacts.value")).fill("javascript:alert(1)");
  await page.getByLabel(ur("staff:legalFacts.labelEn")).fill("<b>Helpline</b>");
  await page.getByLabel(ur("staff:legalFacts.labelUr")).fill("ہیلپ لائن");
  await page.getByRole("button", { name: ur("staff:legalFacts.add") }).click();

  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: ur("form.errorSummaryTitle") }) });
  await expect(summary.getByRole("link")).toHaveText([
    ur("staff:validation.legalKeyFormat"),
    ur("staff:validation.legalUrlHttps"),
    ur("staff:validation.legalNoMarkup"),
    ur("staff:validation.legalLabelElRequired"),
    ur("staff:validation.legalLabelItRequired"),
    ur("staff:validation.legalSourceRequired"),
    ur("staff:validation.legalCheckedRequired"),
  ]);
  await expect(page.locator("#value-error")).toContainText(ur("staff:validation.legalUrlHttps"));
  await expect(page.locator("#labelEn-error")).toContainText(ur("staff:validation.legalNoMarkup"));
  await expect(page).toHaveTitle(new RegExp(`^${ur("form.errorPrefix")}: ${ur("staff:legalFacts.title")}`));
  await expect(page.getByLabel(ur("staff:legalFacts.key"))).toHaveValue("Bad Key");
  await expect(page.getByLabel(ur("staff:legalFacts.labelUr"))).toHaveValue("ہیلپ لائن");
  await expect(page.getByLabel(ur("staff:legalFacts.value"))).toHaveValue("javascript:alert(1)");
  await expectNoAxeViolations(page);

  // An http: link and a bad phone number are refused too.
  await page.getByLabel(ur("staff:legalFacts.key")).fill("gr-helpline");
  await page
    .getByRole("group", { name: ur("staff:legalFacts.kind") })
    .getByLabel(ur("staff:legalFacts.kinds.phone"))
    .check();
  await page.getByLabel(ur("staff:legalFacts.value")).fill("0000");
  await page.getByRole("button", { name: ur("staff:legalFacts.add") }).click();
  await expect(page.locator("#value-error")).toContainText(ur("staff:validation.legalPhoneFormat"));

  await page.getByLabel(ur("staff:legalFacts.value")).fill("210 672 9700");
  await page.getByLabel(ur("staff:legalFacts.labelEn")).fill("Helpline");
  await page.getByLabel(ur("staff:legalFacts.labelEl")).fill("Γραμμή βοήθειας");
  await page.getByLabel(ur("staff:legalFacts.labelIt")).fill("Numero di assistenza");
  await page.getByLabel(ur("staff:legalFacts.source")).fill("Ministry of Migration and Asylum, Hellenic Republic");
  const today = new Date();
  await page.getByLabel(ur("common:form.date.day"), { exact: true }).fill(String(today.getUTCDate()));
  await page.getByLabel(ur("common:form.date.month"), { exact: true }).fill(String(today.getUTCMonth() + 1));
  await page.getByLabel(ur("common:form.date.year"), { exact: true }).fill(String(today.getUTCFullYear()));
  await page.getByRole("button", { name: ur("staff:legalFacts.add") }).click();
  await expect(page.getByRole("status")).toHaveText(ur("staff:legalFacts.added"));
  const row = page.getByRole("row").filter({ hasText: "gr-helpline" });
  await expect(row).toContainText("+302106729700");
  await expect(row).toContainText(ur("staff:legalFacts.unconfirmed"));
  expect(auditActions("gr-helpline")).toEqual(["legal_fact.added"]);

  // Added but not confirmed: the public page does not show the number.
  await page.goto("/en/legal-migration");
  await expect(page.getByText("210 672 9700")).toHaveCount(0);
  await expect(page.getByText(en("legal:facts.none"))).toBeVisible();
  await admin.close();
});
