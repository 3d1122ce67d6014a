/** The mails certificate jobs send, each in the holder's language; none carries the PDF (see the tracking page). */
import { isLang, type Lang } from "~/i18n";
import type { CertificateMails } from "~/models/certificate.server";
import type { DisputeMails } from "~/models/dispute.server";
import { certificateReadyMail } from "./certificate-ready.server";
import { certificateRevokedMail } from "./certificate-revoked.server";
import { disputeDecidedMail } from "./dispute-decided.server";
import { expiryReminderMail } from "./expiry-reminder.server";

const mailLanguage = (language: string): Lang => (isLang(language) ? language : "en");

export function certificateMails(publicUrl: string): CertificateMails & DisputeMails {
  const trackLink = (lang: Lang) => `${publicUrl}/${lang}/track`;
  return {
    ready: ({ language, ...info }) =>
      certificateReadyMail(mailLanguage(language), { ...info, trackLink: trackLink(mailLanguage(language)) }),
    revoked: ({ language, ...info }) =>
      certificateRevokedMail(mailLanguage(language), { ...info, trackLink: trackLink(mailLanguage(language)) }),
    reminder: ({ language, ...info }) => expiryReminderMail(mailLanguage(language), info),
    decided: ({ language, ...info }) =>
      disputeDecidedMail(mailLanguage(language), { ...info, trackLink: trackLink(mailLanguage(language)) }),
  };
}
