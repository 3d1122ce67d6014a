import { hash } from "@node-rs/argon2";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { auditActions, countAuditEvents, insertStaffUser } from "../support/db";
import { pageTitle, t } from "../support/locales";
import { signInStaff } from "../support/staff";
import { expectNoAxeViolations } from "../support/axe";
import { errorSummary } from "../support/forms";

const en = (key: string, values?: Record<string, string>) => t("en", key, values);
const SIGN_IN_TITLE = pageTitle("en", en("staff:signIn.title"));

async function enterPassword(page: Page, email: string, password: string) {
  await page.getByLabel(en("staff:setup.email"), { exact: true }).fill(email);
  await page.getByLabel(en("staff:setup.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: en("staff:signIn.submit") }).click();
}

async function enterCode(page: Page, label: string, code: string) {
  await page.getByLabel(label, { exact: true }).fill(code);
  await page.getByRole("button", { name: en("staff:totp.submit") }).click();
}

/** What the phone shows `offsetMs` from now. */
const codeFor = (secret: string, offsetMs = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetMs });

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === "pscg_staff");
  if (!cookie) throw new Error("no staff session cookie");
  return cookie;
}

test("a staff member signs in with a password and an authenticator app, and signs out", async ({ page, context }) => {
  const email = `bilal.ahmed.${Date.now()}@police.example.pk`;
  const password = "kites over the badshahi mosque";
  const id = insertStaffUser({
    email,
    displayName: "Bilal Ahmed",
    passwordHash: await hash(password),
    role: "officer",
    centerSlug: "lahore",
  });
  let secret = "";
  let recoveryCodes: string[] = [];

  await test.step("a staff page sends a visitor to sign in, and remembers where they were going", async () => {
    const response = await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/login$/);
    expect(response?.headers()["cache-control"]).toBe("no-store");
    await expect(page).toHaveTitle(SIGN_IN_TITLE);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:signIn.title"));
    await expect(page.getByText(en("staff:signIn.lockoutHint", { attempts: "5", minutes: "15" }))).toBeVisible();
  });

  await test.step("a wrong password and an unknown address get the same message; the address is kept", async () => {
    for (const [tryEmail, tryPassword] of [
      [email, "kites over the shalimar gardens"],
      [`nobody.${Date.now()}@police.example.pk`, password],
    ] as const) {
      await enterPassword(page, tryEmail, tryPassword);
      await expect(page).toHaveTitle(`${en("form.errorPrefix")}: ${SIGN_IN_TITLE}`);
      await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.signInIncorrect")]);
      await expect(errorSummary(page).getByRole("link")).toHaveAttribute("href", "#email");
      await expect(page.getByLabel(en("staff:setup.email"), { exact: true })).toHaveValue(tryEmail);
      await expect(page.getByLabel(en("staff:setup.password"), { exact: true })).toHaveValue("");
    }
    await expectNoAxeViolations(page);
  });

  await test.step("the first sign-in sets up the authenticator app from a QR code or a setup key", async () => {
    await enterPassword(page, email, password);
    await expect(page).toHaveURL(/\/staff\/totp\/setup$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:totpSetup.title"));
    const qr = page.getByRole("img", { name: en("staff:totpSetup.qrAlt") });
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
    const key = await page.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/).textContent();
    secret = key!.replace(/\s/g, "");

    // A pending sign-in reaches nothing else.
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/totp\/setup$/);

    await enterCode(page, en("staff:totpSetup.code"), "000000");
    await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.codeIncorrect")]);
    // The same secret after a failed attempt.
    await expect(page.getByText(key!, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await enterCode(page, en("staff:totpSetup.code"), codeFor(secret));
  });

  await test.step("ten recovery codes are shown once", async () => {
    await expect(page).toHaveURL(/\/staff\/totp\/recovery-codes$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:recoveryCodes.title"));
    const list = page.getByRole("list", { name: en("staff:recoveryCodes.heading") });
    recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: en("staff:recoveryCodes.continue") }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:home.title"));
    await expect(page.getByText(en("staff:home.greeting", { name: "Bilal Ahmed" }))).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/staff/totp/recovery-codes");
    await expect(page).toHaveURL(/\/staff$/);
  });

  await test.step("signing out ends the session: its cookie, replayed, leads back to sign-in", async () => {
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/staff" });
    expect(cookie.expires).toBe(-1);
    await page.getByRole("button", { name: en("staff:signOut.submit") }).click();
    await expect(page).toHaveURL(/\/staff\/login\?signedOut=1$/);
    await expect(page.getByText(en("staff:signIn.notice.signedOut"))).toBeVisible();
    await context.addCookies([cookie]);
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/login\?ended=1$/);
    await expect(page.getByText(en("staff:signIn.notice.sessionEnded"))).toBeVisible();
  });

  await test.step("the next sign-in asks for a code, and returns to the page asked for", async () => {
    // ?lng= travels along every redirect of the sign-in, and so does a checked ?redirectTo=.
    await page.goto("/staff?lng=en");
    await expect(page).toHaveURL(/\/staff\/login\?lng=en$/);
    await page.goto("/staff/login?redirectTo=%2Fstaff%3Ffrom%3Dqueue&lng=en");
    await enterPassword(page, email, password);
    await expect(page).toHaveURL(/\/staff\/totp\?redirectTo=%2Fstaff%3Ffrom%3Dqueue&lng=en$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:totp.title"));
    // The setup used this step's code: the phone's next one is newer, and inside the window.
    const code = codeFor(secret, 30_000);
    await enterCode(page, en("staff:totp.code"), code);
    await expect(page).toHaveURL(/\/staff\?from=queue&lng=en$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:home.title"));

    await test.step("the same code cannot be used again", async () => {
      await page.getByRole("button", { name: en("staff:signOut.submit") }).click();
      await enterPassword(page, email, password);
      await enterCode(page, en("staff:totp.code"), code);
      await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.codeReplayed")]);
      await expectNoAxeViolations(page);
      // Remix adds ?index to a form posted to an index route.
      await expect(page).toHaveURL(/\/staff\/totp\?(index&)?lng=en$/);
    });

    await test.step("a recovery code works instead, once", async () => {
      await enterCode(page, en("staff:totp.code"), recoveryCodes[0]!.toLowerCase());
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:home.title"));
      await page.getByRole("button", { name: en("staff:signOut.submit") }).click();
      await enterPassword(page, email, password);
      await enterCode(page, en("staff:totp.code"), recoveryCodes[0]!);
      await expect(errorSummary(page).getByRole("link")).toHaveText([en("staff:validation.codeIncorrect")]);
    });
  });

  await test.step("each step is in the audit log", async () => {
    const actions = auditActions(id);
    expect(actions).toEqual(
      expect.arrayContaining([
        "staff_user.sign_in_failed",
        "staff_user.totp_enrolled",
        "staff_user.signed_in",
        "staff_user.signed_out",
        "staff_user.recovery_code_used",
      ]),
    );
    expect(actions.filter((a) => a === "staff_user.signed_in")).toHaveLength(3);
  });
});

test("a staff page keeps the language chosen with ?lng=", async ({ page, context }) => {
  await signInStaff(context, { role: "admin", displayName: "Ayesha Khan" });
  await page.goto("/staff?lng=ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ur", "staff:home.title"));
  await page.getByRole("button", { name: t("ur", "staff:signOut.submit") }).click();
  await expect(page).toHaveURL(/\/staff\/login\?signedOut=1&lng=ur$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ur", "staff:signIn.title"));
});

test("the fixture signs staff in without the forms", async ({ page, context }) => {
  const staff = await signInStaff(context, { role: "supervisor", displayName: "Imran Qureshi" });
  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:home.title"));
  await expect(page.getByText(en("staff:home.greeting", { name: staff.displayName }))).toBeVisible();
  await expect(page.getByText(en("staff:roles.supervisor"), { exact: true })).toBeVisible();
  await expect(page.getByText("Police Service Center, Lahore")).toBeVisible();
});

test("staff forms refuse a POST from another site", async ({ request }) => {
  const testStart = new Date().toISOString();
  const form = { email: "someone@police.example.pk", password: "anything at all here", code: "123456" };
  for (const path of ["/staff/login", "/staff/totp", "/staff/totp/setup", "/staff/logout", "/staff/setup"]) {
    // What a browser sends with a form posted from another site. assertSameOrigin answers 403.
    const crossSite = await request.post(path, { headers: { "Sec-Fetch-Site": "cross-site" }, form, maxRedirects: 0 });
    expect(crossSite.status(), path).toBe(403);
    // An Origin that is not ours is refused by the Express layer before Remix runs.
    const foreignOrigin = await request.post(path, { headers: { Origin: "http://evil.example" }, form, maxRedirects: 0 });
    expect(foreignOrigin.status(), path).toBe(403);
  }
  // Nothing reached the sign-in: no failed attempt was recorded for the address.
  expect(countAuditEvents("staff_user.sign_in_failed", testStart)).toBe(0);

  // The same form from our own pages gets an answer (here: the generic refusal).
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const own = await request.post("/staff/login", { headers: { Origin: origin, "Sec-Fetch-Site": "same-origin" }, form, maxRedirects: 0 });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain(en("staff:validation.signInIncorrect"));
});
