/**
 * The audit log in the back office: a supervisor sees their own center's events and nothing of
 * another center's applications; an administrator sees everything and verifies the hash chain;
 * reading the log is itself recorded; other roles get no log at all.
 */
import { expect, test } from "@playwright/test";
import { auditHash } from "../../app/domain/audit-chain";
import { testApplication } from "../../test/support/application-fixture";
import { withDb, withStore } from "../support/db";
import { t } from "../support/locales";
import { createSignedInStaff, signInStaff } from "../support/staff";
import { expectNoAxeViolations } from "../support/axe";

const en = (key: string, values?: Record<string, string>) => t("en", key, values);

/** A submitted application at a center, written straight into the store. */
async function insertApplication(centerSlug: string): Promise<{ id: string; reference: string }> {
  const application = testApplication({ status: "submitted", submitted_at: new Date().toISOString(), center_slug: centerSlug });
  await withStore((store) => store.db.insertInto("application").values(application).execute());
  return { id: application.id, reference: application.reference };
}

/** Appends an event to the chain exactly as the app does (same hash, head moved), so the chain stays intact. */
function appendAuditEvent(event: { actorId: string; action: string; entityType: string; entityId: string }) {
  withDb((db) =>
    db
      .transaction(() => {
        const head = db.prepare("SELECT hash FROM audit_chain_head WHERE chain = 'audit_event'").get() as { hash: string };
        const prevHash = head.hash;
        const content = {
          occurredAt: new Date().toISOString(),
          actorType: "staff",
          actorId: event.actorId,
          sessionRef: event.actorId.replace(/-/g, "").slice(0, 16),
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          details: "{}",
        };
        db.prepare(
          "INSERT INTO audit_event (occurred_at, actor_type, actor_id, session_ref, action, entity_type, entity_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ).run(
          content.occurredAt,
          content.actorType,
          content.actorId,
          content.sessionRef,
          content.action,
          content.entityType,
          content.entityId,
          content.details,
          prevHash,
          auditHash(prevHash, content),
        );
        db.prepare("UPDATE audit_chain_head SET hash = ? WHERE chain = 'audit_event'").run(auditHash(prevHash, content));
      })
      .immediate(),
  );
}

function viewedBy(staffId: string): number {
  return withDb(
    (db) =>
      (db.prepare("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'audit.viewed' AND actor_id = ?").get(staffId) as { n: number }).n,
  );
}

test("a supervisor sees their own center's events only; an administrator sees all and verifies the chain", async ({
  page,
  context,
  browser,
}) => {
  test.slow();
  const lahoreOfficer = await createSignedInStaff({ role: "officer", centerSlug: "lahore", displayName: "Bilal Ahmed" });
  const gujratOfficer = await createSignedInStaff({ role: "officer", centerSlug: "gujrat", displayName: "Tariq Mehmood" });
  const lahoreCase = await insertApplication("lahore");
  const gujratCase = await insertApplication("gujrat");
  appendAuditEvent({ actorId: lahoreOfficer.id, action: "application.claim", entityType: "application", entityId: lahoreCase.id });
  appendAuditEvent({ actorId: gujratOfficer.id, action: "application.claim", entityType: "application", entityId: gujratCase.id });
  // Even a Lahore officer's action on Gujrat's application stays Gujrat's.
  appendAuditEvent({ actorId: lahoreOfficer.id, action: "application.release", entityType: "application", entityId: gujratCase.id });

  const supervisor = await signInStaff(context, { role: "supervisor", centerSlug: "lahore", displayName: "Imran Qureshi" });

  await test.step("the supervisor reaches the log from the staff home page", async () => {
    await page.goto("/staff");
    await page.getByRole("link", { name: en("staff:audit.title") }).click();
    await expect(page).toHaveURL(/\/staff\/audit$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en("staff:audit.title"));
    await expect(page.getByText(en("staff:audit.leadCenter"))).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step("their center's application events are there, the other center's are not", async () => {
    const table = page.getByRole("table", { name: en("staff:audit.caption") });
    await expect(table.getByRole("row").filter({ hasText: lahoreCase.reference })).toHaveCount(1);
    await expect(table.getByRole("row").filter({ hasText: lahoreCase.reference })).toContainText("Bilal Ahmed");
    await expect(page.getByText(gujratCase.reference)).toHaveCount(0);
    await expect(page.getByText("Tariq Mehmood")).toHaveCount(0);
    // Asking for it by reference finds nothing either.
    await page.goto(`/staff/audit?entity=${encodeURIComponent(gujratCase.reference)}`);
    await expect(page.getByText(en("staff:audit.empty"))).toBeVisible();
    await page.goto(`/staff/audit?entity=${encodeURIComponent(lahoreCase.reference.toLowerCase())}`);
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(2); // header + the claim
  });

  await test.step("filters are checked like a form, and the supervisor cannot verify the chain", async () => {
    await page.goto("/staff/audit?from=2026-13-01&to=2026-01-01");
    await expect(page.getByRole("alert").getByRole("link")).toHaveText([en("staff:validation.dateFormat")]);
    await expect(page).toHaveTitle(new RegExp(`^${en("form.errorPrefix")}: `));
    await expectNoAxeViolations(page);
    await expect(page.getByRole("button", { name: en("staff:audit.verify.submit") })).toHaveCount(0);
    const origin = new URL(test.info().project.use.baseURL!).origin;
    const forged = await context.request.post("/staff/audit", {
      headers: { Origin: origin, "Sec-Fetch-Site": "same-origin" },
      form: {},
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(viewedBy(supervisor.id)).toBeGreaterThanOrEqual(3);
  });

  await test.step("the administrator sees both centers and verifies the chain", async () => {
    const adminContext = await browser.newContext();
    const admin = await createSignedInStaff({ role: "admin", displayName: "Ayesha Khan" });
    await adminContext.addCookies(admin.cookies);
    const adminPage = await adminContext.newPage();
    await adminPage.goto("/staff/audit?lng=en");
    await expect(adminPage.getByText(en("staff:audit.leadAny"))).toBeVisible();
    await expect(adminPage.getByText(gujratCase.reference)).toHaveCount(2);
    await expect(adminPage.getByText(lahoreCase.reference)).toHaveCount(1);
    // The supervisor's viewing is in the log, by name.
    await adminPage.getByText(en("staff:audit.filters"), { exact: true }).click();
    await adminPage.getByLabel(en("staff:audit.action"), { exact: true }).fill("audit.viewed");
    await adminPage.getByLabel(en("staff:audit.actor"), { exact: true }).selectOption(supervisor.id);
    await adminPage.getByRole("button", { name: en("staff:audit.apply") }).click();
    await expect(adminPage).toHaveURL(/action=audit\.viewed/);
    await expect(adminPage.getByRole("table").getByRole("row").nth(1)).toContainText("Imran Qureshi");
    await expectNoAxeViolations(adminPage);

    await adminPage.getByRole("button", { name: en("staff:audit.verify.submit") }).click();
    await expect(adminPage.getByRole("status")).toHaveText(/^The chain is intact: \d+ events checked\.$/);
    await expectNoAxeViolations(adminPage);
    expect(
      withDb((db) => db.prepare("SELECT details FROM audit_event WHERE action = 'audit.chain_verified' AND actor_id = ?").all(admin.id)),
    ).toEqual([{ details: expect.stringContaining('"intact":true') }]);
    await adminContext.close();
  });

  await test.step("the log is in the staff member's language", async () => {
    await page.goto("/staff/audit?lng=ur");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ur", "staff:audit.title"));
    await expectNoAxeViolations(page);
  });
});

test("roles without an audit permission get no log", async ({ page, context }) => {
  await signInStaff(context, { role: "officer" });
  const response = await page.goto("/staff/audit");
  expect(response?.status()).toBe(403);
  await page.goto("/staff");
  await expect(page.getByRole("link", { name: en("staff:audit.title") })).toHaveCount(0);
});
