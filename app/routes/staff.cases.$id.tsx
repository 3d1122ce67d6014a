import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BidiText } from "~/components/bidi-text";
import { CaseActionsPanel } from "~/components/case-actions-panel";
import { CaseDocuments, CaseHistory, CaseNotes, CaseRequests } from "~/components/case-record";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import { TextareaField } from "~/components/textarea-field";
import { assigneeProblem, CASE_ACTIONS, CASE_STEPS, checkCaseAction, isStatusProblem, type CaseAction } from "~/domain/case-actions";
import { formatCnic } from "~/domain/cnic";
import { CLOSED_STATUSES } from "~/domain/lifecycle";
import { slaState } from "~/domain/sla";
import { getCaseDetails, listCenterCaseworkers, recordCaseEvent } from "~/models/case-view.server";
import { findCertificateForApplication } from "~/models/certificate.server";
import { loadHolidays } from "~/models/holiday.server";
import { CaseActionSchema } from "~/schemas/case-action";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { runCaseIntent } from "~/services/case-intents.server";
import { requireCaseAccess } from "~/services/staff-scope.server";
import { isolate } from "~/utils/bidi";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { countryName, formatDate, formatMoment, formatMonth, joinParts } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { forbidden, noStoreHeaders, notFound } from "~/utils/responses";

export const handle: RouteHandle = {
  i18n: ["cases", "certificate", "track", "documents"],
  title: (t, data) => t("cases:case.title", { reference: (data as { reference?: string } | undefined)?.reference ?? "" }),
};
export const headers = noStoreHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requireCaseAccess(request, context, params.id, "read:case:center");
  const lang = requestLanguage(request);
  const details = await getCaseDetails(context.db, params.id!);
  if (!details) throw notFound();
  const sla = slaState(details.submittedAt, new Date(), await loadHolidays(context.db));
  await recordCaseEvent(context.db, { ...staffActor(staff), action: "case.viewed", entityType: "application", entityId: details.id });
  // The same guard the action refuses with: a button shows only where the post would be taken.
  const may = (action: CaseAction) => checkCaseAction(staff.user, action, details).ok;
  const reassign = may("reassign");
  const url = new URL(request.url);
  const certificate = await findCertificateForApplication(context.db, details.id);
  return {
    ...details,
    certificate: certificate
      ? {
          number: certificate.number,
          state: certificate.state,
          href: staffPath(request, `/staff/certificates/${certificate.number}`),
          expires: formatDate(lang, certificate.expiresAt),
        }
      : null,
    cnic: formatCnic(details.cnic),
    dates: {
      submitted: formatDate(lang, details.submittedAt),
      dateOfBirth: formatDate(lang, details.dateOfBirth),
      due: formatDate(lang, sla.dueAt),
    },
    late: sla.late && !CLOSED_STATUSES.includes(details.status),
    countries: {
      passport: countryName(lang, details.passportCountry),
      nationality: countryName(lang, details.nationality),
      residence: countryName(lang, details.residenceCountry),
      destination: countryName(lang, details.destination),
    },
    residence: joinParts(lang, [isolate(details.residenceCity), countryName(lang, details.residenceCountry)]),
    addresses: details.addresses.map((a) => ({
      ...a,
      place: joinParts(lang, [isolate(a.district), isolate(a.policeStation)]),
      period: `${formatMonth(lang, a.from)} – ${a.to ? formatMonth(lang, a.to) : "…"}`,
    })),
    requests: details.requests.map((r) => ({
      ...r,
      asked: formatDate(lang, r.askedAt),
      answered: r.answeredAt ? formatDate(lang, r.answeredAt) : null,
      documents: r.documents.map((d) => ({ ...d, href: staffPath(request, `/staff/documents/${d.id}`) })),
    })),
    documents: details.documents.map((d) => ({ ...d, href: staffPath(request, `/staff/documents/${d.id}`) })),
    notes: details.notes.map((n) => ({ ...n, created: formatDate(lang, n.createdAt) })),
    history: details.history.map((h) => ({ ...h, when: formatMoment(lang, h.occurredAt) })),
    can: { transitions: CASE_STEPS.filter(may), reassign, note: may("note") },
    assignedToOther: assigneeProblem(staff.user, details.assignedTo) === "assigned_to_other",
    waitingForAuthority: details.authorityStatus === "pending",
    caseworkers: reassign ? await listCenterCaseworkers(context.db, details.centerSlug) : [],
    done: url.searchParams.get("done"),
    queueHref: staffPath(request, "/staff/queue"),
  };
}

type ActionResult = { errors: FieldErrors | null; problem: string | null };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response | ActionResult> {
  assertSameOrigin(request, context);
  // Guard first (who is posting), then the form says which action, whose own permission and
  // center scope are checked before anything is read or written.
  await requirePermission(request, context, "read:case:center");
  const parsed = parseForm(CaseActionSchema, await readForm(request));
  if (!parsed.ok) return { errors: parsed.errors, problem: null };
  const input = parsed.data;
  const staff = await requireCaseAccess(request, context, params.id, CASE_ACTIONS[input.intent].permission);
  const id = params.id!;

  const current = await getCaseDetails(context.db, id);
  if (!current) throw notFound();
  // Who may act is settled here. Whether the status still allows it is the model's to judge, on the
  // case as it is inside its transaction: a page gone stale then hears "conflict", not this read's verdict.
  const check = checkCaseAction(staff.user, input.intent, current);
  if (!check.ok && check.problem === "forbidden") throw forbidden();
  // The page already explains a wait for the holder's consent; the post only hears it cannot be done yet.
  if (!check.ok && !isStatusProblem(check.problem))
    return { errors: null, problem: check.problem === "awaiting_consent" ? "illegal" : check.problem };

  const outcome = await runCaseIntent({ context, staff, applicationId: id, centerSlug: current.centerSlug, input });
  return outcome.ok
    ? redirect(staffPath(request, `/staff/cases/${id}`, { done: input.intent }))
    : { errors: null, problem: outcome.problem };
}

export default function CaseView() {
  const { t } = useTranslation("cases");
  const c = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const problem = result?.problem;
  return (
    <>
      <a href={c.queueHref} className="back-link">
        {t("case.backToQueue")}
      </a>
      <ErrorSummary errors={errors} order={["question", "reason", "rejectionNote", "assignTo", "note"]} />
      {problem ? (
        <div className="notice notice--error" role="alert">
          <p>
            {problem === "assigned_to_other" ? t("case.assignedToOther", { name: c.assignedName ?? "" }) : t(`case.problems.${problem}`)}
          </p>
        </div>
      ) : null}
      {c.done ? (
        <div className="notice notice--success" role="status">
          <p>{t(`case.done.${c.done}`, { defaultValue: "" })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("case.title", { reference: c.reference })}</h1>
      <SummaryList
        rows={[
          { key: "status", label: t("case.status"), value: t(`track:status.${c.status}.label`) },
          { key: "assigned", label: t("case.assignedTo"), value: c.assignedName ? isolate(c.assignedName) : t("queue.unassigned") },
          { key: "due", label: t("case.due"), value: c.late ? `${c.dates.due} (${t("queue.late")})` : c.dates.due },
          { key: "submitted", label: t("queue.submitted"), value: c.dates.submitted },
          {
            key: "applicant",
            label: t("case.applicant"),
            value:
              c.applicantType === "relative"
                ? t("case.relative", { name: isolate(c.relativeName ?? ""), state: t(`case.authority.${c.authorityStatus ?? "pending"}`) })
                : t("case.self"),
          },
        ]}
      />
      {c.certificate ? (
        <p className="inset-text">
          {t("case.certificate.issued", {
            number: c.certificate.number,
            state: t(`certificate.states.${c.certificate.state}`),
            date: c.certificate.expires,
          })}{" "}
          <a href={c.certificate.href}>{t("case.certificate.open")}</a>
        </p>
      ) : c.status === "approved" ? (
        <p className="inset-text">{t("case.certificate.pending")}</p>
      ) : null}
      {c.waitingForAuthority ? <p className="inset-text">{t("case.waitingForAuthority")}</p> : null}
      {c.assignedToOther ? <p className="inset-text">{t("case.assignedToOther", { name: c.assignedName ?? "" })}</p> : null}

      <CaseActionsPanel
        version={c.version}
        transitions={c.can.transitions}
        reassign={c.can.reassign}
        caseworkers={c.caseworkers}
        assignedTo={c.assignedTo}
        errors={errors}
      />

      <h2 className="heading-m">{t("case.answers")}</h2>
      <SummaryList
        rows={[
          { key: "fullName", label: t("case.fullName"), value: c.fullName },
          { key: "fatherName", label: t("case.fatherName"), value: c.fatherName },
          { key: "dob", label: t("case.dateOfBirth"), value: c.dates.dateOfBirth },
          { key: "gender", label: t("case.gender"), value: t(`certificate:personal.genderOptions.${c.gender}`) },
          { key: "cnic", label: t("case.cnic"), value: c.cnic },
          { key: "passport", label: t("case.passport"), value: `${isolate(c.passportNumber)} (${c.countries.passport})` },
          { key: "nationality", label: t("case.nationality"), value: c.countries.nationality },
          { key: "email", label: t("case.email"), value: c.email },
          { key: "phone", label: t("case.phone"), value: c.phone },
          { key: "residence", label: t("case.residence"), value: c.residence },
          {
            key: "purpose",
            label: t("case.purpose"),
            value: c.purposeOther ? isolate(c.purposeOther) : t(`certificate:purpose.options.${c.purpose}`),
          },
          { key: "destination", label: t("case.destination"), value: c.countries.destination },
          { key: "delivery", label: t("case.delivery"), value: t(`certificate:delivery.options.${c.delivery}`) },
        ]}
      />
      <h3 className="heading-s">{t("case.addresses")}</h3>
      <ul className="list--bullet">
        {c.addresses.map((a, i) => (
          <li key={i}>
            <BidiText text={a.place} />: <bdi>{a.address}</bdi> ({a.period})
          </li>
        ))}
      </ul>

      <CaseDocuments documents={c.documents} />
      <CaseRequests requests={c.requests} />
      <CaseNotes notes={c.notes} />
      {c.can.note ? (
        <Form method="post">
          <TextareaField name="note" label={t("case.note")} error={errors?.note} />
          <button type="submit" className="button button--secondary" name="intent" value="note">
            {t("case.addNote")}
          </button>
        </Form>
      ) : null}

      <CaseHistory history={c.history} />
    </>
  );
}
