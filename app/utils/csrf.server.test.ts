import type { AppLoadContext } from "@remix-run/node";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { assertSameOrigin, isSameOrigin } from "./csrf.server";

const PUBLIC_URL = "https://pcc.example.gov.pk";
const post = (url: string, headers: Record<string, string>) => new Request(url, { method: "POST", headers });

describe("isSameOrigin", () => {
  it.each([
    ["our public origin", { Origin: PUBLIC_URL }],
    ["the origin the request came in on", { Origin: "http://10.0.0.5:3000" }],
    ["Sec-Fetch-Site same-origin", { "Sec-Fetch-Site": "same-origin", Origin: PUBLIC_URL }],
    ["a request the person started (Sec-Fetch-Site none)", { "Sec-Fetch-Site": "none" }],
    ["a client that is not a browser (neither header)", {}],
  ])("accepts %s", (_, headers) => {
    expect(isSameOrigin(post("http://10.0.0.5:3000/staff/login", headers), PUBLIC_URL)).toBe(true);
  });

  it.each([
    ["another site's origin", { Origin: "http://evil.example" }],
    ["a sibling subdomain", { Origin: "https://evil.pcc.example.gov.pk" }],
    ["our host on another scheme", { Origin: "http://pcc.example.gov.pk" }],
    ["our host on another port", { Origin: "https://pcc.example.gov.pk:8443" }],
    ["an opaque origin", { Origin: "null" }],
    ["Sec-Fetch-Site cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site same-site", { "Sec-Fetch-Site": "same-site" }],
    ["a cross-site fetch even with our origin claimed", { "Sec-Fetch-Site": "cross-site", Origin: PUBLIC_URL }],
  ])("refuses %s", (_, headers) => {
    expect(isSameOrigin(post("http://10.0.0.5:3000/staff/login", headers), PUBLIC_URL)).toBe(false);
  });
});

describe("assertSameOrigin", () => {
  const context = { env: { PUBLIC_URL }, logger: pino({ level: "silent" }), requestId: "t" } as unknown as AppLoadContext;

  it("throws a 403 response for a cross-site POST and nothing otherwise", () => {
    let thrown: unknown;
    try {
      assertSameOrigin(post(`${PUBLIC_URL}/staff/logout`, { Origin: "http://evil.example" }), context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(() => assertSameOrigin(post(`${PUBLIC_URL}/staff/logout`, { Origin: PUBLIC_URL }), context)).not.toThrow();
  });
});
