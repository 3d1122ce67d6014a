import { type APIResponse, expect, type Response, test } from "@playwright/test";

/** The policy the server promises on every response, page or not. */
function expectSecurityHeaders(response: Response | APIResponse) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp).not.toContain("unsafe-inline");
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) expect(csp).toContain(directive);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
}

const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];

const PAGES = [
  { url: "/en", status: 200, citizen: true },
  { url: "/ur/centers", status: 200, citizen: true },
  { url: "/el/no-such-page", status: 404, citizen: true },
  { url: "/staff/setup", status: 200, citizen: false },
];

for (const { url, status, citizen } of PAGES) {
  test(`${url} has the security headers and no script without the nonce`, async ({ page }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(status);
    expectSecurityHeaders(response!);

    // `nonce` is read as a property: browsers hide the attribute once CSP has seen it.
    const scripts = await page
      .locator("script")
      .evaluateAll((elements) => (elements as HTMLScriptElement[]).map((s) => ({ inline: !s.src, nonce: s.nonce })));
    for (const script of scripts.filter((s) => s.inline)) expect(script.nonce).toBe(nonceOf(response!));
    if (citizen) expect(scripts).toEqual([]);
  });
}

test("every page response gets its own nonce", async ({ page }) => {
  const first = await page.goto("/en");
  const second = await page.goto("/en");
  expect(nonceOf(first!)).toBeTruthy();
  expect(nonceOf(first!)).not.toBe(nonceOf(second!));
});

test("/healthz has the security headers", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expectSecurityHeaders(response);
});

test("the page's stylesheet has the security headers", async ({ page, request }) => {
  await page.goto("/en");
  const href = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  expect(href).toMatch(/^\/build\/.+\.css$/);
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/css");
  expectSecurityHeaders(response);
});
