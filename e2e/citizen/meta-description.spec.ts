import { expect, test } from "@playwright/test";
import { LANGUAGES } from "../support/locales";

const CITIZEN_PAGES = [
  "",
  "/centers",
  "/centers/milan",
  "/legal-migration",
  "/verify",
  "/track",
  "/certificate",
  "/report",
  "/report/follow-up",
  "/status",
  "/no-such-page",
];

/** Every <meta name="description"> in the page as served (what search engines and link previews read). */
function descriptions(html: string): string[] {
  return [...html.matchAll(/<meta\s+name="description"\s+content="([^"]*)"/g)].map((m) => m[1]!);
}

test("every citizen page in every language, and staff sign-in, has exactly one meta description", async ({ request }) => {
  const byPage = new Map<string, string>();
  for (const lang of LANGUAGES) {
    for (const page of CITIZEN_PAGES) {
      const response = await request.get(`/${lang}${page}`);
      expect(response.status(), `/${lang}${page}`).toBe(page === "/no-such-page" ? 404 : 200);
      const found = descriptions(await response.text());
      expect(found, `/${lang}${page}`).toHaveLength(1);
      expect(found[0]!.trim().length, `/${lang}${page}`).toBeGreaterThan(20);
      byPage.set(`${lang}${page}`, found[0]!);
    }
    expect(byPage.get(lang)).not.toBe(byPage.get(`${lang}/track`));
    expect(byPage.get(`${lang}/certificate`)).not.toBe(byPage.get(`${lang}/verify`));
  }
  expect(byPage.get("ur")).not.toBe(byPage.get("en"));

  const staff = descriptions(await (await request.get("/staff/login")).text());
  expect(staff).toHaveLength(1);
  expect(staff[0]!.trim()).not.toBe("");
  expect(staff[0]).not.toBe(byPage.get("en"));
});
