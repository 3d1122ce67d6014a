import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary } from "~/components/error-summary";
import { REQUIRED_DOCUMENTS, STEPS, stepNumber } from "~/domain/certificate-journey";
import {
  acceptAttribute,
  contentTypeLabelKey,
  isDocumentKind,
  MAX_DOCUMENT_BYTES,
  rejectionMessageKey,
  sizeInKb,
} from "~/domain/document-rules";
import { listDocuments } from "~/models/document.server";
import { missingDocuments, readUploadForm, storeUploads } from "~/services/documents-step.server";
import type { FieldErrors } from "~/utils/form";
import { formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { useNonce } from "~/utils/nonce";
import { isReturnToCheck, requireStepDraft, saveAndReturn, stepHref } from "~/services/step-action.server";
import { JourneyButtons } from "~/components/journey-buttons";

export const handle: RouteHandle = { i18n: ["certificate", "validation", "documents"], title: (t) => t("certificate:documents.title") };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const documents = (await listDocuments(context.db, "draft", draft.id)).map((d) => ({
    kind: d.kind,
    typeKey: contentTypeLabelKey(d.contentType),
    size: formatNumber(lang, sizeInKb(d.size)),
  }));
  return { documents, returnToCheck: isReturnToCheck(request) };
}

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response | { errors: FieldErrors }> {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const formData = await readUploadForm(request, REQUIRED_DOCUMENTS);
  const errors = await storeUploads(context, { ownerType: "draft", ownerId: draft.id }, formData, REQUIRED_DOCUMENTS);
  // Files the browser script held back for being over the limit (see public/upload-progress.js).
  for (const kind of formData.getAll("tooLarge")) if (isDocumentKind(kind)) errors[kind] = rejectionMessageKey("tooLarge");
  context.logger.info(
    { requestId: context.requestId, outcome: Object.keys(errors).length ? "rejected" : "stored", rejected: Object.keys(errors).length },
    "document upload",
  );
  if (formData.get("intent") === "save") return saveAndReturn(context, lang, draft, "documents");
  if (Object.keys(errors).length > 0) return { errors };
  if (formData.get("intent") === "upload") return redirect(stepHref(lang, "documents"));
  const missing = await missingDocuments(context.db, draft.id);
  if (missing.length > 0) return { errors: Object.fromEntries(missing.map((kind) => [kind, `documents:required.${kind}`])) };
  return redirect(stepHref(lang, "check"));
}

export default function Documents() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { documents, returnToCheck } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const nonce = useNonce();
  const uploaded = new Map(documents.map((d) => [d.kind, d]));
  return (
    <>
      <BackLink href={`/${lang}/certificate/delivery`} />
      <ErrorSummary errors={errors} order={REQUIRED_DOCUMENTS} />
      <p className="progress-line">{t("progress", { current: stepNumber("documents"), total: STEPS.length })}</p>
      <h1 className="heading-l">{t("documents.title")}</h1>
      <p>{t("documents.lead")}</p>
      <Form method="post" encType="multipart/form-data" noValidate data-upload-form="">
        {returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        {REQUIRED_DOCUMENTS.map((kind) => {
          const error = errors?.[kind];
          const done = uploaded.get(kind);
          const hintId = done ? `${kind}-hint` : undefined;
          const errorId = error ? `${kind}-error` : undefined;
          return (
            <div className={error ? "form-group form-group--error" : "form-group"} key={kind}>
              <label className="label" htmlFor={kind}>
                {t(`documents.kinds.${kind}`)}
              </label>
              {done ? (
                <p className="hint" id={hintId}>
                  <strong className="tag tag--green">
                    {t("documents.uploaded", { type: t(done.typeKey), size: t("documents:sizeKb", { size: done.size }) })}
                  </strong>{" "}
                  {t("documents.replace")}
                </p>
              ) : null}
              <ErrorMessage id={`${kind}-error`} error={error} />
              <input
                className="file-input"
                type="file"
                id={kind}
                name={kind}
                accept={acceptAttribute(kind)}
                aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
                data-max-bytes={MAX_DOCUMENT_BYTES}
              />
            </div>
          );
        })}
        <progress className="upload-progress" max={100} value={0} hidden aria-label={t("documents.progress")} />
        <button type="submit" className="button button--secondary" name="intent" value="upload">
          {t("documents.upload")}
        </button>
        <JourneyButtons />
      </Form>
      <script src="/upload-progress.js" nonce={nonce} defer />
    </>
  );
}
