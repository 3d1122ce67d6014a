import { expect, type Page, test } from "@playwright/test";
import { auditEvents, findStaffUser, insertSetupToken } from "../support/db";
import { pageTitle, t } from "../support/locales";
import { errorSummary } from "../support/forms";

const en = (key: string, values?: Record<string, string>) => t("en", key, values);
const SETUP_TITLE = pageTitle("en", en("staff:setup.title"));

const field = {
  name: (page: Page) => page.getByLabel(en("staff:setup.name"), { exact: true }),
  email: (page: Page) => page.getByLabel(en("staff:setup.email"), { exact: true }),
  password: (page: Page) => page.getByLabel(en("staff:setup.password"), { exact: true }),
  confirm: (page: Page) => page.getByLabel(en("staff:setup.confirmPassword"), { exact: true }),
};
const submit = (page: Page) => page.getByRole("button", { name: en("staff:setup.submit") }).click();

test("a setup link creates the first administrator once", async ({ page }) => {
  const email = `admin.${Date.now()}@police.example.pk`;
  const setupUrl = `/staff/setup?token=${insertSetupToken()}`;

  await test.step("the link opens the setup form", async () => {
    await page.goto(setupUrl);
    await expect(page).toHaveTitle(SETUP_TITLE);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:setup.title"));
  });

  await test.step("an empty form gets an error summary and inline errors", async () => {
    await submit(page);
    await expect(page).toHaveTitle(`${en("form.errorPrefix")}: ${SETUP_TITLE}`);
    const summary = errorSummary(page);
    await expect(summary).toBeVisible();
    const expected = [
      ["staff:validation.nameRequired", "#displayName", field.name],
      ["staff:validation.emailRequired", "#email", field.email],
      ["staff:validation.passwordRequired", "#password", field.password],
    ] as const;
    await expect(summary.getByRole("link")).toHaveText(expected.map(([key]) => en(key)));
    for (const [key, href, input] of expected) {
      await expect(summary.getByRole("link", { name: en(key) })).toHaveAttribute("href", href);
      await expect(input(page)).toHaveAttribute("aria-invalid", "true");
      await expect(input(page)).toHaveAccessibleDescription(new RegExp(`${en(key)}$`));
    }
  });

  await test.step("a common password is refused, name and email are kept", async () => {
    await field.name(page).fill("Ayesha Khan");
    await field.email(page).fill(email);
    await field.password(page).fill("password1234567");
    await field.confirm(page).fill("password1234567");
    await submit(page);
    await expect(page).toHaveTitle(`${en("form.errorPrefix")}: ${SETUP_TITLE}`);
    await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.passwordCommon")]);
    await expect(field.password(page)).toHaveAccessibleDescription(new RegExp(`${en("staff:validation.passwordCommon")}$`));
    await expect(field.name(page)).toHaveValue("Ayesha Khan");
    await expect(field.email(page)).toHaveValue(email);
    await expect(field.password(page)).toHaveValue("");
  });

  await test.step("a valid form creates the account", async () => {
    await field.password(page).fill("monsoon rain over the ravi river");
    await field.confirm(page).fill("monsoon rain over the ravi river");
    await submit(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:setup.doneTitle"));
    await expect(page.getByText(en("staff:setup.doneBody", { email }))).toBeVisible();
  });

  await test.step("the account and its audit event are stored", async () => {
    const user = findStaffUser(email);
    expect(user).toMatchObject({ role: "admin" });
    expect(auditEvents("staff_user.created", user!.id)).toEqual([{ action: "staff_user.created", entity_type: "staff_user" }]);
  });

  await test.step("the same link cannot be used again", async () => {
    await page.goto(setupUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:setup.invalidTitle"));
    await expect(page.getByText(en("staff:setup.invalidBody"))).toBeVisible();
    await expect(page.getByRole("button", { name: en("staff:setup.submit") })).toHaveCount(0);
  });
});

test("an unknown setup token shows the invalid-link page", async ({ page }) => {
  await page.goto("/staff/setup?token=wrong");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:setup.invalidTitle"));
  await expect(page.getByText(en("staff:setup.invalidBody"))).toBeVisible();
  await expect(page.getByRole("button", { name: en("staff:setup.submit") })).toHaveCount(0);
});
