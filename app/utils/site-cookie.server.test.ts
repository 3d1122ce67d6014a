import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { clearDraftCookie, setDraftCookie, setSavedLink } from "~/services/draft-session.server";
import { parseEnv } from "./env.server";
import { hasSiteCookie } from "./site-cookie.server";
import { endTracking, grantTracking } from "./track-session.server";

// NODE_ENV is production in both: what decides is the address the portal is served on.
const context = (publicUrl: string) =>
  ({ env: parseEnv({ NODE_ENV: "production", PUBLIC_URL: publicUrl }), sessionSecret: "s".repeat(32) }) as AppLoadContext;
const https = context("https://pcc.example.gov.pk");
const http = context("http://localhost:3000");

/** Name and attributes of a Set-Cookie value; attribute names lower-cased, the value left out. */
function cookieParts(header: string): { name: string; attributes: string[] } {
  const [pair, ...attributes] = header.split(";").map((part) => part.trim());
  return { name: pair!.split("=", 1)[0]!, attributes: attributes.map((a) => a.replace(/^[^=]+/, (n) => n.toLowerCase())) };
}

describe("citizen cookies", () => {
  const made = (ctx: AppLoadContext) => ({
    draft: setDraftCookie(ctx, "key"),
    draftCleared: clearDraftCookie(ctx),
    saved: setSavedLink(ctx, {
      link: "https://pcc.example.gov.pk/en/certificate/resume?key=k",
      key: "k",
      section: "personal",
      expiresAt: "2027-01-01T00:00:00.000Z",
      emailed: false,
      shown: false,
    }),
    track: grantTracking(ctx, "application-id"),
    trackEnded: endTracking(ctx),
  });

  it("are __Host- cookies with Secure, Path=/ and no Domain when the portal is served over https", async () => {
    for (const [which, header] of Object.entries(made(https))) {
      const { name, attributes } = cookieParts(await header);
      expect(name, which).toMatch(/^__Host-pcc_(draft|saved|track)$/);
      expect(attributes, which).toEqual(expect.arrayContaining(["path=/", "httponly", "secure", "samesite=Lax"]));
      expect(
        attributes.some((a) => a.startsWith("domain")),
        which,
      ).toBe(false);
    }
  });

  it("keep plain names and no Secure over http, where browsers would drop a Secure cookie", async () => {
    for (const [which, header] of Object.entries(made(http))) {
      const { name, attributes } = cookieParts(await header);
      expect(name, which).toMatch(/^pcc_(draft|saved|track)$/);
      expect(attributes, which).toEqual(expect.arrayContaining(["path=/", "httponly", "samesite=Lax"]));
      expect(attributes, which).not.toContain("secure");
    }
  });

  it("are recognised only under the name in use", () => {
    const request = (cookie: string) => new Request("https://pcc.example.gov.pk/en/certificate/who", { headers: { Cookie: cookie } });
    expect(hasSiteCookie(request("other=1; __Host-pcc_draft=x"), https, "pcc_draft")).toBe(true);
    expect(hasSiteCookie(request("pcc_draft=x"), https, "pcc_draft")).toBe(false);
    expect(hasSiteCookie(request("pcc_draft=x"), http, "pcc_draft")).toBe(true);
    expect(hasSiteCookie(request("pcc_drafts=x; xpcc_draft=y"), http, "pcc_draft")).toBe(false);
  });
});
