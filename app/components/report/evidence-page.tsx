import { useTranslation } from "~/utils/use-translation";
import { acceptAttribute, contentTypeLabelKey, type DocumentContentType, MAX_EVIDENCE_FILES, sizeInKb } from "~/domain/document-rules";
import { formatNumber } from "~/utils/format";
import { FileField } from "../file-field";
import type { ReportPageProps } from "./page-props";
import { ReportPageForm } from "./report-page";

export type EvidenceListing = { id: string; contentType: DocumentContentType; size: number };

/**
 * Files go up with "Add files" or with "Continue"; each stored file can be removed again. Without
 * JavaScript the list is the confirmation that a file arrived.
 */
export function EvidencePage({ lang, state, errors, returnToCheck, evidence }: ReportPageProps & { evidence: readonly EvidenceListing[] }) {
  const { t } = useTranslation("report");
  const error = errors?.evidence;
  return (
    <ReportPageForm
      page="evidence"
      state={state}
      returnToCheck={returnToCheck}
      errors={errors}
      fieldOrder={["evidence"]}
      title={t("evidence.title")}
      encType="multipart/form-data"
    >
      <p>{t("evidence.intro")}</p>
      <p>{t("evidence.cleaned")}</p>
      {evidence.length > 0 ? (
        <>
          <h2 className="heading-m">{t("evidence.added", { count: evidence.length })}</h2>
          <ul className="list evidence-list">
            {evidence.map((file, index) => {
              const label = t("evidence.file", {
                number: index + 1,
                type: t(contentTypeLabelKey(file.contentType)),
                size: t("documents:sizeKb", { size: formatNumber(lang, sizeInKb(file.size)) }),
              });
              return (
                <li key={file.id} className="evidence-list__item">
                  <span>{label}</span>
                  <button
                    type="submit"
                    className="link-button"
                    name="remove"
                    value={file.id}
                    aria-label={t("evidence.removeLabel", { file: label })}
                  >
                    {t("evidence.remove")}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {evidence.length < MAX_EVIDENCE_FILES ? (
        <FileField
          name="evidence"
          label={t("evidence.choose")}
          hint={t("evidence.hint", { max: MAX_EVIDENCE_FILES })}
          error={error}
          accept={acceptAttribute("evidence")}
          multiple
        />
      ) : (
        <p>{t("evidence.full", { max: MAX_EVIDENCE_FILES })}</p>
      )}
      <p>
        <button type="submit" className="button button--secondary" name="intent" value="upload">
          {t("evidence.upload")}
        </button>
      </p>
    </ReportPageForm>
  );
}
