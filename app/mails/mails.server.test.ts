import { describe, expect, it } from "vitest";
import { LANGUAGES, type Lang } from "~/i18n";
import { isolate } from "~/utils/bidi";
import { getI18n } from "~/utils/i18n.server";
import { authorityRequestMail } from "./authority-request.server";
import { certificateMails } from "./certificate-mails.server";
import type { ComposedMail } from "./compose.server";
import { receiptMail } from "./receipt.server";
import { resumeLinkMail } from "./resume-link.server";
import { statusNotice } from "./status-changed.server";
import { invitationMail } from "./staff-invitation.server";

const URL = "https://portal.example";
const TYPED = "<b>علی</b> & Khan";

type QueuedMail = { subject: string; text: string; html?: string };

/** Mail modules always write the HTML alternative; a missing one fails here. */
function withHtml(mail: QueuedMail | null): ComposedMail {
  if (!mail?.html) throw new Error("a mail without its HTML alternative");
  return { ...mail, html: mail.html };
}

/** Every mail the portal sends, in `lang`, with a typed value that needs escaping and isolating. */
function everyMail(lang: Lang): Record<string, ComposedMail> {
  const certificates = certificateMails(URL);
  const mails: Record<string, QueuedMail | null> = {
    receipt: receiptMail(lang, { name: TYPED, reference: "PCC-ABCD-EFGH", trackLink: `${URL}/${lang}/track?key=k1` }),
    authority: authorityRequestMail(lang, {
      relativeName: TYPED,
      relationship: "brother",
      consentLink: `${URL}/${lang}/certificate/consent?token=t1`,
    }),
    resume: resumeLinkMail(lang, { link: `${URL}/${lang}/certificate/resume?key=a.b`, expiresAt: "2027-01-01T00:00:00.000Z" }),
    status: statusNotice(URL)({ reference: "PCC-ABCD-EFGH", language: lang, email: "a@example.com", status: "in_review" }),
    ready: certificates.ready({ reference: "PCC-ABCD-EFGH", language: lang, number: "PB-2026-000001", collectionCenter: TYPED }),
    readyPdf: certificates.ready({ reference: "PCC-ABCD-EFGH", language: lang, number: "PB-2026-000001", collectionCenter: null }),
    revoked: certificates.revoked({ reference: "PCC-ABCD-EFGH", language: lang, number: "PB-2026-000001" }),
    reminder: certificates.reminder({
      language: lang,
      number: "PB-2026-000001",
      expiresAt: "2027-01-01T00:00:00.000Z",
      link: `${URL}/r?token=x`,
    }),
    decided: certificates.decided({
      reference: "PCC-ABCD-EFGH",
      language: lang,
      number: "PB-2026-000001",
      decision: "upheld",
      outcome: TYPED,
    }),
    invitation: invitationMail(lang)({
      link: `${URL}/staff/invite?token=s1`,
      displayName: TYPED,
      expiresAt: new Date("2027-01-01T00:00:00Z"),
    }),
  };
  return Object.fromEntries(Object.entries(mails).map(([name, mail]) => [name, withHtml(mail)]));
}

describe.each(LANGUAGES)("every mail in %s", (lang) => {
  const { t } = getI18n(lang);
  const mails = Object.entries(everyMail(lang));

  it.each(mails)("%s: rendered text only, no placeholder or key left, signed once", (_name, mail) => {
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toMatch(/\{\{|\}\}/);
      expect(part).not.toMatch(/\b(mail|staff|track|certificate):[a-zA-Z]/);
    }
    expect(mail.text.split(t("mail:signature")).length - 1).toBe(1);
    expect(mail.text.endsWith(`${t("mail:signature")}\n${t("mail:doNotReply")}`)).toBe(true);
  });

  it.each(mails)("%s: the HTML alternative says what the text says, in the page's direction", (_name, mail) => {
    expect(mail.html).toContain(`<html lang="${lang}" dir="${lang === "ur" ? "rtl" : "ltr"}">`);
    // Every link of the text is a link in the HTML.
    for (const link of mail.text.match(/https:\/\/\S+/g) ?? []) expect(mail.html).toContain(`<a href="${link.replace(/&/g, "&#38;")}">`);
    expect(mail.html).not.toMatch(/<(script|img|style|link)\b/i);
  });

  it("typed values are isolated in the text and escaped inside <bdi> in the HTML", () => {
    const mails = everyMail(lang);
    for (const mail of ["receipt", "authority", "ready", "decided", "invitation"].map((name) => mails[name]!)) {
      expect(mail.text).toContain(isolate(TYPED));
      expect(mail.html).toContain("<bdi>&#60;b&#62;علی&#60;/b&#62; &#38; Khan</bdi>");
      expect(mail.html).not.toContain("<b>علی");
    }
  });
});
