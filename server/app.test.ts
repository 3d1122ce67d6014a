/**
 * The Express layer in-process, on the real production build (run `remix build` first; npm test
 * does) and a fresh SQLite store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEE_PKR } from "../app/domain/certificate-journey";
import { INTL_LOCALES } from "../app/i18n";
import { startTestServer, type TestServer } from "../test/support/app-server";

let server: TestServer;
let baseUrl = "";
let logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = await startTestServer();
  ({ baseUrl, logLines } = server);
});

afterAll(() => server?.close());

const get = (p: string, headers: Record<string, string> = {}) => fetch(baseUrl + p, { headers, redirect: "manual" });

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp).not.toContain("unsafe-inline");
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "default-src 'self'"])
    expect(csp).toContain(directive);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("same-origin");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers.get("x-powered-by")).toBeNull();
}

describe("every response", () => {
  it.each(["/", "/en", "/ur/centers", "/el/no-such-page", "/xx/yy", "/healthz", "/favicon.ico", "/staff/setup"])(
    "%s carries the security headers",
    async (p) => {
      const res = await get(p);
      expect(res.status).toBeLessThan(500);
      expectSecurityHeaders(res);
    },
  );

  it("gets a fresh nonce each time, and any inline script carries it", async () => {
    const [a, b] = await Promise.all([get("/en"), get("/en")]);
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    const html = await a.text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonceOf(a)}"`);
  });

  it("is compressed when the browser accepts it", async () => {
    const res = await get("/en", { "accept-encoding": "gzip" });
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });
});

describe("static files", () => {
  it("serves the files at the top of public/ and the hashed build, and leaves every other path to the pages", async () => {
    for (const file of ["/favicon.ico", "/favicon.svg", "/print-button.js", "/upload-progress.js"]) {
      const res = await get(file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get("cache-control"), file).toBe("public, max-age=3600");
    }
    const page = await (await get("/en/certificate")).text();
    const stylesheet = /href="(\/build\/[^"]+\.css)"/.exec(page)?.[1];
    expect(stylesheet).toBeDefined();
    const css = await get(stylesheet!);
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // Not a file at the top of public/: the pages answer (a translated 404), not the file system.
    for (const p of ["/favicon.ico/x", "/print-button.js.map", "/en/favicon.ico"]) {
      const res = await get(p, { "accept-language": "el" });
      expect(res.status, p).toBe(404);
      expect(res.headers.get("content-type"), p).toMatch(/^text\/html/);
    }
  });
});

describe("routing and languages", () => {
  it("redirects / by Accept-Language, falling back to English", async () => {
    expect((await get("/", { "accept-language": "it-IT,it;q=0.9" })).headers.get("location")).toBe("/it");
    expect((await get("/", { "accept-language": "fr-FR" })).headers.get("location")).toBe("/en");
    const res = await get("/");
    expect(res.status).toBe(302);
    expect(res.headers.get("vary")).toContain("Accept-Language");
  });

  it("names the certificate fee's currency as Intl does in each language, never a bare Rs or PKR", async () => {
    for (const [lang, locale] of Object.entries(INTL_LOCALES)) {
      const html = await (await get(`/${lang}/certificate`)).text();
      const fee = new Intl.NumberFormat(locale, {
        style: "currency",
        currency: "PKR",
        currencyDisplay: "name",
        maximumFractionDigits: 0,
      }).format(FEE_PKR);
      expect(html, lang).toContain(fee);
      expect(html, lang).not.toMatch(/\b(PKR|Rs)\b/);
    }
  });

  it("answers unknown pages with a translated 404, never a 500", async () => {
    const greek = await get("/el/no-such-page");
    expect(greek.status).toBe(404);
    expect(await greek.text()).toMatch(/<html lang="el" dir="ltr">/);
    const unknownPrefix = await get("/xx/yy", { "accept-language": "ur" });
    expect(unknownPrefix.status).toBe(404);
    expect(await unknownPrefix.text()).toMatch(/<html lang="ur" dir="rtl">/);
    const bareUnknownLanguage = await get("/de");
    expect(bareUnknownLanguage.status).toBe(404);
  });

  it("reports health with a database check", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "sqlite" });
  });
});

describe("limits", () => {
  it("refuses a form body over the limit with a translated page", async () => {
    const res = await fetch(`${baseUrl}/el/centers`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `a=${"x".repeat(200 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('lang="el"');
  });

  it("limits form submissions per client", async () => {
    const post = () =>
      fetch(`${baseUrl}/staff/setup`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "token=x",
      });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await post()).status);
    expect(statuses.slice(0, 60).every((s) => s !== 429)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});

describe("access log", () => {
  it("logs request id, path and outcome, without query strings or client details", async () => {
    const res = await get("/en/centers?token=secret-value", { "user-agent": "TestAgent/1.0" });
    const id = res.headers.get("x-request-id");
    await new Promise((r) => setTimeout(r, 50));
    const line = logLines.find((l) => (l.req as { id?: string } | undefined)?.id === id);
    expect(line).toMatchObject({ req: { method: "GET", path: "/en/centers" }, res: { statusCode: 200 }, msg: "request completed" });
    const text = JSON.stringify(line);
    for (const leak of ["secret-value", "TestAgent", "127.0.0.1", "user-agent", "cookie"]) expect(text).not.toContain(leak);
  });

  it("leaves no line at all for anonymous report pages", async () => {
    const before = logLines.length;
    for (const p of ["/en/report", "/ur/report/new", "/el/report?x=1"]) await get(p);
    await new Promise((r) => setTimeout(r, 50));
    const added = logLines.slice(before);
    expect(added.filter((l) => JSON.stringify(l).includes("/report"))).toEqual([]);
  });
});

describe("cross-site posts", () => {
  it("are refused with a translated 403 on every page, before Remix", async () => {
    for (const p of ["/el/certificate", "/staff/login", "/ur/track"]) {
      const res = await fetch(baseUrl + p, {
        method: "POST",
        headers: { origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: "a=1",
        redirect: "manual",
      });
      expect(res.status).toBe(403);
      if (p.startsWith("/el")) expect(await res.text()).toContain('lang="el"');
    }
  });
});
