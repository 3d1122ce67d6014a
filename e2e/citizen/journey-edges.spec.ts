/**
 * The parts of the certificate journey around the main path: saving and resuming, a relative
 * applying with an e-authority, staff asking for more information, and bad input of every kind.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { askApplicant, withStore } from "../support/db";
import { jpeg, pdf } from "../support/files";
import {
  continueOn,
  expectHeading,
  fillAddress,
  fillContact,
  fillPersonal,
  fillPurposeAndDelivery,
  HOLDER,
  startApplication,
  submitApplication,
  trackApplication,
  uploadDocuments,
} from "../support/journey";
import { t } from "../support/locales";
import { mailTo } from "../support/mail";

const c = (key: string) => t("en", `certificate:${key}`);
const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;

test("save and come back later, then finish from the link in a new browser", async ({ page, browser }) => {
  const email = unique("resume");
  await startApplication(page, "en", "self");
  await fillPersonal(page, "en");
  await fillContact(page, "en", email);
  await expectHeading(page, c("addresses.title"));
  await page.getByRole("button", { name: c("saveAndReturn") }).click();

  await expectHeading(page, c("resume.title"));
  await expect(page.getByText(c("resume.emailed"))).toBeVisible();
  const link = await page.getByLabel(c("resume.link")).inputValue();
  expect(link).toMatch(/\/en\/certificate\/resume\?key=/);
  const mail = await mailTo(email, (m) => m.subject === t("en", "mail:resume.subject"));
  expect(mail.text).toContain(link);
  // The mail says what the saved page says: the link works once, and until the date on the page.
  expect(mail.text).toContain(t("en", "mail:resume.body"));
  const expires = (await page.getByText(/^The link expires on /).textContent())!.replace("The link expires on ", "").replace(/\.$/, "");
  expect(mail.text).toContain(t("en", "mail:resume.expires", { date: expires }));
  expect(mail.text).not.toContain("{{");
  // The phone that saved no longer holds the draft: the next person on it starts afresh.
  await page.goto("/en/certificate/contact");
  await expectHeading(page, c("start.title"));

  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(link);
  await expectHeading(elsewhere, c("addresses.title"));
  await fillAddress(elsewhere, "en");
  await fillPurposeAndDelivery(elsewhere, "en");
  await uploadDocuments(elsewhere, "en");
  await submitApplication(elsewhere, "en");

  // The link was spent when it was opened, and the draft is now an application: it opens nothing.
  await elsewhere.goto(link);
  await expectHeading(elsewhere, c("resume.invalidTitle"));
});

test("after saving, the phone that saved can continue now and the link it was given still works", async ({ page, browser }) => {
  await startApplication(page, "en", "self");
  await fillPersonal(page, "en");
  // Saved before giving an e-mail address: nothing is mailed, the page is the only way back.
  await expectHeading(page, c("contact.title"));
  await page.getByRole("button", { name: c("saveAndReturn") }).click();

  await expectHeading(page, c("resume.title"));
  // No e-mail given: the link must be easy to copy, so it sits whole in a read-only field.
  const field = page.getByLabel(c("resume.link"));
  await expect(field).toHaveAttribute("readonly", "");
  const link = await field.inputValue();
  expect(link).toMatch(/^https?:\/\/[^/]+\/en\/certificate\/resume\?key=[\w-]+\.[\w-]+$/);
  await expect(page.getByText(c("resume.emailed"))).toHaveCount(0);

  // Paper gets the link and the instructions, not the site's header, footer or buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  await expect(page.getByRole("button", { name: c("resume.continueNow") })).toBeHidden();
  await expect(page.getByText(link, { exact: true })).toBeVisible();
  await expect(page.getByText(/^The link expires on \d{1,2} \w+ \d{4}\.$/)).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".site-header")).toBeVisible();
  await expect(page.getByRole("button", { name: c("resume.print") })).toBeVisible();

  await page.getByRole("button", { name: c("resume.continueNow") }).click();
  await expectHeading(page, c("contact.title"));
  await page.goto("/en/certificate/personal");
  await expect(page.getByLabel(c("personal.fullName"))).toHaveValue(HOLDER.name);
  // Continuing here did not spend the link: it still opens the draft elsewhere (and only once).
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(link);
  await expectHeading(elsewhere, c("contact.title"));
  await elsewhere.goto(link);
  await expectHeading(elsewhere, c("resume.invalidTitle"));
});

// Issue #10 item 2: answers stored before a rule changed are asked again, with a message, never used unchecked.
test("a page whose saved answers no longer fit its questions is asked again, with a message", async ({ page }) => {
  const email = unique("stale");
  await startApplication(page, "en", "self");
  await fillPersonal(page, "en");
  await fillContact(page, "en", email);
  await expectHeading(page, c("addresses.title"));
  await withStore(async ({ db }) => {
    const draft = await db.selectFrom("draft").select(["id", "answers"]).where("answers", "like", `%${email}%`).executeTakeFirstOrThrow();
    // The personal page as an older version of the portal might have stored it: a date in parts.
    const answers = { ...JSON.parse(draft.answers), personal: { fullName: "Ali Khan", dateOfBirthDay: "27" } };
    await db
      .updateTable("draft")
      .set({ answers: JSON.stringify(answers) })
      .where("id", "=", draft.id)
      .execute();
  });
  await page.goto("/en/certificate/check");
  await expectHeading(page, c("personal.title"));
  await expect(page.getByRole("status")).toHaveText(c("answerAgain"));
  await expect(page.getByLabel(c("personal.fullName"))).toHaveValue("");
  await fillPersonal(page, "en");
  // Answered again: the message is gone, and the contact details given before are still there.
  await page.goto("/en/certificate/personal");
  await expect(page.getByText(c("answerAgain"))).toHaveCount(0);
  await page.goto("/en/certificate/contact");
  await expect(page.getByLabel(c("contact.email"))).toHaveValue(email);
});

test("a tampered resume link or draft cookie opens nothing and explains", async ({ page, context }) => {
  await page.goto("/en/certificate/resume?key=00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expectHeading(page, c("resume.invalidTitle"));
  await startApplication(page, "en", "self");
  const cookie = (await context.cookies()).find((k) => k.name === "pcc_draft")!;
  await context.addCookies([{ ...cookie, value: `${cookie.value.slice(0, -4)}AAAA` }]);
  await page.goto("/en/certificate/personal");
  await expectHeading(page, c("expired.title"));
});

test("a relative applies with an e-authority the holder confirms by email", async ({ page, browser }) => {
  const holderEmail = unique("holder");
  const relativeEmail = unique("relative");
  await startApplication(page, "en", "relative");
  await expectHeading(page, c("authority.title"));
  await continueOn(page, "en");
  await expect(page.getByRole("alert")).toContainText(t("en", "validation:required.holderName"));
  await page.getByLabel(c("authority.holderName")).fill(HOLDER.name);
  await page.getByLabel(c("authority.holderPassport")).fill(HOLDER.passport);
  await page.getByLabel(c("authority.holderEmail")).fill(holderEmail);
  await page.getByLabel(c("authority.relativeName")).fill("Bilal Khan");
  await page.getByLabel(c("authority.relationships.sibling")).check();
  await continueOn(page, "en");

  await expectHeading(page, c("personal.titleRelative"));
  await expect(page.getByLabel(c("personal.fullName"))).toHaveValue(HOLDER.name);
  await fillPersonal(page, "en", { passport: "ZX7654321" });
  await expect(page.getByRole("alert")).toContainText(t("en", "validation:authority.passportMismatch"));
  await fillPersonal(page, "en");

  await expectHeading(page, c("contact.titleRelative"));
  await fillContact(page, "en", holderEmail);
  await expect(page.getByRole("alert")).toContainText(t("en", "validation:authority.sameEmail"));
  await fillContact(page, "en", relativeEmail);
  await fillAddress(page, "en");
  await fillPurposeAndDelivery(page, "en");
  await uploadDocuments(page, "en");
  const reference = await submitApplication(page, "en");

  await trackApplication(page, "en", reference);
  await expect(page.getByText(t("en", "track:authorityPending"))).toBeVisible();

  const request = await mailTo(holderEmail, (m) => m.subject.includes("Bilal Khan"));
  const link = /https?:\/\/\S+\/en\/certificate\/consent\?token=\S+/.exec(request.text ?? "")?.[0];
  expect(link).toBeTruthy();
  const holder = await (await browser.newContext()).newPage();
  await holder.goto(link!);
  await expectHeading(holder, c("consent.title"));
  await expect(holder.getByText(HOLDER.passport)).toBeVisible();
  await holder.getByRole("button", { name: c("consent.submit") }).click();
  await expect(holder.getByRole("alert")).toContainText(t("en", "validation:required.declaration"));
  await holder.getByLabel(t("en", "certificate:consent.declaration", { relative: "Bilal Khan" })).check();
  await holder.getByRole("button", { name: c("consent.submit") }).click();
  await expectHeading(holder, c("consent.doneTitle"));
  await holder.goto(link!);
  await expectHeading(holder, c("consent.invalidTitle"));

  await page.reload();
  await expect(page.getByText(t("en", "track:status.submitted.next"))).toBeVisible();
  await mailTo(relativeEmail, (m) => m.subject.includes(reference));
});

test("staff ask for more information and the applicant answers on the tracking page", async ({ page }) => {
  const reference = await (async () => {
    await startApplication(page, "en", "self");
    await fillPersonal(page, "en");
    await fillContact(page, "en", unique("asked"));
    await fillAddress(page, "en");
    await fillPurposeAndDelivery(page, "en");
    await uploadDocuments(page, "en");
    return submitApplication(page, "en");
  })();
  // The officer's side lands with the back office; its model is driven directly here.
  const question = "Please upload a copy of your residence permit.";
  await askApplicant(reference, question);

  await trackApplication(page, "en", reference);
  await expect(page.getByText(t("en", "track:status.waiting_for_applicant.label"), { exact: true })).toBeVisible();
  await expect(page.getByText(question)).toBeVisible();
  await page.getByRole("button", { name: t("en", "track:request.submit") }).click();
  await expect(page.getByRole("alert")).toContainText(t("en", "track:request.answerRequired"));
  await page.getByLabel(t("en", "track:request.answer")).fill("Attached <i>here</i>.");
  await page.getByLabel(t("en", "track:request.file")).setInputFiles(await pdf("permit.pdf"));
  await page.getByRole("button", { name: t("en", "track:request.submit") }).click();
  await expect(page.getByText(t("en", "track:request.sent"))).toBeVisible();
  await expect(page.getByText(t("en", "track:status.in_review.label"), { exact: true })).toBeVisible();
  // The question and the answer stay on the page once answered.
  const conversation = page.getByRole("region", { name: t("en", "track:request.history") });
  await expect(conversation).toContainText(question);
  await expect(conversation).toContainText("Attached <i>here</i>.");
  await expect(conversation.locator("bdi, [dir=auto]")).toHaveCount(2);

  await withStore(async ({ db }) => {
    const row = await db
      .selectFrom("information_request")
      .innerJoin("application", "application.id", "information_request.application_id")
      .select(["answer", "answered_at", "information_request.id"])
      .where("application.reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(row.answer).toBe("Attached <i>here</i>.");
    const docs = await db
      .selectFrom("document")
      .select("kind")
      .where("owner_type", "=", "information_response")
      .where("owner_id", "=", row.id)
      .execute();
    expect(docs.map((d) => d.kind)).toEqual(["evidence"]);
  });
});

test.describe("bad input", () => {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
      test.use({ javaScriptEnabled });
      test("files: too large, not what the name says, SVG; the good ones are kept", async ({ page }, testInfo) => {
        await startApplication(page, "en", "self");
        await fillPersonal(page, "en");
        await fillContact(page, "en", unique("files"));
        await fillAddress(page, "en");
        await fillPurposeAndDelivery(page, "en");
        await expectHeading(page, c("documents.title"));

        // Playwright takes buffers only up to 50 MB: a file made in the test's own temporary folder.
        const fiftyMb = testInfo.outputPath("huge.jpg");
        fs.writeFileSync(fiftyMb, Buffer.alloc(50 * 1024 * 1024, 0xff));
        const svg = {
          name: "photo.jpg",
          mimeType: "image/jpeg",
          buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        };
        const text = { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("just some text pretending to be a PDF") };
        await page.getByLabel(c("documents.kinds.passport")).setInputFiles(fiftyMb);
        await page.getByLabel(c("documents.kinds.cnic_front")).setInputFiles(svg);
        await page.getByLabel(c("documents.kinds.cnic_back")).setInputFiles(text);
        await page.getByLabel(c("documents.kinds.photo")).setInputFiles(await jpeg("me.jpg"));
        await continueOn(page, "en");

        const summary = page.getByRole("alert");
        await expect(summary).toContainText(t("en", "documents:errors.tooLarge"));
        await expect(summary).toContainText(t("en", "documents:errors.wrongType"));
        await expect(page.locator("#passport-error")).toContainText(t("en", "documents:errors.tooLarge"));
        await expect(page.locator("#cnic_front-error")).toContainText(t("en", "documents:errors.wrongType"));
        await expect(page.locator("#cnic_back-error")).toContainText(t("en", "documents:errors.wrongType"));
        // The photo that passed is kept: no need to upload it again.
        await expect(page.locator("#photo-hint")).toContainText("JPG");
      });
    });
  }

  test("a submission replayed twice makes one application", async ({ page, context }) => {
    await startApplication(page, "en", "self");
    await fillPersonal(page, "en");
    await fillContact(page, "en", unique("replay"));
    await fillAddress(page, "en");
    await fillPurposeAndDelivery(page, "en");
    await uploadDocuments(page, "en");
    await expectHeading(page, c("check.title"));
    const cookies = (await context.cookies()).map((k) => `${k.name}=${k.value}`).join("; ");
    const post = () =>
      page.request.post("/en/certificate/check", { form: { declaration: "yes" }, headers: { cookie: cookies }, maxRedirects: 0 });
    const [first, second] = await Promise.all([post(), post()]);
    const third = await post();
    const locations = [first, second, third].map((r) => r.headers()["location"]);
    expect(new Set(locations).size).toBe(1);
    expect(locations[0]).toMatch(/\/en\/certificate\/confirmation\/PCC-/);
  });

  test("script and markup in text fields stay text", async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await startApplication(page, "en", "self");
    await fillPersonal(page, "en");
    await page.getByLabel(c("contact.email")).fill(unique("markup"));
    await page.getByLabel(c("contact.phone")).fill("+30 691 234 5678");
    await page.locator("#residenceCountry").selectOption("GR");
    await page.locator("#residenceCity").fill('<img src=x onerror="alert(1)">');
    await continueOn(page, "en");
    await page.getByLabel(c("addresses.district")).fill("<script>alert(2)</script>");
    await page.getByLabel(c("addresses.policeStation")).fill('"><svg onload=alert(3)>');
    await page.getByLabel(c("addresses.address"), { exact: true }).fill("House 12, Street 4 <b>bold</b>");
    const from = page.getByRole("group", { name: c("addresses.from") });
    await from.getByLabel(t("en", "form.date.month")).fill("6");
    await from.getByLabel(t("en", "form.date.year")).fill("2015");
    await continueOn(page, "en");
    await fillPurposeAndDelivery(page, "en");
    await uploadDocuments(page, "en");
    await expectHeading(page, c("check.title"));
    await expect(page.getByText('<img src=x onerror="alert(1)">')).toBeVisible();
    await expect(page.locator("dt", { hasText: "<script>alert(2)</script>" })).toBeVisible();
    expect(await page.locator("main img, main script, main svg").count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  test("tracking: an unknown reference and a wrong date of birth get the same answer", async ({ page }) => {
    await trackApplication(page, "en", "PCC-7K3M-9Q2V");
    await expect(page.getByRole("alert")).toHaveText(t("en", "track:notFound"));
    await page.getByLabel(t("en", "track:reference")).fill("PCC-7K3M-9Q2X");
    await page.getByRole("button", { name: t("en", "track:submit") }).click();
    await expect(page.getByRole("alert")).toContainText(t("en", "track:validation.referenceFormat"));
    // The other answers are kept.
    await expect(page.getByRole("group", { name: t("en", "track:dateOfBirth") }).getByLabel(t("en", "form.date.year"))).toHaveValue(
      HOLDER.year,
    );
  });
});
