/**
 * The first-administrator setup page gives nothing away without its link: a wrong token gets the
 * same answer whether the address has an account or not, and costs the server no password hash.
 */
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { issueSetupToken } from "~/models/setup-token.server";
import { insertStaffUser } from "~/models/staff-user.server";
import { getI18n } from "~/utils/i18n.server";
import { announceSetupLink, setupLinkPath } from "~/services/setup-link.server";
import { startTestServer, type TestServer } from "../test/support/app-server";

let server: TestServer;
const TAKEN = "existing.officer@police.example.pk";
const { t } = getI18n("en");

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMITS: "false" });
  await server.store.db
    .transaction()
    .execute((trx) =>
      insertStaffUser(trx, { email: TAKEN, displayName: "Existing Officer", passwordHash: null, role: "officer", centerSlug: null }),
    );
});
afterAll(() => server?.close());

async function submit(token: string, email: string): Promise<{ html: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${server.baseUrl}/staff/setup?token=${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      token,
      displayName: "Probe",
      email,
      password: "monsoon rain over the ravi river",
      confirmPassword: "monsoon rain over the ravi river",
    }).toString(),
  });
  const html = await res.text();
  expect(res.status).toBe(200);
  return { html, ms: performance.now() - started };
}

// The nonce differs on every answer; nothing else may.
const withoutNonce = (html: string) => html.replace(/nonce="[^"]*"/g, "").replace(/'nonce-[^']*'/g, "");

it("answers a wrong token the same for a taken and an unknown address", async () => {
  const taken = await submit("not-the-token", TAKEN);
  const unknown = await submit("not-the-token", "nobody.here@police.example.pk");
  for (const answer of [taken, unknown]) {
    expect(answer.html).toContain(t("staff:setup.invalidTitle"));
    expect(answer.html).not.toContain(t("staff:validation.emailTaken"));
  }
  expect(withoutNonce(taken.html)).toBe(withoutNonce(unknown.html));
});

it("takes as long for a taken as for an unknown address: no password is hashed without the link", async () => {
  const median = async (email: string) => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) times.push((await submit("not-the-token", email)).ms);
    return times.sort((a, b) => a - b)[3]!;
  };
  await median(TAKEN); // warm-up
  const taken = await median(TAKEN);
  const unknown = await median("nobody.else@police.example.pk");
  console.log(`setup with a wrong token, median: taken ${taken.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms`);
  // An argon2id hash (m=19456, t=2) alone takes longer than a whole refused request.
  expect(unknown / taken).toBeLessThan(1.6);
});

it("still tells the holder of the link that an address is taken", async () => {
  const token = await issueSetupToken(server.store.db);
  const { html } = await submit(token, TAKEN);
  expect(html).toContain(t("staff:validation.emailTaken"));
});

it("removes the link's file from the data directory once the first administrator is created", async () => {
  const file = await announceSetupLink(server.store.db, { dataDir: server.env.DATA_DIR, publicUrl: server.env.PUBLIC_URL }, () => {});
  const token = new URL(fs.readFileSync(file!, "utf8").trim()).searchParams.get("token")!;
  const { html } = await submit(token, "first.admin@police.example.pk");
  expect(html).toContain(t("staff:setup.doneTitle"));
  expect(fs.existsSync(setupLinkPath(server.env.DATA_DIR))).toBe(false);
});
