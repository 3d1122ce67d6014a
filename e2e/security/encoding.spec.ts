/**
 * Every HTML page a person receives is valid UTF-8 with no U+0000 in it. React 18's streaming
 * renderer used to split multi-byte characters at its 2 KB buffer boundary (facebook/react#24985),
 * which put NUL bytes inside Greek and Urdu words. These specs read the raw bytes of every document
 * the browser loads while walking the citizen journey and the staff areas, in all four languages.
 */
import { expect, type Page, type Response, test } from "@playwright/test";
import { applyForCertificate, trackApplication } from "../support/journey";
import { LANGUAGES, type Lang } from "../support/locales";
import { signInStaff, type StaffRole } from "../support/staff";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Collects every HTML document response of the page, to check once the walk is done. */
type Document = { where: string; bytes: Promise<Buffer> };

/** Reads every HTML document the page receives as it arrives (a later navigation discards it). */
function recordDocuments(page: Page) {
  const documents: Document[] = [];
  page.on("response", (response: Response) => {
    if (response.request().resourceType() !== "document" || !(response.headers()["content-type"] ?? "").startsWith("text/html")) return;
    const bytes = response.body();
    bytes.catch(() => {}); // reported when awaited below
    documents.push({ where: new URL(response.url()).pathname, bytes });
  });
  return documents;
}

async function expectCleanBytes(documents: Document[]) {
  expect(documents.length).toBeGreaterThan(0);
  for (const document of documents) {
    const bytes = await document.bytes;
    const where = document.where;
    expect(bytes.indexOf(0), `U+0000 in ${where} at byte ${bytes.indexOf(0)}`).toBe(-1);
    expect(() => strictUtf8.decode(bytes), `invalid UTF-8 in ${where}`).not.toThrow();
    expect(bytes.subarray(0, 21).toString("utf8"), where).toBe("<!DOCTYPE html><html ");
  }
}

const CITIZEN_PAGES = (lang: Lang) => [
  `/${lang}`,
  `/${lang}/centers`,
  `/${lang}/verify`,
  `/${lang}/track`,
  `/${lang}/certificate`,
  `/${lang}/report`,
  `/${lang}/report/follow-up`,
  `/${lang}/no-such-page`,
];

for (const lang of LANGUAGES) {
  test(`${lang}: every citizen page, journey page, confirmation and tracking page is clean UTF-8`, async ({ page }) => {
    const documents = recordDocuments(page);
    for (const path of CITIZEN_PAGES(lang)) await page.goto(path);
    const reference = await applyForCertificate(page, lang, `encoding-${lang}@example.org`, false);
    await trackApplication(page, lang, reference);
    await expectCleanBytes(documents);
    // The walk passes the pages with the most text: each of them must have been checked.
    expect(documents.length).toBeGreaterThanOrEqual(CITIZEN_PAGES(lang).length + 8);
  });
}

const STAFF_PAGES: Record<Exclude<StaffRole, "officer">, string[]> = {
  supervisor: ["/staff", "/staff/queue", "/staff/disputes", "/staff/reports", "/staff/audit"],
  investigator: ["/staff/reports", "/staff/reports?tab=closed"],
  embassy_desk: ["/staff/referrals"],
  admin: ["/staff/admin/accounts", "/staff/admin/accounts/new", "/staff/admin/centers", "/staff/admin/holidays"],
};

for (const lang of LANGUAGES) {
  test(`${lang}: every staff area is clean UTF-8`, async ({ browser }) => {
    for (const [role, paths] of Object.entries(STAFF_PAGES) as [StaffRole, string[]][]) {
      const context = await browser.newContext();
      await signInStaff(context, { role });
      const page = await context.newPage();
      const documents = recordDocuments(page);
      for (const path of paths) {
        const response = await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lang}`);
        expect(response?.status(), path).toBe(200);
      }
      await expectCleanBytes(documents);
      await context.close();
    }
    const page = await browser.newPage();
    const documents = recordDocuments(page);
    await page.goto(`/staff/login?lng=${lang}`);
    await expectCleanBytes(documents);
    await page.close();
  });
}
