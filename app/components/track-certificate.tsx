import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { COLLECTION_DOCUMENTS } from "~/domain/certificate";
import type { FieldErrors } from "~/utils/form";
import { CenterDetails, type CenterDetailsData } from "./center-details";
import { EVIDENCE_ACCEPT, FileField } from "./file-field";
import { SummaryList } from "./summary-list";
import { TextareaField } from "./textarea-field";

export type TrackedCertificate = {
  number: string;
  state: string;
  issued: string;
  expires: string;
  revoked: string | null;
  revocationReason: string | null;
  revocationNote: string | null;
  checks: string;
  download: string;
  destination: string;
  apostille: boolean;
};

export type TrackedDispute = { status: string; text: string; outcome: string | null; sent: string; decided: string | null };

/** The issued certificate: download, checks, collection, apostille, and disputing its content. */
export function TrackCertificate({
  certificate,
  dispute,
  collectionCenter,
  reference,
  errors,
  disputeText,
}: {
  certificate: TrackedCertificate;
  dispute: TrackedDispute | null;
  collectionCenter: { name: string; details: CenterDetailsData | null } | null;
  reference: string;
  errors: FieldErrors | undefined;
  disputeText: string | undefined;
}) {
  const { t } = useTranslation("track");
  const canDispute = certificate.state !== "revoked" && dispute?.status !== "open";
  return (
    <section className="certificate-section" aria-labelledby="certificate-heading">
      <h2 className="heading-m" id="certificate-heading">
        {t("certificate.heading")}
      </h2>
      <SummaryList
        rows={[
          { key: "number", label: t("certificate.number"), value: certificate.number },
          { key: "state", label: t("certificate.state"), value: t(`certificate.states.${certificate.state}`) },
          { key: "issued", label: t("certificate.issued"), value: certificate.issued },
          { key: "expires", label: t("certificate.expires"), value: certificate.expires },
          { key: "checks", label: t("certificate.checks"), value: certificate.checks },
        ]}
      />
      <p className="hint">{t("certificate.checksHint")}</p>
      {certificate.revoked ? (
        <div className="inset-text">
          <p>{t("certificate.revoked", { date: certificate.revoked })}</p>
          {certificate.revocationReason ? (
            <p>
              {t("certificate.reason")}: {t(`certificate.reasons.${certificate.revocationReason}`, { defaultValue: "" })}
            </p>
          ) : null}
          {certificate.revocationNote ? <p dir="auto">{certificate.revocationNote}</p> : null}
          <p>{t("certificate.reapply")}</p>
        </div>
      ) : (
        <>
          <p>
            <a href={certificate.download} className="button" download>
              {t("certificate.download")}
            </a>
          </p>
          <p className="hint">{t("certificate.downloadHint")}</p>
        </>
      )}

      {collectionCenter && !certificate.revoked ? (
        <>
          <h3 className="heading-s">{t("collection.heading")}</h3>
          <p>{t("collection.where")}</p>
          <div className="inset-text">
            <p>{collectionCenter.name}</p>
            <CenterDetails details={collectionCenter.details} />
          </div>
          <p>{t("collection.bring")}</p>
          <ul className="list--bullet">
            {COLLECTION_DOCUMENTS.map((document) => (
              <li key={document}>{t(`collection.items.${document}`, { reference: reference })}</li>
            ))}
          </ul>
          <p>{t("collection.inPerson")}</p>
        </>
      ) : null}

      {!certificate.revoked ? (
        <>
          <h3 className="heading-s">{t("apostille.heading", { country: certificate.destination })}</h3>
          {certificate.apostille ? (
            <>
              <p>{t("apostille.member", { country: certificate.destination })}</p>
              <p>{t("apostille.how")}</p>
            </>
          ) : (
            <p>{t("apostille.notMember", { country: certificate.destination })}</p>
          )}
        </>
      ) : null}

      {dispute ? (
        <div className="inset-text">
          {dispute.status === "open" ? (
            <p>{t("dispute.open", { date: dispute.sent })}</p>
          ) : (
            <p>{t(`dispute.${dispute.status}`, { date: dispute.decided ?? "" })}</p>
          )}
          <p className="hint">{t("dispute.yourText")}</p>
          <p dir="auto">{dispute.text}</p>
          {dispute.outcome ? (
            <>
              <p className="hint">{t("dispute.outcome")}</p>
              <p dir="auto">{dispute.outcome}</p>
            </>
          ) : null}
        </div>
      ) : null}
      {canDispute ? (
        <>
          <h3 className="heading-s">{t("dispute.heading")}</h3>
          <p>{t("dispute.lead")}</p>
          <Form method="post" encType="multipart/form-data" noValidate>
            <TextareaField
              name="disputeText"
              label={t("dispute.text")}
              hint={t("dispute.textHint")}
              error={errors?.disputeText}
              defaultValue={disputeText}
              rows={4}
            />
            <FileField
              name="evidence"
              id="disputeEvidence"
              label={t("dispute.file")}
              hint={t("dispute.fileHint")}
              error={errors?.disputeEvidence}
              accept={EVIDENCE_ACCEPT}
            />
            <button type="submit" className="button button--secondary" name="intent" value="dispute">
              {t("dispute.submit")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
