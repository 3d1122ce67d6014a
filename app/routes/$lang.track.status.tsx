import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { CenterDetails } from "~/components/center-details";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import { TrackCertificate } from "~/components/track-certificate";
import { TrackConversation, TrackQuestion } from "~/components/track-conversation";
import { acceptsApostille } from "~/domain/certificate";
import { STATUS_NEXT_STEP } from "~/domain/lifecycle";
import { isLang, type Lang } from "~/i18n";
import { findTrackedById } from "~/models/application.server";
import { findActiveCenter } from "~/models/center.server";
import { findCertificateForApplication } from "~/models/certificate.server";
import { latestDispute } from "~/models/dispute.server";
import { findOpenRequest, listInformationRequests } from "~/models/information-request.server";
import { readUploadForm } from "~/services/documents-step.server";
import { answerQuestion, disputeCertificate } from "~/services/track-intents.server";
import type { FieldErrors } from "~/utils/form";
import { countryName, formatDate, formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";
import { endTracking, trackedApplicationId } from "~/utils/track-session.server";

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
  const center = application.collectionCenterSlug ? await findActiveCenter(context.db, application.collectionCenterSlug, lang) : null;
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

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response | StatusActionResult> {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const application = await requireTracked(request, context, lang);
  const formData = await readUploadForm(request, ["evidence"]);
  if (formData.get("intent") === "close") {
    return redirect(`/${lang}/track`, { headers: { "Set-Cookie": await endTracking(context) } });
  }
  if (formData.get("intent") === "dispute") {
    const dispute = await disputeCertificate(context, application.id, formData);
    if (dispute.outcome === "invalid") return { errors: dispute.errors, answer: "", disputeText: dispute.disputeText };
    return redirect(`/${lang}/track/status${dispute.outcome === "opened" ? "?disputed=1" : ""}`);
  }
  const answered = await answerQuestion(context, application.id, formData);
  if (answered.outcome === "invalid") return { errors: answered.errors, answer: answered.answer };
  return redirect(`/${lang}/track/status${answered.outcome === "answered" ? "?answered=1" : ""}`);
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
      {status.certificate ? (
        <TrackCertificate
          certificate={status.certificate}
          dispute={status.dispute}
          collectionCenter={status.collectionCenter}
          reference={status.reference}
          errors={errors}
          disputeText={result?.disputeText}
        />
      ) : null}
      {status.status === "rejected" && status.rejectionNote ? (
        <>
          <h2 className="heading-m">{t("rejection.heading")}</h2>
          <p className="inset-text">{status.rejectionNote}</p>
        </>
      ) : null}
      <TrackConversation conversation={status.conversation} />
      {status.question ? <TrackQuestion question={status.question} errors={errors} answer={result?.answer} /> : null}
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
