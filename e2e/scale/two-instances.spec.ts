/**
 * Two instances of the production build on one PostgreSQL database behind nginx, which hands each
 * request to the next instance in turn (no stickiness). The specs run in order: the mail check at
 * the end counts every mail the journeys before it caused.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { rateLimitKey } from "../../app/models/rate-limit.server";
import { MIGRATIONS } from "../../db/migration-list";
import {
  expectHeading,
  fillAddress,
  fillContact,
  fillPersonal,
  fillPurposeAndDelivery,
  startApplication,
  submitApplication,
  uploadDocuments,
} from "../support/journey";
import { t } from "../support/locales";
import { mailTo, receivedMails } from "../support/mail";
import { createSignedInStaff, openCase, signInWithTotp } from "../support/staff";
import { INSTANCE_NAMES, INSTANCE_PORTS, type InstanceName, SCALE_DIR, STACK_FILE } from "./scale-env";
import { direct, logLines, recordDocuments, run, SCALE_STAFF, servedBy, servedByResponse, viaNginx, withScaleStore } from "./scale-support";

test.describe.configure({ mode: "serial" });

const en = (key: string, values?: Record<string, string>) => t("en", key, values);
const c = (key: string) => en(`certificate:${key}`);
const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
const other = (name: InstanceName): InstanceName => (name === "a" ? "b" : "a");

/** The applicant's reference and address, for the staff spec. */
let reference = "";
let applicantEmail = "";

test("both instances migrated one empty database at the same moment, and nginx alternates between them", async ({ request }) => {
  const { startedAt } = JSON.parse(fs.readFileSync(STACK_FILE, "utf8")) as { startedAt: number[] };
  expect(Math.abs(startedAt[0]! - startedAt[1]!)).toBeLessThan(1_000);
  // Each instance migrated at start; Kysely's lock let one apply every migration and the other none.
  const applied = INSTANCE_NAMES.map((name) => {
    const ready = logLines(name).filter((line) => line.msg === "store ready");
    expect(ready, `instance ${name} said "store ready" once`).toHaveLength(1);
    return Number(ready[0]!.migrationsApplied);
  });
  const total = Object.keys(MIGRATIONS).length;
  expect(applied.sort((x, y) => x - y)).toEqual([0, total]);
  await withScaleStore(async ({ db }) => {
    const rows = await db
      .selectFrom("kysely_migration" as never)
      .select("name" as never)
      .execute();
    expect(rows).toHaveLength(total);
  });
  for (const port of INSTANCE_PORTS) expect((await direct({ port }, { path: "/readyz" })).status).toBe(200);

  // One request after another: a, b, a, b… (or b, a, …): strictly in turn, nothing sticks.
  const servers: InstanceName[] = [];
  for (let i = 0; i < 6; i += 1) servers.push(await servedByResponse(await request.get("/en")));
  for (let i = 1; i < servers.length; i += 1) expect(servers[i], `request ${i + 1} of ${servers.join(", ")}`).toBe(other(servers[i - 1]!));
});

test("plain http is redirected to https, and answers over https carry HSTS", async () => {
  const redirect = await direct(
    { socketPath: path.join(SCALE_DIR, "nginx", "http.sock") },
    { path: "/en/track", headers: { host: "localhost" } },
  );
  expect(redirect.status).toBe(301);
  expect(redirect.headers.location).toBe("https://localhost/en/track");
  const page = await viaNginx({ path: "/en" });
  expect(page.status).toBe(200);
  expect(page.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(page.headers["server"]).toBe("nginx");
});

test("the instances see https from X-Forwarded-Proto: a post from the address it came in on is accepted only through nginx", async () => {
  // Not the public address (https://localhost:3300) but the one this request came in on: accepted
  // only if the instance knows the browser spoke https, which only nginx's header tells it.
  const post = {
    method: "POST",
    path: "/en/certificate/who",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "who=self",
  };
  const throughNginx = await viaNginx({ ...post, headers: { ...post.headers, host: "127.0.0.1:3300", origin: "https://127.0.0.1:3300" } });
  expect(throughNginx.status).not.toBe(403);
  const port = INSTANCE_PORTS[0];
  const sameClaimDirect = await direct(
    { port },
    { ...post, headers: { ...post.headers, host: `127.0.0.1:${port}`, origin: `https://127.0.0.1:${port}` } },
  );
  expect(sameClaimDirect.status).toBe(403);
  const plainDirect = await direct(
    { port },
    { ...post, headers: { ...post.headers, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` } },
  );
  expect(plainDirect.status).not.toBe(403);
});

test("the certificate journey with uploads, saved on one instance and resumed on the other", async ({ page, browser }) => {
  const documents = recordDocuments(page);
  const email = unique("scale");
  applicantEmail = email;
  await startApplication(page, "en", "self");
  // Over https the draft cookie is a __Host- cookie, Secure: what PUBLIC_URL and the proxy promise.
  const draftCookie = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("pcc_draft"));
  expect(draftCookie).toMatchObject({ name: "__Host-pcc_draft", secure: true, httpOnly: true });
  await fillPersonal(page, "en");
  await fillContact(page, "en", email);
  await expectHeading(page, c("addresses.title"));
  await page.getByRole("button", { name: c("saveAndReturn") }).click();
  await expectHeading(page, c("resume.title"));
  const link = await page.getByLabel(c("resume.link")).inputValue();
  expect(link).toMatch(/^https:\/\/localhost:3300\/en\/certificate\/resume\?key=/);
  expect((await mailTo(email, (m) => m.subject === en("mail:resume.subject"))).text).toContain(link);

  const elsewhere = await (await browser.newContext()).newPage();
  const resumed = recordDocuments(elsewhere);
  await elsewhere.goto(link);
  await expectHeading(elsewhere, c("addresses.title"));
  await fillAddress(elsewhere, "en");
  await fillPurposeAndDelivery(elsewhere, "en");
  await uploadDocuments(elsewhere, "en");
  reference = await submitApplication(elsewhere, "en");
  await mailTo(email, (m) => m.subject === en("mail:receipt.subject", { reference }));

  // Every page of both browsers went through nginx, and each instance served some of them.
  const all = [...documents, ...resumed];
  const servers = await Promise.all(all.map((d) => servedBy(d.requestId)));
  expect(new Set(servers)).toEqual(new Set(INSTANCE_NAMES));
  // The uploads (one form post) and the page after it were served by different instances: the
  // documents are in the shared store, not on the disk of the instance that took them.
  const upload = all.findIndex((d) => d.method === "POST" && d.url.endsWith("/en/certificate/documents"));
  expect(upload).toBeGreaterThan(-1);
  expect(servers[upload + 1]).toBe(other(servers[upload]!));
  test.info().annotations.push({
    type: "pages per instance",
    description: INSTANCE_NAMES.map((n) => `${n}: ${servers.filter((s) => s === n).length}`).join(", "),
  });
});

test("an officer signs in with TOTP, claims the case on one instance and approves it on the other", async ({ browser }) => {
  expect(reference).not.toBe("");
  const staff = await createSignedInStaff({ role: "officer", centerSlug: "gujrat", displayName: "Ayesha Siddiqui" }, SCALE_STAFF);
  const page = await signInWithTotp(browser, staff);
  const documents = recordDocuments(page);
  await openCase(page, reference);
  await page.getByRole("button", { name: en("cases:case.claim") }).click();
  await expect(page.getByRole("status")).toHaveText(en("cases:case.done.claim"));
  const claim = documents.find((d) => d.method === "POST")!;
  const claimedOn = await servedBy(claim.requestId);

  // Turn the rotation so that the next request goes to the other instance: ask nginx until an
  // answer comes from the instance that took the claim.
  for (let i = 0; i < 4 && (await servedByResponse(await page.request.get("/healthz"))) !== claimedOn; i += 1);
  documents.length = 0;
  await page.getByRole("button", { name: en("cases:case.approve") }).click();
  await expect(page.getByRole("status")).toHaveText(en("cases:case.done.approve"));
  const approve = documents.find((d) => d.method === "POST")!;
  expect(await servedBy(approve.requestId)).toBe(other(claimedOn));
  await mailTo(applicantEmail, (m) => m.subject === en("mail:certificateReady.subject", { reference }));

  await withScaleStore(async ({ db }) => {
    const row = await db
      .selectFrom("application")
      .select(["status", "assigned_to"])
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "issued", assigned_to: staff.id });
  });
});

test("a rate limit counts across both instances, by the client's address that nginx forwards", async () => {
  const lookup = (localAddress: string, headers: Record<string, string> = {}) =>
    viaNginx({ path: `/en/track?key=${"x".repeat(20)}`, localAddress, headers });
  const notFound = en("track:notFound");
  const limited = en("errors.tooManyRequests.body");
  const servers: InstanceName[] = [];
  for (let i = 0; i < 10; i += 1) {
    const response = await lookup("127.0.0.9");
    expect(response.body, `lookup ${i + 1}`).toContain(notFound);
    servers.push(await servedByResponse({ headers: () => response.headers as Record<string, string> }));
  }
  // Ten lookups, five on each instance, and the eleventh is refused: one count, not one per instance.
  expect(servers.filter((s) => s === "a")).toHaveLength(5);
  const eleventh = await lookup("127.0.0.9");
  expect(eleventh.body).toContain(limited);
  expect(eleventh.body).not.toContain(notFound);
  // A client naming another address itself gains nothing: nginx appends the real one, which the portal takes.
  expect((await lookup("127.0.0.9", { "x-forwarded-for": "127.0.0.10" })).body).toContain(limited);
  // Another client, reaching the instances through the same nginx (the same peer address), is counted apart.
  expect((await lookup("127.0.0.10")).body).toContain(notFound);

  await withScaleStore(async ({ db }) => {
    const hits = async (address: string) =>
      (
        await db
          .selectFrom("rate_limit")
          .select("hits")
          .where("key", "=", rateLimitKey("track", address, run.sessionSecret))
          .executeTakeFirst()
      )?.hits;
    expect(Number(await hits("127.0.0.9"))).toBe(12);
    expect(Number(await hits("127.0.0.10"))).toBe(1);
    // Nothing was counted against nginx's own address, the instances' peer.
    expect(await hits("127.0.0.1")).toBeUndefined();
  });
});

test("each mail in the outbox was sent exactly once by the two mail workers", async () => {
  const outbox = await withScaleStore(async ({ db }) => {
    await expect
      .poll(async () => (await db.selectFrom("mail_outbox").select("id").where("status", "!=", "sent").execute()).length, {
        timeout: 20_000,
      })
      .toBe(0);
    return db.selectFrom("mail_outbox").select("id").execute();
  });
  // The journeys above queued at least the saved link, the receipt and the certificate.
  expect(outbox.length).toBeGreaterThanOrEqual(3);
  const mails = await receivedMails();
  const ids = mails.map((mail) => mail.messageId);
  expect(ids.toSorted()).toEqual(outbox.map(({ id }) => `<${id}@localhost>`).toSorted());
  expect(new Set(ids).size).toBe(ids.length);
  const sentBy = INSTANCE_NAMES.map((name) => logLines(name).filter((line) => line.msg === "mail sent").length);
  expect(sentBy[0]! + sentBy[1]!).toBe(outbox.length);
  test.info().annotations.push({ type: "mails sent per instance", description: `a: ${sentBy[0]}, b: ${sentBy[1]}` });
});
