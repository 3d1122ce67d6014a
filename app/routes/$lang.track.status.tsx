import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import { STATUS_NEXT_STEP } from "~/domain/lifecycle";
import { isLang, type Lang } from "~/i18n";
import { findTrackedById } from "~/models/application.server";
import { listActiveCenters } from "~/models/center.server";
import { answerInformationRequest, findOpenRequest } from "~/models/information-request.server";
import { InformationAnswerSchema } from "~/schemas/track";
import { readUploadForm, storeUploads } from "~/utils/documents-step.server";
import { type FieldErrors, parseForm } from "~/utils/form";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";
import { endTracking, trackedApplicationId } from "~/utils/track-session.server";

// The title names no person and no reference: the page may be open on a shared phone.
export const handle: RouteHandle = { i18n: ["track", "documents", "validation"], title: (t) => t("track:statusPage.title") };

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
  const center = application.collectionCenterSlug ? (await listActiveCenters(context.db, lang)).find((c) => c.slug === application.collectionCenterSlug)?.name ?? null : null;
  return data(
    {
      reference: application.reference,
      status: application.status,
      authorityPending: application.authorityPending,
      since: formatDate(lang, application.statusChangedAt),
      submitted: formatDate(lang, application.submittedAt),
      rejectionNote: application.rejectionNote,
      collectionCenter: application.delivery === "collection" ? center : null,
      answered: new URL(request.url).searchParams.get("answered") === "1",
      question: request_ ? { id: request_.id, text: request_.question, asked: formatDate(lang, request_.askedAt) } : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response | { errors: FieldErrors; answer: string }> {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const application = await requireTracked(request, context, lang);
  const formData = await readUploadForm(request, ["evidence"]);
  if (formData.get("intent") === "close") {
    return redirect(`/${lang}/track`, { headers: { "Set-Cookie": await endTracking(context) } });
  }
  const open = await findOpenRequest(context.db, application.id);
  if (!open || formData.get("requestId") !== open.id) return redirect(`/${lang}/track/status`);
  const parsed = parseForm(InformationAnswerSchema, formData);
  const answer = String(formData.get("answer") ?? "");
  if (!parsed.ok) return { errors: parsed.errors, answer };
  const hasFile = formData.get("evidence") instanceof File || formData.get("evidence") === "\u0000too-large";
  if (!parsed.data.answer && !hasFile) return { errors: { answer: "track:request.answerRequired" }, answer };
  const uploadErrors = await storeUploads(context, { ownerType: "information_response", ownerId: open.id }, formData, ["evidence"]);
  if (Object.keys(uploadErrors).length > 0) return { errors: uploadErrors, answer };
  await answerInformationRequest(context.db, { applicationId: application.id, requestId: open.id, answer: parsed.data.answer });
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
      <ErrorSummary errors={errors} order={["answer", "evidence"]} />
      <h1 className="heading-l">{t("statusPage.title")}</h1>
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
      {status.collectionCenter ? <p>{status.collectionCenter}</p> : null}
      {status.status === "rejected" && status.rejectionNote ? (
        <>
          <h2 className="heading-m">{t("rejection.heading")}</h2>
          <p className="inset-text">{status.rejectionNote}</p>
        </>
      ) : null}
      {status.question ? (
        <section aria-labelledby="question-heading">
          <h2 className="heading-m" id="question-heading">
            {t("request.heading")}
          </h2>
          <p className="hint">{t("request.asked", { date: status.question.asked })}</p>
          <p className="inset-text">{status.question.text}</p>
          <Form method="post" encType="multipart/form-data" noValidate>
            <input type="hidden" name="requestId" value={status.question.id} />
            <div className={errors?.answer ? "form-group form-group--error" : "form-group"}>
              <label className="label" htmlFor="answer">
                {t("request.answer")}
              </label>
              <p className="hint" id="answer-hint">
                {t("request.answerHint")}
              </p>
              {errors?.answer ? (
                <p className="error-message" id="answer-error">
                  <span className="visually-hidden">{t("form.errorPrefix", { ns: "common" })}: </span>
                  {t(errors.answer)}
                </p>
              ) : null}
              <textarea className="textarea" id="answer" name="answer" rows={5} defaultValue={result?.answer} aria-describedby={errors?.answer ? "answer-hint answer-error" : "answer-hint"} />
            </div>
            <div className={errors?.evidence ? "form-group form-group--error" : "form-group"}>
              <label className="label" htmlFor="evidence">
                {t("request.file")}
              </label>
              <p className="hint" id="evidence-hint">
                {t("request.fileHint")}
              </p>
              {errors?.evidence ? (
                <p className="error-message" id="evidence-error">
                  <span className="visually-hidden">{t("form.errorPrefix", { ns: "common" })}: </span>
                  {t(errors.evidence)}
                </p>
              ) : null}
              <input className="file-input" type="file" id="evidence" name="evidence" accept="image/jpeg,image/png,application/pdf" aria-describedby={errors?.evidence ? "evidence-hint evidence-error" : "evidence-hint"} />
            </div>
            <button type="submit" className="button" name="intent" value="answer">
              {t("request.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <button type="submit" className="button button--secondary" name="intent" value="close">
          {t("statusPage.signOut")}
        </button>
      </Form>
      <p>
        <a href={`/${lang}`}>{t("errors.goHome", { ns: "common" })}</a>
      </p>
    </>
  );
}
