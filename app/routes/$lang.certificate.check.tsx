import { authorityRequestMail } from "~/mails/authority-request.server";
import { receiptMail } from "~/mails/receipt.server";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { Declaration } from "~/components/declaration";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList, type SummaryRow } from "~/components/summary-list";
import { isLang, type Lang } from "~/i18n";
import { draftReadiness, submitApplication } from "~/models/application.server";
import { listActiveCenters } from "~/models/center.server";
import { listDocuments } from "~/models/document.server";
import { type CompleteAnswers, DeclarationSchema } from "~/schemas/certificate";
import { requireDraft } from "~/services/draft-session.server";
import { parseForm } from "~/utils/form";
import { addressPeriod, countryName, formatDate, joinParts, formatMonth } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { getI18n } from "~/utils/i18n.server";
import { notFound } from "~/utils/responses";
import { formatCnic } from "~/domain/cnic";
import { contentTypeLabelKey, sizeInKb } from "~/domain/document-rules";
import { readForm } from "~/utils/form.server";
import { isolate } from "~/utils/bidi";

export const handle: RouteHandle = { i18n: ["certificate", "validation", "documents"], title: (t) => t("certificate:check.title") };

/** Everything the page shows, already in the reader's language (the page ships no JavaScript). */
function summarise(
  lang: Lang,
  t: TFunction,
  answers: CompleteAnswers,
  centerNames: Map<string, string>,
  documents: { kind: string; label: string }[],
) {
  const href = (step: string) => `/${lang}/certificate/${step}?change=1`;
  const { personal, contact, addresses, purpose, delivery } = answers;
  const rows = (step: string, list: [string, string][]): SummaryRow[] =>
    list.map(([key, value]) => ({ key, label: t(`certificate:${step}.${key}`), value, changeHref: href(step) }));
  return {
    who: [
      {
        key: "who",
        label: t("certificate:who.title"),
        value: t(`certificate:who.options.${answers.who.applicantType}`),
        changeHref: href("who"),
      },
      ...(answers.authority
        ? rows("authority", [
            ["holderName", answers.authority.holderName],
            ["holderPassport", answers.authority.holderPassport],
            ["holderEmail", answers.authority.holderEmail],
            ["relativeName", answers.authority.relativeName],
          ]).concat([
            {
              key: "relationship",
              label: t("certificate:authority.relationship"),
              value: t(`certificate:authority.relationships.${answers.authority.relationship}`),
              changeHref: href("authority"),
            },
          ])
        : []),
    ],
    personal: rows("personal", [
      ["fullName", personal.fullName],
      ["fatherName", personal.fatherName],
      ["dateOfBirth", formatDate(lang, personal.dateOfBirth)],
      ["gender", t(`certificate:personal.genderOptions.${personal.gender}`)],
      ["cnic", formatCnic(personal.cnic)],
      ["passportCountry", countryName(lang, personal.passportCountry)],
      ["passportNumber", personal.passportNumber],
      ["nationality", countryName(lang, personal.nationality)],
    ]),
    contact: rows("contact", [
      ["email", contact.email],
      ["phone", contact.phone],
      ["residenceCountry", countryName(lang, contact.residenceCountry)],
      ["residenceCity", contact.residenceCity],
    ]),
    addresses: addresses.map((a, i) => ({
      key: `address-${i}`,
      label: joinParts(lang, [isolate(a.district), isolate(a.policeStation)]),
      value: `${isolate(a.address)} (${addressPeriod(t, formatMonth(lang, a.from), a.to ? formatMonth(lang, a.to) : null)})`,
      changeHref: href("addresses"),
    })),
    purpose: rows("purpose", [
      [
        "purpose",
        purpose.purpose === "other" && purpose.purposeOther
          ? isolate(purpose.purposeOther)
          : t(`certificate:purpose.options.${purpose.purpose}`),
      ],
      ["destinationCountry", countryName(lang, purpose.destinationCountry)],
    ]),
    delivery: [
      {
        key: "delivery",
        label: t("certificate:delivery.delivery"),
        value: t(`certificate:delivery.options.${delivery.delivery}`),
        changeHref: href("delivery"),
      },
      ...(delivery.collectionCenter
        ? [
            {
              key: "center",
              label: t("certificate:delivery.center"),
              value: centerNames.get(delivery.collectionCenter) ?? delivery.collectionCenter,
              changeHref: href("delivery"),
            },
          ]
        : []),
    ],
    documents: documents.map((d) => ({
      key: d.kind,
      label: t(`certificate:documents.kinds.${d.kind}`),
      value: d.label,
      changeHref: href("documents"),
    })),
  };
}

async function loadAnswers(request: Request, context: LoaderFunctionArgs["context"], lang: Lang) {
  const draft = await requireDraft(request, context, lang);
  const readiness = await draftReadiness(context.db, draft);
  if (readiness.state === "submitted") throw redirect(`/${lang}/certificate/confirmation/${readiness.reference}`);
  if (readiness.state === "incomplete") throw redirect(`/${lang}/certificate/${readiness.step}`);
  return { draft, answers: readiness.answers };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const { draft, answers } = await loadAnswers(request, context, lang);
  const { t } = getI18n(lang);
  const centers = new Map((await listActiveCenters(context.db, lang)).map((c) => [c.slug, c.name]));
  const documents = (await listDocuments(context.db, "draft", draft.id)).map((d) => ({
    kind: d.kind,
    label: t("certificate:documents.uploaded", {
      type: t(contentTypeLabelKey(d.contentType)),
      size: t("documents:sizeKb", { size: sizeInKb(d.size) }),
    }),
  }));
  return summarise(lang, t, answers, centers, documents);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const { draft, answers } = await loadAnswers(request, context, lang);
  const parsed = parseForm(DeclarationSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors };
  const submitted = await submitApplication(
    context.db,
    { draftId: draft.id, language: lang, answers },
    {
      receipt: (reference, trackToken) =>
        receiptMail(lang, {
          name: answers.authority?.relativeName ?? answers.personal.fullName,
          reference,
          trackLink: `${context.env.PUBLIC_URL}/${lang}/track?key=${encodeURIComponent(trackToken)}`,
        }),
      authority: (_reference, token) =>
        authorityRequestMail(lang, {
          relativeName: answers.authority?.relativeName ?? "",
          relationship: answers.authority?.relationship ?? "other",
          consentLink: `${context.env.PUBLIC_URL}/${lang}/certificate/consent?token=${encodeURIComponent(token)}`,
        }),
    },
  );
  context.logger.info(
    { requestId: context.requestId, outcome: submitted.replay ? "replayed" : "submitted" },
    "certificate application submission",
  );
  return redirect(`/${lang}/certificate/confirmation/${submitted.reference}`);
}

export default function CheckAnswers() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const summary = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <BackLink href={`/${lang}/certificate/documents`} />
      <ErrorSummary errors={errors} order={["declaration"]} />
      <h1 className="heading-l">{t("check.title")}</h1>
      <SummaryList rows={summary.who} />
      <h2 className="heading-m">{t("personal.title")}</h2>
      <SummaryList rows={summary.personal} />
      <h2 className="heading-m">{t("contact.title")}</h2>
      <SummaryList rows={summary.contact} />
      <h2 className="heading-m">{t("addresses.title")}</h2>
      <SummaryList rows={summary.addresses} />
      <h2 className="heading-m">{t("purpose.title")}</h2>
      <SummaryList rows={summary.purpose} />
      <h2 className="heading-m">{t("delivery.title")}</h2>
      <SummaryList rows={summary.delivery} />
      <h2 className="heading-m">{t("documents.title")}</h2>
      <SummaryList rows={summary.documents} />
      <h2 className="heading-m">{t("check.declarationHeading")}</h2>
      <Form method="post" noValidate>
        <Declaration label={t("check.declaration")} error={errors?.declaration} />
        <button type="submit" className="button">
          {t("check.submit")}
        </button>
      </Form>
    </>
  );
}
