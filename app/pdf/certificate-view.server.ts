/**
 * A certificate's content as labelled lines in one language: the same lines make the PDF's pages
 * (English, and the destination's language) and the verification page's rendering, so what a
 * verifier reads online is what the certificate says.
 */
import { formatCnic } from "~/domain/cnic";
import type { CertificateContent } from "~/domain/certificate";
import type { Lang } from "~/i18n";
import { countryName, formatDate } from "~/utils/format";
import { getI18n } from "~/utils/i18n.server";

export type CertificateLine = { key: string; label: string; value: string };

export type CertificateView = {
  authority: string;
  title: string;
  statement: string;
  numberLabel: string;
  holder: CertificateLine[];
  result: CertificateLine;
  issue: CertificateLine[];
};

export function describeCertificate(lang: Lang, content: CertificateContent): CertificateView {
  const { t } = getI18n(lang);
  const d = (key: string, values?: Record<string, string>) => t(`verify:document.${key}`, values);
  const purpose = content.purpose === "other" && content.purposeOther ? content.purposeOther : d(`purposes.${content.purpose}`);
  return {
    authority: d("authority"),
    title: d("title"),
    statement: d("statement"),
    numberLabel: d("number"),
    holder: [
      { key: "fullName", label: d("fullName"), value: content.fullName },
      { key: "fatherName", label: d("fatherName"), value: content.fatherName },
      { key: "dateOfBirth", label: d("dateOfBirth"), value: formatDate(lang, content.dateOfBirth) },
      { key: "cnic", label: d("cnic"), value: formatCnic(content.cnic) },
      { key: "passport", label: d("passport"), value: `${content.passportNumber} (${countryName(lang, content.passportCountry)})` },
      { key: "purpose", label: d("purpose"), value: purpose },
      { key: "destination", label: d("destination"), value: countryName(lang, content.destinationCountry) },
    ],
    result: { key: "result", label: d("result"), value: d(`results.${content.result}`) },
    issue: [
      { key: "issuedBy", label: d("issuedBy"), value: content.centerNames[lang] },
      { key: "officer", label: d("officer"), value: content.officerName },
      { key: "issued", label: d("issued"), value: formatDate(lang, content.issuedAt) },
      { key: "expires", label: d("expires"), value: formatDate(lang, content.expiresAt) },
    ],
  };
}
