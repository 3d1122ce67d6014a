/**
 * Staff members signed in without the forms: an account with a confirmed authenticator app and a
 * full session, written straight into the end-to-end server's store, and the cookie that goes
 * with it. Specs about the queue, cases or accounts start here instead of clicking through sign-in
 * (e2e/staff/sign-in.spec.ts covers that).
 *
 *   const staff = await signInStaff(context, { role: "supervisor" });
 *   await page.goto("/staff");
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import { type Browser, type BrowserContext, type BrowserContextOptions, expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { insertStaffSession } from "../../app/models/staff-session.server";
import { confirmTotpSecret, newTotpSecret, sealTotpSecret } from "../../app/models/staff-totp.server";
import { insertStaffUser } from "../../app/models/staff-user.server";
import { openStore, type Store } from "../../db/connect";
import { BASE_URL, E2E_DATA_DIR } from "../../playwright.config";
import { E2E_DATABASE } from "./db";
import { t } from "./locales";

export type StaffRole = "officer" | "supervisor" | "investigator" | "embassy_desk" | "admin";

export type StaffCookie = {
  name: string;
  value: string;
  domain: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Lax";
};

export type TestStaffMember = {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  centerSlug: string | null;
  password: string;
  /** Base32 TOTP secret, for specs that sign in again through the forms. */
  totpSecret: string;
  /** For `context.addCookies(staff.cookies)`. */
  cookies: StaffCookie[];
};

/** Roles that work on a center's cases get one (a seeded service center); the others do not. */
const DEFAULT_CENTER: Record<StaffRole, string | null> = {
  officer: "lahore",
  supervisor: "lahore",
  embassy_desk: "athens",
  investigator: null,
  admin: null,
};

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The portal whose store the account goes into: the e2e server unless a config says otherwise. */
export type StaffTarget = { openStore: () => Store; documentKey: () => Buffer; baseUrl: string };

/** The e2e server's SQLite file, and the key the server generated at its first start (it gets no DOCUMENT_KEY). */
const E2E_TARGET: StaffTarget = {
  openStore: () => openStore({ dialect: "sqlite", path: E2E_DATABASE }),
  documentKey: () => {
    const secrets = JSON.parse(fs.readFileSync(path.resolve(ROOT, E2E_DATA_DIR, "secrets.json"), "utf8")) as { documentKey: string };
    return Buffer.from(secrets.documentKey, "base64");
  },
  baseUrl: BASE_URL,
};

let passwordHash: Promise<string> | undefined;
const PASSWORD = "chai at the anarkali bazaar at dawn";

export async function createSignedInStaff(
  options: { role?: StaffRole; centerSlug?: string | null; displayName?: string } = {},
  target: StaffTarget = E2E_TARGET,
): Promise<TestStaffMember> {
  const role = options.role ?? "officer";
  const centerSlug = options.centerSlug === undefined ? DEFAULT_CENTER[role] : options.centerSlug;
  const displayName = options.displayName ?? "Sana Malik";
  const email = `${role}.${randomUUID()}@police.example.pk`;
  passwordHash ??= hash(PASSWORD);
  const totpSecret = newTotpSecret();
  const store = target.openStore();
  try {
    const hashed = await passwordHash;
    const { id, token } = await store.db.transaction().execute(async (trx) => {
      const id = await insertStaffUser(trx, { email, displayName, passwordHash: hashed, role, centerSlug });
      // Confirmed at step 0, so every real code is newer: signing in through the forms still works.
      await confirmTotpSecret(trx, id, sealTotpSecret(target.documentKey(), id, totpSecret), 0);
      const { token } = await insertStaffSession(trx, id, "full");
      return { id, token };
    });
    const cookies: StaffCookie[] = [
      // Secure: the e2e server runs with NODE_ENV=production, as the app sets it (Chromium accepts it on localhost).
      {
        name: "pscg_staff",
        value: token,
        domain: new URL(target.baseUrl).hostname,
        path: "/staff",
        httpOnly: true,
        secure: true,
        sameSite: "Lax",
      },
    ];
    return { id, email, displayName, role, centerSlug, password: PASSWORD, totpSecret, cookies };
  } finally {
    await store.close();
  }
}

/** Creates a signed-in staff member and puts the session cookie into the browser context. */
export async function signInStaff(
  context: BrowserContext,
  options: Parameters<typeof createSignedInStaff>[0] = {},
): Promise<TestStaffMember> {
  const staff = await createSignedInStaff(options);
  await context.addCookies(staff.cookies);
  return staff;
}

const en = (key: string, values?: Record<string, string>) => t("en", key, values);

/** Signs in through the forms in a new browser context: password, then the code the authenticator app shows now. */
export async function signInWithTotp(browser: Browser, staff: TestStaffMember, contextOptions: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(contextOptions)).newPage();
  await page.goto("/staff/login");
  await page.getByLabel(en("staff:setup.email"), { exact: true }).fill(staff.email);
  await page.getByLabel(en("staff:setup.password"), { exact: true }).fill(staff.password);
  await page.getByRole("button", { name: en("staff:signIn.submit") }).click();
  await page.getByLabel(en("staff:totp.code"), { exact: true }).fill(new TOTP({ secret: Secret.fromBase32(staff.totpSecret) }).generate());
  await page.getByRole("button", { name: en("staff:totp.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:home.title"));
  return page;
}

/** Finds a case in the queue by its reference and opens it. */
export async function openCase(page: Page, reference: string, tab = "new") {
  await page.goto(`/staff/queue?tab=${tab}&q=${reference}`);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("cases:case.title", { reference }));
}
