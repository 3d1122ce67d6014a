/**
 * A poster's QR code opens the certificate start page with `?ref=<code>`: each opening counts one
 * visit for the center and day, and nothing else is kept or set (decision 042).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, startTestServer, type TestServer } from "../test/support/app-server";

describe("poster visits", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMITS: "false" });
  });
  afterAll(() => server?.close());

  const counts = () =>
    server.store.db
      .selectFrom("dashboard_count")
      .selectAll()
      .where("dimension", "in", ["poster_visit", "referral_started"])
      .orderBy("dimension")
      .execute();
  const rowCount = async (table: "draft" | "audit_event") =>
    Number(
      (
        await server.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const open = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(server.port, {
      method: "GET",
      path,
      headers: { "User-Agent": "Poster test", "X-Forwarded-For": "203.0.113.9", ...headers },
    });

  it("counts each opening with a valid code for its center and day, sets no cookie and keeps nothing of the visitor", async () => {
    const drafts = await rowCount("draft");
    const audits = await rowCount("audit_event");
    const first = await open("/el/certificate?ref=ATHENS");
    expect(first.status).toBe(200);
    expect(first.headers["set-cookie"]).toBeUndefined();
    expect(first.body).toContain('name="ref" value="ATHENS"');
    // A reload and a lower-case code count again: nothing tells one visitor from another.
    expect((await open("/el/certificate?ref=ATHENS")).headers["set-cookie"]).toBeUndefined();
    expect((await open("/en/certificate?ref=athens")).status).toBe(200);
    // Unknown, malformed and missing codes count nothing.
    for (const path of ["/en/certificate?ref=NOWHERE", "/en/certificate?ref=%3Cscript%3E", "/en/certificate", "/en/certificate?ref="])
      expect((await open(path)).status).toBe(200);

    const today = new Date().toISOString().slice(0, 10);
    const rows = await counts();
    expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([{ dimension: "poster_visit", day: today, value: "athens", n: 3 }]);
    // The row's whole shape: a center, a day, a number; no column could hold an address or browser.
    expect(Object.keys(rows[0]!).sort()).toEqual(["day", "dimension", "n", "value"]);
    expect(await rowCount("draft")).toBe(drafts);
    expect(await rowCount("audit_event")).toBe(audits);
  });

  it("counts an application started from the poster when its draft is created, once", async () => {
    const site = new URL(server.env.PUBLIC_URL);
    const form = { Host: site.host, Origin: site.origin, "Content-Type": "application/x-www-form-urlencoded" };
    const answer = await rawRequest(server.port, { method: "POST", path: "/en/certificate", headers: form, body: "ref=ROME" });
    expect(answer.status).toBe(302);
    const cookie = [answer.headers["set-cookie"] ?? []].flat()[0]!.split(";")[0]!;
    // The same browser pressing "Start now" again goes on with its draft: not a second start.
    const again = await rawRequest(server.port, {
      method: "POST",
      path: "/en/certificate",
      headers: { ...form, Cookie: cookie },
      body: "ref=ROME",
    });
    expect(again.status).toBe(302);
    const started = (await counts()).filter((r) => r.dimension === "referral_started");
    expect(started.map((r) => ({ value: r.value, n: Number(r.n) }))).toEqual([{ value: "rome", n: 1 }]);
  });
});
