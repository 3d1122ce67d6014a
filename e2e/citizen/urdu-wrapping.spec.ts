import { expect, type Page, test } from "@playwright/test";
import { fillAddress, fillContact, fillPersonal, fillPurposeAndDelivery, startApplication, uploadDocuments } from "../support/journey";
import { t } from "../support/locales";

test.use({ viewport: { width: 390, height: 844 } });

/** The rows an example value occupies inside its hint, measured over its own characters. */
async function rowsOf(page: Page, hintId: string, value: string): Promise<number> {
  return page.evaluate(
    ({ hintId, value }) => {
      const hint = document.getElementById(hintId);
      if (!hint) throw new Error(`no hint #${hintId}`);
      const walker = document.createTreeWalker(hint, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const text = nodes.map((n) => n.data).join("");
      const start = text.indexOf(value);
      if (start < 0) throw new Error(`"${value}" not in "${text}"`);
      const at = (offset: number): [Text, number] => {
        for (const node of nodes) {
          if (offset <= node.data.length) return [node, offset];
          offset -= node.data.length;
        }
        throw new Error("offset past the end");
      };
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + value.length));
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
      return new Set(tops).size;
    },
    { hintId, value },
  );
}

async function expectUnbroken(page: Page, examples: [string, string][]) {
  await page.evaluate(() => document.fonts.ready);
  for (const [hintId, value] of examples) {
    expect(await rowsOf(page, hintId, value), `${value} in #${hintId}`).toBe(1);
  }
}

test("on a phone-wide Urdu screen, example values in hints stay on one line", async ({ page }) => {
  await startApplication(page, "ur", "self");
  await expect(page).toHaveURL(/\/ur\/certificate\/personal$/);
  await expectUnbroken(page, [
    ["cnic-hint", "35202-1234567-1"],
    ["passportNumber-hint", "AB1234567"],
  ]);
  await page.screenshot({ path: test.info().outputPath("ur-personal-390.png"), fullPage: true });

  await page.goto("/ur/verify");
  await expectUnbroken(page, [
    ["number-hint", "PSC-7KMX-2QRA"],
    ["code-hint", "7KMX2-QRFHD"],
  ]);
  await page.screenshot({ path: test.info().outputPath("ur-verify-390.png"), fullPage: true });

  await page.goto("/ur/track");
  await expectUnbroken(page, [["reference-hint", "PCC-7K3M-9Q2V"]]);
});

test("the Urdu check page joins district and police station with the Urdu comma", async ({ page }) => {
  test.setTimeout(120_000);
  await startApplication(page, "ur", "self");
  await fillPersonal(page, "ur");
  await expectUnbroken(page, [["phone-hint", "+30 691 234 5678"]]);
  await fillContact(page, "ur", "comma@example.test");
  await fillAddress(page, "ur");
  await fillPurposeAndDelivery(page, "ur");
  await uploadDocuments(page, "ur");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("ur", "certificate:check.title"));
  const main = page.locator("main");
  await expect(main).toContainText("Gujrat، Civil Lines");
  await expect(main).not.toContainText("Gujrat, Civil Lines");
});
