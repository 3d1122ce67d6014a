/** The applicant's notices of status changes and of their certificate, in the language they applied in. */
import { COLLECTION_DOCUMENTS } from "~/domain/certificate";
import { isLang } from "~/i18n";
import type { NoticeFor } from "~/models/case.server";
import type { CertificateMails } from "~/models/certificate.server";
import type { DisputeMails } from "~/models/dispute.server";
import { isolate } from "./bidi";
import { formatDate } from "./format";
import { getI18n } from "./i18n.server";

export function statusNotice(publicUrl: string): NoticeFor {
  return ({ reference, language }) => {
    const lang = isLang(language) ? language : "en";
    const { t } = getI18n(lang);
    return {
      subject: t("mail:statusChanged.subject", { reference }),
      text: [
        t("mail:statusChanged.body", { reference }),
        `${publicUrl}/${lang}/track`,
        `${t("mail:signature")}\n${t("mail:doNotReply")}`,
      ].join("\n\n"),
    };
  };
}

function mailLanguage(language: string) {
  const lang = isLang(language) ? language : "en";
  return { lang, t: getI18n(lang).t };
}

/** Where to collect and what to bring: the same list as the tracking page shows. */
function collectionText(t: (key: string, options?: Record<string, string>) => string, center: string, reference: string): string {
  const items = COLLECTION_DOCUMENTS.map((document) => `- ${t(`track:collection.items.${document}`, { reference })}`);
  return [
    t("mail:certificateReady.collection", { center }),
    t("track:collection.bring"),
    ...items,
    t("mail:certificateReady.seeOnline"),
  ].join("\n");
}

/** Certificate mails, each in the holder's language; none carries the PDF (see the tracking page). */
export function certificateMails(publicUrl: string): CertificateMails & DisputeMails {
  const signature = (t: (key: string) => string) => `${t("mail:signature")}\n${t("mail:doNotReply")}`;
  return {
    ready: ({ reference, language, number, collectionCenter }) => {
      const { lang, t } = mailLanguage(language);
      return {
        subject: t("mail:certificateReady.subject", { reference }),
        text: [
          t("mail:certificateReady.body", { number, reference }),
          collectionCenter ? collectionText(t, collectionCenter, reference) : t("mail:certificateReady.download"),
          `${publicUrl}/${lang}/track`,
          signature(t),
        ].join("\n\n"),
      };
    },
    revoked: ({ reference, language, number }) => {
      const { lang, t } = mailLanguage(language);
      return {
        subject: t("mail:certificateRevoked.subject", { number }),
        text: [t("mail:certificateRevoked.body", { number, reference }), `${publicUrl}/${lang}/track`, signature(t)].join("\n\n"),
      };
    },
    reminder: ({ language, number, expiresAt, link }) => {
      const { lang, t } = mailLanguage(language);
      const date = formatDate(lang, expiresAt);
      return {
        subject: t("mail:expiryReminder.subject", { date }),
        text: [
          t("mail:expiryReminder.body", { number, date }),
          t("mail:expiryReminder.link"),
          link,
          t("mail:expiryReminder.warning"),
          signature(t),
        ].join("\n\n"),
      };
    },
    decided: ({ reference, language, number, decision, outcome }) => {
      const { lang, t } = mailLanguage(language);
      return {
        subject: t("mail:disputeDecided.subject", { reference }),
        text: [
          t(`mail:disputeDecided.${decision}`, { number }),
          isolate(outcome),
          t("mail:disputeDecided.track"),
          `${publicUrl}/${lang}/track`,
          signature(t),
        ].join("\n\n"),
      };
    },
  };
}
