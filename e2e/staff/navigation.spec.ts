/**
 * The back office menu: each role sees the areas it may open (and no others), in the chosen
 * language, with the current area marked; every item opens; sign-out works from any page.
 */
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { LANGUAGES, t } from "../support/locales";
import { signInStaff, type StaffRole } from "../support/staff";

const MENUS: Record<StaffRole, { items: string[]; paths: string[] }> = {
  officer: {
    items: ["staff:home.title", "cases:queue.title", "cases:disputes.title"],
    paths: ["/staff", "/staff/queue", "/staff/disputes"],
  },
  supervisor: {
    items: [
      "staff:home.title",
      "cases:queue.title",
      "cases:disputes.title",
      "staff:dashboard.title",
      "reports:queue.title",
      "staff:audit.title",
    ],
    paths: ["/staff", "/staff/queue", "/staff/disputes", "/staff/dashboard", "/staff/reports", "/staff/audit"],
  },
  investigator: { items: ["staff:home.title", "reports:queue.title"], paths: ["/staff", "/staff/reports"] },
  embassy_desk: {
    items: ["staff:home.title", "cases:referrals.title", "staff:assisted.title"],
    paths: ["/staff", "/staff/referrals", "/staff/assisted"],
  },
  admin: {
    items: [
      "staff:home.title",
      "staff:dashboard.title",
      "staff:accounts.title",
      "staff:centers.title",
      "staff:holidays.title",
      "staff:emergencyContacts.title",
      "staff:legalFacts.title",
      "staff:retention.title",
      "staff:audit.title",
    ],
    paths: [
      "/staff",
      "/staff/dashboard",
      "/staff/admin/accounts",
      "/staff/admin/centers",
      "/staff/admin/holidays",
      "/staff/admin/emergency-contacts",
      "/staff/admin/legal-migration",
      "/staff/admin/report-retention",
      "/staff/audit",
    ],
  },
};

const menu = (page: Page, lang: (typeof LANGUAGES)[number]) => page.getByRole("navigation", { name: t(lang, "staff:nav.label") });

for (const [role, { items, paths }] of Object.entries(MENUS) as [StaffRole, (typeof MENUS)["officer"]][]) {
  test(`the ${role} menu lists the role's areas, each opens and is marked current`, async ({ page, context }) => {
    await signInStaff(context, { role });
    const lang = LANGUAGES[items.length % LANGUAGES.length]!;
    await page.goto(`/staff?lng=${lang}`);
    await expect(menu(page, lang).getByRole("link")).toHaveText(items.map((key) => t(lang, key)));
    for (const [i, key] of items.entries()) {
      await menu(page, lang)
        .getByRole("link", { name: t(lang, key), exact: true })
        .click();
      expect(new URL(page.url()).pathname).toBe(paths[i]);
      expect(new URL(page.url()).searchParams.get("lng")).toBe(lang);
      await expect(menu(page, lang).locator('[aria-current="page"]')).toHaveText(t(lang, key));
    }
  });
}

test("no menu before the second factor, nor for the sign-in page", async ({ page }) => {
  await page.goto("/staff/login");
  await expect(page.getByRole("navigation", { name: t("en", "staff:nav.label") })).toHaveCount(0);
});

for (const lang of LANGUAGES) {
  test(`${lang}: the queue with its menu has no axe violations, and the menu signs out`, async ({ page, context }) => {
    await signInStaff(context, { role: "officer" });
    await page.goto(`/staff/queue?lng=${lang}`);
    await expectNoAxeViolations(page);
    await menu(page, lang)
      .getByRole("button", { name: t(lang, "staff:signOut.submit") })
      .click();
    await expect(page).toHaveURL(new RegExp(`/staff/login\\?signedOut=1&lng=${lang}$`));
    await page.goto(`/staff/queue?lng=${lang}`);
    await expect(page).toHaveURL(/\/staff\/login/);
  });
}
