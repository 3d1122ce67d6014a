import { expect, type Response, test } from "@playwright/test";
import { LANGUAGES } from "../support/locales";

/** Compressed bytes on the wire, headers included, for everything a first visit fetches except fonts. */
const BUDGET = 50 * 1024;

const isFont = (url: string) => new URL(url).pathname.startsWith("/fonts/") || url.endsWith(".woff2");

const PAGES = LANGUAGES.flatMap((lang) => [
  `/${lang}`,
  `/${lang}/centers`,
  `/${lang}/centers/athens`,
  `/${lang}/legal-migration`,
  `/${lang}/certificate`,
  `/${lang}/track`,
  `/${lang}/report`,
  `/${lang}/report/follow-up`,
]);

for (const url of PAGES) {
  test(`${url} weighs at most 50 KB without fonts`, async ({ browser }) => {
    const context = await browser.newContext(); // empty cache: a first visit
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on("response", (response) => responses.push(response));
    await page.goto(url, { waitUntil: "networkidle" });

    let total = 0;
    const lines: string[] = [];
    for (const response of responses.filter((r) => !isFont(r.url()))) {
      const sizes = await response.request().sizes();
      total += sizes.responseBodySize + sizes.responseHeadersSize;
      lines.push(`  ${sizes.responseBodySize + sizes.responseHeadersSize} B ${new URL(response.url()).pathname}`);
    }
    console.log(`${url}: ${total} bytes (${(total / 1024).toFixed(1)} KB) over ${lines.length} responses\n${lines.join("\n")}`);
    await context.close();

    expect(responses.some((r) => r.request().resourceType() === "stylesheet")).toBe(true);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });
}
