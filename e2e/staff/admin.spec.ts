/**
 * Administration from the administrator's side: invite an officer (who chooses their own password
 * and is taken to authenticator setup at first sign-in), disable an account (its live session is
 * refused at once), reset an authenticator app, unlock an account, edit a center; no lock-out of
 * oneself, and no administration pages for anyone else.
 */
import { type BrowserContext, expect, test } from "@playwright/test";
import { auditActions, findStaffUser, withDb } from "../support/db";
import { mailTo } from "../support/mail";
import { formatClockTime, languageName, weekdayName } from "../../app/utils/format";
import { type Lang, LANGUAGES, pageTitle, t } from "../support/locales";
import { createSignedInStaff, signInStaff } from "../support/staff";
import { expectNoAxeViolations } from "../support/axe";
import { errorSummary } from "../support/forms";

const en = (key: string, values?: Record<string, string>) => t("en", key, values);

/** A POST from our own pages, as the browser would send it, with the context's cookies. */
function postForm(context: BrowserContext, path: string, form: Record<string, string>) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  return context.request.post(path, { form, headers: { Origin: origin, "Sec-Fetch-Site": "same-origin" }, maxRedirects: 0 });
}

test("an administrator invites an officer, who chooses a password and sets up TOTP at first sign-in", async ({
  page,
  context,
  browser,
}) => {
  // Two password hashes, a mail delivery and many page loads: more than a quick spec on two cores.
  test.slow();
  await signInStaff(context, { role: "admin", displayName: "Ayesha Khan" });
  const email = `farah.naz.${Date.now()}@police.example.pk`;
  const password = "jasmine on the walls of lahore fort";
  let link = "";

  await test.step("the staff home page leads to staff accounts, which lists the administrator", async () => {
    await page.goto("/staff");
    await page.getByRole("link", { name: en("staff:accounts.title") }).click();
    await expect(page).toHaveURL(/\/staff\/admin\/accounts$/);
    await expect(page).toHaveTitle(pageTitle("en", en("staff:accounts.title")));
    await expect(page.getByRole("table").getByRole("link", { name: "Ayesha Khan" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step("an empty invitation gets an error summary, in the order of the fields", async () => {
    await page.getByRole("button", { name: en("staff:accounts.invite") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:invite.title"));
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: en("staff:invite.submit") }).click();
    await expect(page).toHaveTitle(`${en("form.errorPrefix")}: ${pageTitle("en", en("staff:invite.title"))}`);
    await expect(errorSummary(page).getByRole("link")).toHaveText([
      en("staff:validation.staffNameRequired"),
      en("staff:validation.staffEmailRequired"),
      en("staff:validation.roleRequired"),
    ]);
    await expectNoAxeViolations(page);
  });

  await test.step("an officer needs a service center, not an embassy", async () => {
    await page.getByLabel(en("staff:invite.name"), { exact: true }).fill("Farah Naz");
    await page.getByLabel(en("staff:invite.email"), { exact: true }).fill(email);
    await page.getByLabel(en("staff:roles.officer"), { exact: true }).check();
    await page.getByRole("button", { name: en("staff:invite.submit") }).click();
    await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.centerRequired")]);
    await expect(page.getByLabel(en("staff:invite.name"), { exact: true })).toHaveValue("Farah Naz");
    await page.getByLabel(en("staff:invite.center"), { exact: true }).selectOption({ label: "Embassy of Pakistan, Athens" });
    await page.getByRole("button", { name: en("staff:invite.submit") }).click();
    await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.centerWrongKind")]);
  });

  await test.step("the invitation shows a one-time link once, and mails it", async () => {
    await page.getByLabel(en("staff:invite.center"), { exact: true }).selectOption({ label: "Police Service Center, Lahore" });
    await page.getByRole("button", { name: en("staff:invite.submit") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:invite.doneTitle"));
    link = await page.getByLabel(en("staff:invite.linkLabel"), { exact: true }).inputValue();
    expect(link).toMatch(/\/staff\/invite\?token=[A-Za-z0-9_-]{32}$/);
    await expectNoAxeViolations(page);
    const mail = await mailTo(email);
    expect(mail.subject).toBe(en("staff:inviteMail.subject"));
    expect(mail.text).toContain(link);
    expect(mail.text).toContain(en("staff:inviteMail.greeting", { name: "\u2068Farah Naz\u2069" }));
    const account = findStaffUser(email);
    expect(account?.role).toBe("officer");
    expect(auditActions(account!.id)).toEqual(["staff_user.invited"]);
  });

  await test.step("the officer chooses a password through the link, which then stops working", async () => {
    const officer = await (await browser.newContext()).newPage();
    await officer.goto(link);
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText(en("staff:acceptInvite.title"));
    await expect(officer.getByText(email)).toBeVisible();
    await expectNoAxeViolations(officer);
    await officer.getByLabel(en("staff:setup.password"), { exact: true }).fill(password);
    await officer.getByLabel(en("staff:setup.confirmPassword"), { exact: true }).fill(`${password}!`);
    await officer.getByRole("button", { name: en("staff:acceptInvite.submit") }).click();
    await expect(errorSummary(officer).getByRole("link")).toHaveText([en("staff:validation.passwordMismatch")]);
    await expectNoAxeViolations(officer);
    await officer.getByLabel(en("staff:setup.password"), { exact: true }).fill(password);
    await officer.getByLabel(en("staff:setup.confirmPassword"), { exact: true }).fill(password);
    await officer.getByRole("button", { name: en("staff:acceptInvite.submit") }).click();
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText(en("staff:acceptInvite.doneTitle"));
    await expectNoAxeViolations(officer);

    await officer.getByRole("button", { name: en("staff:acceptInvite.signIn") }).click();
    await expect(officer).toHaveURL(/\/staff\/login$/);
    await officer.getByLabel(en("staff:setup.email"), { exact: true }).fill(email);
    await officer.getByLabel(en("staff:setup.password"), { exact: true }).fill(password);
    await officer.getByRole("button", { name: en("staff:signIn.submit") }).click();
    await expect(officer).toHaveURL(/\/staff\/totp\/setup$/);
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText(en("staff:totpSetup.title"));

    await officer.goto(link);
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText(en("staff:acceptInvite.invalidTitle"));
    await officer.context().close();
  });

  await test.step("the list shows the officer as active, without an authenticator app yet", async () => {
    await page.goto("/staff/admin/accounts");
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row.getByRole("cell")).toHaveText([
      "Farah Naz",
      email,
      en("staff:roles.officer"),
      "Police Service Center, Lahore",
      en("staff:accounts.statuses.active"),
      en("staff:accounts.twoFactorNotSetUp"),
    ]);
    expect(auditActions(findStaffUser(email)!.id)).toEqual(["staff_user.invited", "staff_user.invitation_accepted"]);
  });
});

test("disabling an account ends its session at once; an administrator cannot disable or demote themselves", async ({
  page,
  context,
  browser,
}) => {
  const admin = await signInStaff(context, { role: "admin", displayName: "Ayesha Khan" });
  const officer = await createSignedInStaff({ role: "officer", displayName: "Bilal Ahmed" });
  const officerContext = await browser.newContext();
  await officerContext.addCookies(officer.cookies);
  const officerPage = await officerContext.newPage();
  await officerPage.goto("/staff");
  await expect(officerPage.getByRole("heading", { level: 1 })).toHaveText(en("staff:home.title"));

  await test.step("the administrator disables the officer", async () => {
    await page.goto(`/staff/admin/accounts/${officer.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bilal Ahmed");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: en("staff:account.disable") }).click();
    await expect(page.getByRole("status")).toHaveText(en("staff:account.done.disable"));
    await expect(page.getByText(en("staff:accounts.statuses.disabled"), { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step("the officer's open session is refused", async () => {
    await officerPage.reload();
    await expect(officerPage).toHaveURL(/\/staff\/login\?ended=1$/);
    await expect(officerPage.getByText(en("staff:signIn.notice.sessionEnded"))).toBeVisible();
  });

  await test.step("enabling lets the officer sign in again", async () => {
    await page.getByRole("button", { name: en("staff:account.enable") }).click();
    await expect(page.getByRole("status")).toHaveText(en("staff:account.done.enable"));
    expect(auditActions(officer.id)).toEqual(["staff_user.disabled", "staff_user.enabled"]);
  });

  await test.step("on their own account the administrator gets no such buttons, and a forged POST is refused", async () => {
    await page.goto(`/staff/admin/accounts/${admin.id}`);
    await expect(page.getByText(en("staff:account.selfAccess"))).toBeVisible();
    await expect(page.getByText(en("staff:account.selfRole"))).toBeVisible();
    await expect(page.getByRole("button", { name: en("staff:account.disable") })).toHaveCount(0);
    const forged: Record<string, string>[] = [
      { intent: "disable" },
      { intent: "role", role: "officer", center: "lahore" },
      { intent: "reset_totp" },
    ];
    for (const form of forged) {
      const response = await postForm(context, `/staff/admin/accounts/${admin.id}`, form);
      expect(response.status(), form.intent).toBe(422);
    }
    expect(findStaffUser(admin.email)?.role).toBe("admin");
    await page.goto("/staff");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:home.title"));
  });
  await officerContext.close();
});

test("an administrator changes a role, resets an authenticator app and unlocks an account", async ({ page, context }) => {
  await signInStaff(context, { role: "admin", displayName: "Ayesha Khan" });
  const officer = await createSignedInStaff({ role: "officer", displayName: "Hina Butt" });
  await page.goto(`/staff/admin/accounts/${officer.id}`);

  await test.step("a supervisor of another service center", async () => {
    await page.getByLabel(en("staff:roles.supervisor"), { exact: true }).check();
    await page.getByLabel(en("staff:invite.center"), { exact: true }).selectOption({ label: "Police Service Center, Gujrat" });
    await page.getByRole("button", { name: en("staff:account.saveRole") }).click();
    await expect(page.getByRole("status")).toHaveText(en("staff:account.done.role"));
    expect(findStaffUser(officer.email)?.role).toBe("supervisor");
    // An investigator has no center.
    await page.getByLabel(en("staff:roles.investigator"), { exact: true }).check();
    await page.getByRole("button", { name: en("staff:account.saveRole") }).click();
    await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.centerNotAllowed")]);
    await expectNoAxeViolations(page);
  });

  await test.step("the authenticator app is reset", async () => {
    await page.goto(`/staff/admin/accounts/${officer.id}`);
    await page.getByRole("button", { name: en("staff:account.resetTotp") }).click();
    await expect(page.getByRole("status")).toHaveText(en("staff:account.done.reset_totp"));
    await expect(page.getByText(en("staff:accounts.twoFactorNotSetUp"), { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: en("staff:account.resetTotp") })).toHaveCount(0);
  });

  await test.step("a locked account is unlocked", async () => {
    const until = new Date(Date.now() + 10 * 60_000).toISOString();
    withDb((db) => db.prepare("UPDATE staff_user SET locked_until = ? WHERE id = ?").run(until, officer.id));
    await page.reload();
    await expect(page.getByText(en("staff:accounts.statuses.locked"), { exact: false }).first()).toBeVisible();
    await page.getByRole("button", { name: en("staff:account.unlock") }).click();
    await expect(page.getByRole("status")).toHaveText(en("staff:account.done.unlock"));
    expect(withDb((db) => db.prepare("SELECT locked_until FROM staff_user WHERE id = ?").get(officer.id))).toEqual({ locked_until: null });
  });
  expect(auditActions(officer.id)).toEqual(
    expect.arrayContaining(["staff_user.role_changed", "staff_user.totp_reset", "staff_user.unlocked"]),
  );
});

test("an administrator edits a center's details; the change is audited", async ({ page, context }) => {
  await signInStaff(context, { role: "admin" });
  await page.goto("/staff/admin/centers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:centers.title"));
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Consulate General of Pakistan, Barcelona" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    en("staff:center.title", { name: "Consulate General of Pakistan, Barcelona" }),
  );
  await expectNoAxeViolations(page);

  const phone = page.getByLabel(en("staff:center.phone"), { exact: true });
  await phone.fill("12");
  await page.getByLabel(en("staff:center.referralCode"), { exact: true }).fill("x");
  await page.getByRole("button", { name: en("staff:center.submit") }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    en("staff:validation.phoneFormat"),
    en("staff:validation.referralFormat"),
  ]);
  await expectNoAxeViolations(page);

  await phone.fill("+34 932 154 000");
  await page.getByLabel(en("staff:center.referralCode"), { exact: true }).fill("barcelona");
  await page.getByRole("button", { name: en("staff:center.submit") }).click();
  await expect(page).toHaveURL(/\/staff\/admin\/centers\?saved=barcelona$/);
  await expect(page.getByRole("status")).toHaveText(en("staff:centers.saved", { name: "Consulate General of Pakistan, Barcelona" }));
  expect(withDb((db) => db.prepare("SELECT phone, referral_code FROM center WHERE slug = 'barcelona'").get())).toEqual({
    phone: "+34932154000",
    referral_code: "BARCELONA",
  });
  expect(auditActions("barcelona")).toContain("center.updated");

  // Put the number back: other specs read the public list of centers.
  await page.getByRole("link", { name: "Consulate General of Pakistan, Barcelona" }).click();
  await phone.fill("");
  await page.getByRole("button", { name: en("staff:center.submit") }).click();
  await expect(page).toHaveURL(/saved=barcelona/);
});

test("a center's address and hours reach the public only once an administrator confirms them", async ({ page, context, browser }) => {
  test.slow();
  const address = "Test address 1, 28001 Madrid";
  // A context of its own: axe runs in it, and the visitor shares nothing with the administrator.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const centerPage = async (lang: Lang) => {
    await visitor.goto(`/${lang}/centers/madrid`);
    return visitor.locator("main");
  };
  const hoursLine = (lang: Lang, from: number, to: number, opens: string, closes: string) =>
    t(lang, "centers:hoursLine", {
      days: t(lang, "centers:dayRange", { from: weekdayName(lang, from), to: weekdayName(lang, to) }),
      times: t(lang, "centers:timeRange", { opens: formatClockTime(lang, opens), closes: formatClockTime(lang, closes) }),
    });
  const fillDay = async (day: number, opens: string, closes: string) => {
    const row = page.getByRole("group", { name: weekdayName("en", day), exact: true });
    await row.getByLabel(en("staff:center.opens"), { exact: true }).fill(opens);
    await row.getByLabel(en("staff:center.closes"), { exact: true }).fill(closes);
  };
  for (const lang of LANGUAGES) await expect(await centerPage(lang)).toContainText(t(lang, "centers:notConfirmed"));

  await signInStaff(context, { role: "admin" });
  await page.goto("/staff/admin/centers/madrid");
  await expect(page.getByText(en("staff:center.notConfirmed"))).toBeVisible();
  // Nothing to confirm yet.
  await page.getByRole("button", { name: en("staff:center.confirm") }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.nothingToConfirm")]);

  await page.getByLabel(en("staff:center.address"), { exact: true }).fill(address);
  await fillDay(1, "09:00", "");
  await fillDay(2, "14:00", "09:00");
  await page.getByLabel(en("staff:center.phone"), { exact: true }).fill("12");
  await page.getByLabel(en("staff:center.latitude"), { exact: true }).fill("91");
  await page.getByLabel(en("staff:center.longitude"), { exact: true }).fill("-3.8196");
  await page.getByRole("button", { name: en("staff:center.submit") }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    en("staff:validation.hoursBothTimes", { day: "Monday" }),
    en("staff:validation.hoursCloseAfterOpen", { day: "Tuesday" }),
    en("staff:validation.phoneFormat"),
    en("staff:validation.latitudeFormat"),
  ]);
  // The summary's link for a day goes to that day's first box; every answer is kept.
  await errorSummary(page)
    .getByRole("link", { name: en("staff:validation.hoursCloseAfterOpen", { day: "Tuesday" }) })
    .click();
  await expect(page.locator("#hours2Opens")).toBeFocused();
  await expect(page.getByLabel(en("staff:center.address"), { exact: true })).toHaveValue(address);
  await expect(page.locator("#hours2Closes")).toHaveValue("09:00");
  await expect(page.getByLabel(en("staff:center.longitude"), { exact: true })).toHaveValue("-3.8196");

  for (const day of [1, 2, 3, 4, 5]) await fillDay(day, "09:00", "13:00");
  await page.getByLabel(en("staff:center.phone"), { exact: true }).fill("+34 91 000 0000");
  await page.getByLabel(en("staff:center.latitude"), { exact: true }).fill("40,4381");
  await page.getByLabel(en("centers:service.certificate_help"), { exact: true }).check();
  await page.getByLabel(en("centers:service.report_help"), { exact: true }).check();
  await page.getByLabel("Urdu", { exact: true }).check();
  await page.getByLabel("Spanish", { exact: true }).check();
  await page.getByRole("button", { name: en("staff:center.submit") }).click();
  await expect(page).toHaveURL(/saved=madrid/);

  // Saved but not confirmed: the public still sees no address.
  const unconfirmed = await centerPage("en");
  await expect(unconfirmed).toContainText(t("en", "centers:notConfirmed"));
  await expect(unconfirmed).not.toContainText(address);

  await page.goto("/staff/admin/centers/madrid");
  await page.getByRole("button", { name: en("staff:center.confirm") }).click();
  await expect(page.getByRole("status")).toHaveText(en("staff:center.confirmedSaved"));
  expect(auditActions("madrid")).toContain("center.details_confirmed");
  for (const lang of LANGUAGES) {
    const main = await centerPage(lang);
    await expect(main.locator("[dir=auto]", { hasText: address })).toBeVisible();
    await expect(main.getByRole("listitem")).toContainText([hoursLine(lang, 1, 5, "09:00", "13:00")]);
    await expect(main).toContainText(t(lang, "centers:closed"));
    await expect(main.getByRole("link", { name: "+34910000000" })).toHaveAttribute("href", "tel:+34910000000");
    await expect(main).toContainText(t(lang, "centers:service.report_help"));
    await expect(main).toContainText(languageName(lang, "es"));
    await expect(main.getByRole("link", { name: t(lang, "centers:openInMapApp") })).toHaveAttribute("href", "geo:40.438100,-3.819600");
    await expect(main).not.toContainText(t(lang, "centers:notConfirmed"));
    // "Apply online" carries the embassy's referral code.
    await expect(main.getByRole("button", { name: t(lang, "centers:page.apply") })).toHaveAttribute(
      "href",
      `/${lang}/certificate?ref=MADRID`,
    );
    await expectNoAxeViolations(visitor);
  }
  // The directory keeps to the address and the phone.
  await visitor.goto("/en/centers");
  const entry = visitor.getByRole("listitem").filter({ has: visitor.getByRole("link", { name: "Embassy of Pakistan, Madrid" }) });
  await expect(entry).toContainText(address);
  await expect(entry).not.toContainText(t("en", "centers:openingHours"));

  // Any later edit of the details takes the confirmation away.
  await fillDay(6, "10:00", "12:00");
  await page.getByRole("button", { name: en("staff:center.submit") }).click();
  await expect(page).toHaveURL(/saved=madrid/);
  await expect(await centerPage("en")).toContainText(t("en", "centers:notConfirmed"));

  // Leave the center as the seed has it: other specs read the public pages.
  await page.goto("/staff/admin/centers/madrid");
  for (const label of ["staff:center.address", "staff:center.phone", "staff:center.latitude", "staff:center.longitude"])
    await page.getByLabel(en(label), { exact: true }).fill("");
  for (const day of [1, 2, 3, 4, 5, 6, 7]) await fillDay(day, "", "");
  for (const label of [en("centers:service.certificate_help"), en("centers:service.report_help"), "Urdu", "Spanish"])
    await page.getByLabel(label, { exact: true }).uncheck();
  await page.getByRole("button", { name: en("staff:center.submit") }).click();
  await expect(page).toHaveURL(/saved=madrid/);
  await visitorContext.close();
});

test("administration pages are for administrators only", async ({ page, context }) => {
  await signInStaff(context, { role: "supervisor" });
  for (const path of ["/staff/admin/accounts", "/staff/admin/accounts/new", "/staff/admin/centers", "/staff/admin/centers/lahore"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("errors.forbidden.title"));
  }
  const invite = await postForm(context, "/staff/admin/accounts/new", {
    displayName: "Intruder",
    email: "intruder@example.com",
    role: "admin",
  });
  expect(invite.status()).toBe(403);
  expect(findStaffUser("intruder@example.com")).toBeUndefined();
  await page.goto("/staff");
  await expect(page.getByRole("link", { name: en("staff:accounts.title") })).toHaveCount(0);
});
