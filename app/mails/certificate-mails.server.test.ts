import { describe, expect, it } from "vitest";
import { COLLECTION_DOCUMENTS } from "~/domain/certificate";
import { LANGUAGES } from "~/i18n";
import { getI18n } from "~/utils/i18n.server";
import { certificateMails } from "./certificate-mails.server";

describe("the certificate-ready mail", () => {
  it.each(LANGUAGES)("asks for the same documents as the tracking page (%s)", (lang) => {
    const { t } = getI18n(lang);
    const mail = certificateMails("https://portal.example").ready({
      reference: "PCC-ABC123",
      language: lang,
      number: "PB-2026-000001",
      collectionCenter: "Embassy of Pakistan, Athens",
    });
    // The tracking page lists exactly these texts under "Bring with you".
    const pageItems = COLLECTION_DOCUMENTS.map((document) => t(`track:collection.items.${document}`, { reference: "PCC-ABC123" }));
    expect(pageItems).toHaveLength(3);
    for (const item of pageItems) expect(mail.text).toContain(item);
    expect(mail.text).toContain(t("track:collection.bring"));
  });
});
