/**
 * A case from the officer's side: sign in with TOTP, claim, ask the applicant for information, see
 * the answer, approve; a second officer cannot touch a claimed case until a supervisor reassigns
 * it; every step is in the audit log, whose chain verifies and breaks when a row is tampered with.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { testApplication } from "../../test/support/application-fixture";
import { auditActions, E2E_DATABASE, withStore } from "../support/db";
import {
  fillAddress,
  fillContact,
  fillPersonal,
  fillPurposeAndDelivery,
  startApplication,
  submitApplication,
  trackApplication,
  uploadDocuments,
} from "../support/journey";
import { t } from "../support/locales";
import { createSignedInStaff, openCase, signInStaff, signInWithTotp } from "../support/staff";

/** The journey's last address is in Gujrat district, so the Gujrat service center handles the case. */
const CENTER = "gujrat";
const en = (key: string, values?: Record<string, string>) => t("en", key, values);

async function applyFromAbroad(browser: Browser): Promise<{ reference: string; applicant: Page }> {
  const applicant = await (await browser.newContext()).newPage();
  await startApplication(applicant, "en", "self");
  await fillPersonal(applicant, "en");
  await fillContact(applicant, "en", `case-${Date.now()}@example.com`);
  await fillAddress(applicant, "en");
  await fillPurposeAndDelivery(applicant, "en");
  await uploadDocuments(applicant, "en");
  return { reference: await submitApplication(applicant, "en"), applicant };
}

const caseId = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;

test("an officer works a case from claim to approval, and nobody else can act on it", async ({ browser }) => {
  test.setTimeout(90_000);
  const { reference, applicant } = await applyFromAbroad(browser);
  const first = await signInWithTotp(
    browser,
    await createSignedInStaff({ role: "officer", displayName: "Ayesha Siddiqui", centerSlug: CENTER }),
  );

  await first.getByRole("link", { name: en("cases:queue.title") }).click();
  await openCase(first, reference);
  await first.getByRole("button", { name: en("cases:case.claim") }).click();
  await expect(first.getByRole("status")).toHaveText(en("cases:case.done.claim"));

  const question = "Please upload a copy of your Greek residence permit.";
  await first.getByRole("button", { name: en("cases:case.requestInformation") }).click();
  await expect(first.getByRole("alert").first()).toContainText(en("cases:case.problems.questionRequired"));
  await first.getByLabel(en("cases:case.question")).fill(question);
  await first.getByRole("button", { name: en("cases:case.requestInformation") }).click();
  await expect(first.getByRole("status")).toHaveText(en("cases:case.done.request_information"));

  // A second officer of the same center sees the case but cannot act on it.
  const secondStaff = await createSignedInStaff({ role: "officer", displayName: "Usman Tariq", centerSlug: CENTER });
  const second = await (await browser.newContext()).newPage();
  await second.context().addCookies(secondStaff.cookies);
  await second.goto(first.url().split("?")[0]!);
  await expect(second.getByText(en("cases:case.assignedToOther", { name: "Ayesha Siddiqui" })).first()).toBeVisible();
  await expect(second.getByRole("button", { name: en("cases:case.approve") })).toHaveCount(0);
  const origin = new URL(second.url()).origin;
  const forged = await second.request.post(second.url(), {
    form: { intent: "release", version: "3" },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain(en("cases:case.assignedToOther", { name: "Ayesha Siddiqui" }));

  // The applicant answers on the tracking page; the case returns to the officer.
  await trackApplication(applicant, "en", reference);
  await expect(applicant.getByText(question)).toBeVisible();
  await applicant.getByLabel(en("track:request.answer")).fill("My permit is attached.");
  await applicant.getByRole("button", { name: en("track:request.submit") }).click();
  await expect(applicant.getByText(en("track:request.sent"))).toBeVisible();

  await first.goto(first.url().split("?")[0]!);
  await expect(first.getByText("My permit is attached.")).toBeVisible();
  await first.getByLabel(en("cases:case.note")).fill("Permit checked against the scan: matches.");
  await first.getByRole("button", { name: en("cases:case.addNote") }).click();
  await first.getByRole("button", { name: en("cases:case.approve") }).click();
  await expect(first.getByRole("status")).toHaveText(en("cases:case.done.approve"));

  // Approving issues the certificate in the same request: the applicant sees it ready.
  await applicant.reload();
  await expect(applicant.getByText(en("track:status.issued.label"), { exact: true })).toBeVisible();
  await expect(applicant.getByRole("heading", { name: en("track:certificate.heading"), exact: true })).toBeVisible();

  const actions = auditActions(caseId(first));
  for (const step of [
    "application.submitted",
    "case.viewed",
    "application.claim",
    "application.request_information",
    "application.applicant_answered",
    "case.note_added",
    "application.approve",
    "certificate.issued",
    "application.issue",
  ]) {
    expect(actions).toContain(step);
  }
});

test("a supervisor reassigns a claimed case, and then the new officer may act", async ({ browser, context, page }) => {
  test.setTimeout(90_000);
  const { reference } = await applyFromAbroad(browser);
  const owner = await signInWithTotp(browser, await createSignedInStaff({ role: "officer", displayName: "Hina Rauf", centerSlug: CENTER }));
  await openCase(owner, reference);
  await owner.getByRole("button", { name: en("cases:case.claim") }).click();

  const successor = await createSignedInStaff({ role: "officer", displayName: "Kamran Javed", centerSlug: CENTER });
  await signInStaff(context, { role: "supervisor", displayName: "Nadia Hussain", centerSlug: CENTER });
  await openCase(page, reference, "in_review");
  await page.getByLabel(en("cases:case.reassignTo")).selectOption({ label: "Kamran Javed" });
  await page.getByRole("button", { name: en("cases:case.reassign") }).click();
  await expect(page.getByRole("status")).toHaveText(en("cases:case.done.reassign"));

  const next = await (await browser.newContext()).newPage();
  await next.context().addCookies(successor.cookies);
  await openCase(next, reference, "in_review");
  await next.getByRole("button", { name: en("cases:case.release") }).click();
  await expect(next.getByRole("status")).toHaveText(en("cases:case.done.release"));

  // The first officer's page is now stale: acting on it is a conflict, not an overwrite.
  await owner.getByRole("button", { name: en("cases:case.release") }).click();
  await expect(owner.getByRole("alert").first()).toContainText(/./);
});

test("audit:verify passes on the log, and names the row that was tampered with", async () => {
  const run = (databaseFile: string) => {
    try {
      return {
        code: 0,
        out: execFileSync("node_modules/.bin/tsx", ["scripts/audit-verify.ts"], {
          env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
          encoding: "utf8",
          stdio: "pipe",
        }),
      };
    } catch (error) {
      const failed = error as { status: number; stderr: string };
      return { code: failed.status, out: failed.stderr };
    }
  };
  // A consistent copy, so the tampering does not touch the database other tests use.
  const copy = test.info().outputPath("audit-copy.sqlite");
  const live = new Database(E2E_DATABASE, { readonly: true });
  await live.backup(copy);
  live.close();
  expect(run(copy)).toMatchObject({ code: 0, out: expect.stringMatching(/intact: \d+ event/) });

  const db = new Database(copy);
  const { seq } = db.prepare("SELECT seq FROM audit_event WHERE action = 'application.claim' ORDER BY seq LIMIT 1").get() as {
    seq: number;
  };
  db.exec("DROP TRIGGER audit_event_no_update");
  db.prepare("UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = ?").run(seq);
  db.close();
  const broken = run(copy);
  expect(broken.code).toBe(1);
  expect(broken.out).toContain(`seq ${seq}`);
  fs.rmSync(copy, { force: true });
});

const URDU_ADDRESS = "مکان ۱۲، گلی ۴، سول لائنز";
const URDU_QUESTION = "آپ کے پاسپورٹ کی کاپی صاف نہیں ہے، کیا آپ دوبارہ بھیج سکتے ہیں؟";

test("Urdu answers keep their own direction on the English case page; each action has its own hint", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const officer = await signInStaff(context, { role: "officer", centerSlug: "lahore", displayName: "عائشہ صدیقی" });
  const now = new Date().toISOString();
  const application = testApplication({
    status: "in_review",
    submitted_at: now,
    assigned_to: officer.id,
    full_name: "علی خان",
    name_search: "علی خان",
    residence_city: "ایتھنز",
  });
  await withStore(async (store) => {
    await store.db.insertInto("application").values(application).execute();
    await store.db
      .insertInto("application_address")
      .values({
        application_id: application.id,
        position: 0,
        district: "لاہور",
        police_station: "سول لائنز",
        address: URDU_ADDRESS,
        from_month: "2005-06",
        to_month: null,
      })
      .execute();
    await store.db
      .insertInto("information_request")
      .values({
        id: randomUUID(),
        application_id: application.id,
        question: URDU_QUESTION,
        asked_by: officer.id,
        asked_at: now,
        answer: "جی ہاں، میں نے نئی کاپی بھیج دی ہے۔",
        answered_at: now,
      })
      .execute();
  });
  const page = await context.newPage();
  await page.goto(`/staff/cases/${application.id}`);

  // The typed Urdu sits in its own isolate, apart from the English words and punctuation around it.
  const address = page.locator("bdi", { hasText: URDU_ADDRESS });
  await expect(address).toHaveText(URDU_ADDRESS);
  // The period in words of the page's language, not the stored "2005-06".
  await expect(page.locator("li", { hasText: URDU_ADDRESS })).toContainText("(June 2005 – …)");
  await expect(page.locator('[dir="auto"]', { hasText: URDU_QUESTION })).toHaveText(URDU_QUESTION);
  await expect(page.locator(".summary-list__value bdi", { hasText: "ایتھنز" })).toHaveText("ایتھنز");

  // Approve and Release each in their own block; the approve hint describes the Approve button only.
  const approve = page.getByRole("button", { name: en("cases:case.approve") });
  const release = page.getByRole("button", { name: en("cases:case.release") });
  await expect(approve).toHaveAccessibleDescription(en("cases:case.hints.approve"));
  await expect(release).toHaveAccessibleDescription(en("cases:case.hints.release"));
  const [approveBox, releaseBox] = [await approve.boundingBox(), await release.boundingBox()];
  expect(approveBox!.y).toBeGreaterThan(releaseBox!.y + releaseBox!.height);

  // The rejection reason starts from its own prompt, not the queue filter's "Any".
  await expect(page.getByLabel(en("cases:case.reason"), { exact: true }).locator("option").first()).toHaveText(
    en("cases:certificate.revoke.choose"),
  );
  await expect(page.getByLabel(en("cases:case.reason"), { exact: true }).locator("option").first()).not.toHaveText(en("cases:queue.any"));

  // Staff machines may have no Urdu font: the page brings Nastaliq, so the Urdu is not drawn as boxes.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, "")));
  expect(loaded).toContain("Noto Nastaliq Urdu");

  const shot = test.info().outputPath("staff-case-390.png");
  await page.screenshot({ path: shot, fullPage: true });
  await test.info().attach("staff-case-390", { path: shot, contentType: "image/png" });
  await context.close();
});
