import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CenterDetails } from "~/components/center-details";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import { acceptsApostille, COLLECTION_DOCUMENTS } from "~/domain/certificate";
import { STATUS_NEXT_STEP } from "~/domain/lifecycle";
import { isLang, type Lang } from "~/i18n";
import { findTrackedById } from "~/models/application.server";
import { listActiveCenters } from "~/models/center.server";
import { findCertificateForApplication } from "~/models/certificate.server";
import { latestDispute, openDisputeWithEvidence } from "~/models/dispute.server";
import { answerInformationRequestWithEvidence, findOpenRequest, listInformationRequests } from "~/models/information-request.server";
import { InformationAnswerSchema } from "~/schemas/track";
import { DisputeSchema } from "~/schemas/verify";
import { checkUploads, readUploadForm } from "~/services/documents-step.server";
import { type FieldErrors, parseForm } from "~/utils/form";
import { countryName, formatDate, formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";
import { endTracking, trackedApplicationId } from "~/utils/track-session.server";
import { ErrorMessage } from "~/components/error-message";
import { TextareaField } from "~/components/textarea-field";

// The title names no person and no reference: the page may be open on a shared phone.
export const handle: RouteHandle = { i18n: ["track", "documents", "validation", "centers"], title: (t) => t("track:statusPage.title") };

const DISPUTE_FIELDS = ["disputeText", "disputeEvidence"];

async function requireTracked(request: Request, context: LoaderFunctionArgs["context"], lang: Lang) {
  const id = await trackedApplicationId(request, context);
  const application = id ? await findTrackedById(context.db, id) : null;
  if (!application) throw redirect(`/${lang}/track`);
  return application;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const application = await requireTracked(request, context, lang);
  const request_ = application.status === "waiting_for_applicant" ? await findOpenRequest(context.db, application.id) : null;
  // Answered questions stay on the page: the applicant should see what they were asked and what they said.
  const answered = (await listInformationRequests(context.db, application.id)).filter((exchange) => exchange.answeredAt !== null);
  const center = application.collectionCenterSlug
    ? ((await listActiveCenters(context.db, lang)).find((c) => c.slug === application.collectionCenterSlug) ?? null)
    : null;
  const certificate = await findCertificateForApplication(context.db, application.id);
  const dispute = certificate ? await latestDispute(context.db, application.id) : null;
  const url = new URL(request.url);
  return data(
    {
      reference: application.reference,
      status: application.status,
      authorityPending: application.authorityPending,
      since: formatDate(lang, application.statusChangedAt),
      submitted: formatDate(lang, application.submittedAt),
      rejectionNote: application.rejectionNote,
      collectionCenter: application.delivery === "collection" && center ? { name: center.name, details: center.details } : null,
      answered: url.searchParams.get("answered") === "1",
      disputed: url.searchParams.get("disputed") === "1",
      certificate: certificate
        ? {
            number: certificate.number,
            state: certificate.state,
            issued: formatDate(lang, certificate.issuedAt),
            expires: formatDate(lang, certificate.expiresAt),
            revoked: certificate.revokedAt ? formatDate(lang, certificate.revokedAt) : null,
            revocationReason: certificate.revocationReason,
            revocationNote: certificate.revocationNote,
            checks: formatNumber(lang, certificate.verificationCount),
            download: `/${lang}/track/certificate.pdf`,
            destination: countryName(lang, certificate.destinationCountry),
            apostille: acceptsApostille(certificate.destinationCountry),
          }
        : null,
      dispute: dispute
        ? {
            status: dispute.status,
            text: dispute.text,
            outcome: dispute.outcome,
            sent: formatDate(lang, dispute.createdAt),
            decided: dispute.decidedAt ? formatDate(lang, dispute.decidedAt) : null,
          }
        : null,
      conversation: answered.map((exchange) => ({
        id: exchange.id,
        question: exchange.question,
        asked: formatDate(lang, exchange.askedAt),
        answer: exchange.answer ?? "",
        answered: formatDate(lang, exchange.answeredAt ?? exchange.askedAt),
      })),
      question: request_ ? { id: request_.id, text: request_.question, asked: formatDate(lang, request_.askedAt) } : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type StatusActionResult = { errors: FieldErrors; answer: string; disputeText?: string };

/** The holder's dispute of the certificate, with its evidence: checked here, stored with the dispute. */
async function disputeAction(
  context: ActionFunctionArgs["context"],
  lang: string,
  applicationId: string,
  formData: FormData,
): Promise<Response | StatusActionResult> {
  const certificate = await findCertificateForApplication(context.db, applicationId);
  if (!certificate || certificate.state === "revoked") return redirect(`/${lang}/track/status`);
  const disputeText = String(formData.get("disputeText") ?? "");
  const parsed = parseForm(DisputeSchema, formData);
  const { uploads, errors: uploadErrors } = await checkUploads(formData, ["evidence"]);
  const errors: FieldErrors = {
    ...(parsed.ok ? {} : parsed.errors),
    ...(uploadErrors.evidence ? { disputeEvidence: uploadErrors.evidence } : {}),
  };
  if (!parsed.ok || Object.keys(errors).length > 0) return { errors, answer: "", disputeText };
  const opened = await openDisputeWithEvidence(context.db, context.documentKey, {
    applicationId,
    text: parsed.data.disputeText,
    evidence: uploads,
  });
  context.logger.info({ requestId: context.requestId, outcome: opened.ok ? "opened" : opened.problem }, "certificate dispute");
  return redirect(`/${lang}/track/status${opened.ok ? "?disputed=1" : ""}`);
}

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response | StatusActionResult> {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const application = await requireTracked(request, context, lang);
  const formData = await readUploadForm(request, ["evidence"]);
  if (formData.get("intent") === "close") {
    return redirect(`/${lang}/track`, { headers: { "Set-Cookie": await endTracking(context) } });
  }
  if (formData.get("intent") === "dispute") return disputeAction(context, lang, application.id, formData);
  const open = await findOpenRequest(context.db, application.id);
  if (!open || formData.get("requestId") !== open.id) return redirect(`/${lang}/track/status`);
  const parsed = parseForm(InformationAnswerSchema, formData);
  const answer = String(formData.get("answer") ?? "");
  if (!parsed.ok) return { errors: parsed.errors, answer };
  const hasFile = formData.get("evidence") instanceof File || formData.get("evidence") === "\u0000too-large";
  if (!parsed.data.answer && !hasFile) return { errors: { answer: "track:request.answerRequired" }, answer };
  const { uploads, errors: uploadErrors } = await checkUploads(formData, ["evidence"]);
  if (Object.keys(uploadErrors).length > 0) return { errors: uploadErrors, answer };
  await answerInformationRequestWithEvidence(context.db, context.documentKey, {
    applicationId: application.id,
    requestId: open.id,
    answer: parsed.data.answer,
    evidence: uploads,
  });
  context.logger.info({ requestId: context.requestId, outcome: "answered" }, "information request answer");
  return redirect(`/${lang}/track/status?answered=1`);
}

export default function TrackStatus() {
  const { t } = useTranslation("track");
  const { lang } = useParams();
  const status = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <ErrorSummary errors={errors} order={["answer", "evidence", ...DISPUTE_FIELDS]} />
      <h1 className="heading-l">{t("statusPage.title")}</h1>
      {status.disputed ? (
        <div className="notice notice--success" role="status">
          <p>{t("dispute.sent")}</p>
        </div>
      ) : null}
      {status.answered ? (
        <div className="notice notice--success" role="status">
          <p>{t("request.sent")}</p>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: "reference", label: t("statusPage.reference"), value: status.reference },
          { key: "status", label: t("statusPage.status"), value: t(`status.${status.status}.label`) },
          { key: "since", label: t("statusPage.since"), value: status.since },
          { key: "submitted", label: t("statusPage.submitted"), value: status.submitted },
        ]}
      />
      <h2 className="heading-m">{t("statusPage.nextHeading")}</h2>
      <p>{status.authorityPending ? t("authorityPending") : t(STATUS_NEXT_STEP[status.status].nextStepKey)}</p>
      {status.collectionCenter && !status.certificate ? (
        <div className="inset-text">
          <p>{status.collectionCenter.name}</p>
          <CenterDetails details={status.collectionCenter.details} />
        </div>
      ) : null}
      {status.certificate ? <CertificateSection status={status} errors={errors} disputeText={result?.disputeText} /> : null}
      {status.status === "rejected" && status.rejectionNote ? (
        <>
          <h2 className="heading-m">{t("rejection.heading")}</h2>
          <p className="inset-text">{status.rejectionNote}</p>
        </>
      ) : null}
      {status.conversation.length > 0 ? (
        <section aria-labelledby="conversation-heading">
          <h2 className="heading-m" id="conversation-heading">
            {t("request.history")}
          </h2>
          <ol className="conversation">
            {status.conversation.map((exchange) => (
              <li key={exchange.id} className="conversation__item">
                <p className="hint">{t("request.asked", { date: exchange.asked })}</p>
                <p className="inset-text">
                  <bdi>{exchange.question}</bdi>
                </p>
                <p className="hint">{t("request.answeredOn", { date: exchange.answered })}</p>
                {exchange.answer ? (
                  <p className="conversation__answer" dir="auto">
                    {exchange.answer}
                  </p>
                ) : (
                  <p>{t("request.documentOnly")}</p>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {status.question ? (
        <section aria-labelledby="question-heading">
          <h2 className="heading-m" id="question-heading">
            {t("request.heading")}
          </h2>
          <p className="hint">{t("request.asked", { date: status.question.asked })}</p>
          <p className="inset-text">
            <bdi>{status.question.text}</bdi>
          </p>
          <Form method="post" encType="multipart/form-data" noValidate>
            <input type="hidden" name="requestId" value={status.question.id} />
            <TextareaField
              name="answer"
              label={t("request.answer")}
              hint={t("request.answerHint")}
              error={errors?.answer}
              defaultValue={result?.answer}
              rows={5}
            />
            <div className={errors?.evidence ? "form-group form-group--error" : "form-group"}>
              <label className="label" htmlFor="evidence">
                {t("request.file")}
              </label>
              <p className="hint" id="evidence-hint">
                {t("request.fileHint")}
              </p>
              <ErrorMessage id="evidence-error" error={errors?.evidence} />
              <input
                className="file-input"
                type="file"
                id="evidence"
                name="evidence"
                accept="image/jpeg,image/png,application/pdf"
                aria-describedby={errors?.evidence ? "evidence-hint evidence-error" : "evidence-hint"}
              />
            </div>
            <button type="submit" className="button" name="intent" value="answer">
              {t("request.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <p className="hint" id="close-hint">
          {t("statusPage.signOutHint")}
        </p>
        <button type="submit" className="button button--secondary" name="intent" value="close" aria-describedby="close-hint">
          {t("statusPage.signOut")}
        </button>
      </Form>
      <p>
        <a href={`/${lang}`}>{t("errors.goHome", { ns: "common" })}</a>
      </p>
    </>
  );
}

type StatusData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The issued certificate: download, checks, collection, apostille, and disputing its content. */
function CertificateSection({
  status,
  errors,
  disputeText,
}: {
  status: StatusData;
  errors: FieldErrors | undefined;
  disputeText: string | undefined;
}) {
  const { t } = useTranslation("track");
  const certificate = status.certificate!;
  const dispute = status.dispute;
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

      {status.collectionCenter && !certificate.revoked ? (
        <>
          <h3 className="heading-s">{t("collection.heading")}</h3>
          <p>{t("collection.where")}</p>
          <div className="inset-text">
            <p>{status.collectionCenter.name}</p>
            <CenterDetails details={status.collectionCenter.details} />
          </div>
          <p>{t("collection.bring")}</p>
          <ul className="list--bullet">
            {COLLECTION_DOCUMENTS.map((document) => (
              <li key={document}>{t(`collection.items.${document}`, { reference: status.reference })}</li>
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
            <div className={errors?.disputeText ? "form-group form-group--error" : "form-group"}>
              <label className="label" htmlFor="disputeText">
                {t("dispute.text")}
              </label>
              <p className="hint" id="disputeText-hint">
                {t("dispute.textHint")}
              </p>
              <ErrorMessage id="disputeText-error" error={errors?.disputeText} />
              <textarea
                className="textarea"
                id="disputeText"
                name="disputeText"
                rows={4}
                defaultValue={disputeText}
                aria-invalid={errors?.disputeText ? true : undefined}
                aria-describedby={errors?.disputeText ? "disputeText-hint disputeText-error" : "disputeText-hint"}
              />
            </div>
            <div className={errors?.disputeEvidence ? "form-group form-group--error" : "form-group"}>
              <label className="label" htmlFor="disputeEvidence">
                {t("dispute.file")}
              </label>
              <p className="hint" id="disputeEvidence-hint">
                {t("dispute.fileHint")}
              </p>
              <ErrorMessage id="disputeEvidence-error" error={errors?.disputeEvidence} />
              <input
                className="file-input"
                type="file"
                id="disputeEvidence"
                name="evidence"
                accept="image/jpeg,image/png,application/pdf"
                aria-describedby={errors?.disputeEvidence ? "disputeEvidence-hint disputeEvidence-error" : "disputeEvidence-hint"}
              />
            </div>
            <button type="submit" className="button button--secondary" name="intent" value="dispute">
              {t("dispute.submit")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
