/**
 * Served over https, the draft cookie is a `__Host-` cookie (Secure, Path=/, no Domain: nothing on
 * a sibling host or over plain http can plant one) and every answer carries HSTS; over http
 * (local runs) neither, since browsers would drop the cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, startTestServer, type TestServer } from "../test/support/app-server";

/** "Start now", as a browser on the portal's own pages sends it. */
async function startDraft(server: TestServer, host: string) {
  return rawRequest(server.port, {
    method: "POST",
    path: "/en/certificate",
    headers: { Host: host, Origin: new URL(server.env.PUBLIC_URL).origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
  });
}

const setCookies = (headers: Record<string, string | string[] | undefined>) => [headers["set-cookie"] ?? []].flat();
const attributesOf = (cookie: string) =>
  cookie
    .split(";")
    .slice(1)
    .map((a) => a.trim())
    .sort();

describe("served over https", () => {
  let server: TestServer;
  const HOST = "pcc.example.gov.pk";
  beforeAll(async () => {
    server = await startTestServer({ PUBLIC_URL: `https://${HOST}`, RATE_LIMITS: "false" });
  });
  afterAll(() => server?.close());

  it("sets the draft in a __Host- cookie with Secure, Path=/, HttpOnly and SameSite=Lax, and no Domain", async () => {
    const answer = await startDraft(server, HOST);
    expect(answer.status).toBe(302);
    const [cookie, ...others] = setCookies(answer.headers);
    expect(others).toEqual([]);
    expect(cookie).toMatch(/^__Host-pcc_draft=[^;]+;/);
    expect(attributesOf(cookie!)).toEqual(["HttpOnly", "Path=/", "SameSite=Lax", "Secure"]);

    // The cookie it set is the one it reads; the old name, planted by anyone, opens nothing.
    const pair = cookie!.split(";")[0]!;
    const withCookie = (c: string) =>
      rawRequest(server.port, { method: "GET", path: "/en/certificate/who", headers: { Host: HOST, Cookie: c } });
    expect((await withCookie(pair)).status).toBe(200);
    const planted = await withCookie(pair.replace(/^__Host-/, ""));
    expect(planted.status).toBe(302);
    expect(planted.headers.location).toBe("/en/certificate");
  });

  it.each(["/", "/en", "/en/certificate", "/staff/login", "/healthz", "/en/no-such-page"])(
    "%s carries Strict-Transport-Security",
    async (path) => {
      const answer = await rawRequest(server.port, { method: "GET", path, headers: { Host: HOST } });
      expect(answer.headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
    },
  );
});

describe("served over http", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PUBLIC_URL: "http://localhost:3000", RATE_LIMITS: "false" });
  });
  afterAll(() => server?.close());

  it("sets the draft cookie under its plain name without Secure, and sends no HSTS", async () => {
    const answer = await startDraft(server, "localhost:3000");
    expect(answer.status).toBe(302);
    const [cookie] = setCookies(answer.headers);
    expect(cookie).toMatch(/^pcc_draft=[^;]+;/);
    expect(attributesOf(cookie!)).toEqual(["HttpOnly", "Path=/", "SameSite=Lax"]);
    for (const path of ["/", "/en/certificate"]) {
      const page = await rawRequest(server.port, { method: "GET", path, headers: { Host: "localhost:3000" } });
      expect(page.headers["strict-transport-security"]).toBeUndefined();
    }
  });
});
