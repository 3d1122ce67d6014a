import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import { formatCnic } from "~/domain/cnic";
import { sizeInKb } from "~/domain/document-rules";
import { assigneeProblem, CASE_ACTIONS, CASE_STEPS, checkCaseAction, isStatusProblem, type CaseAction } from "~/domain/case-actions";
import { CLOSED_STATUSES } from "~/domain/lifecycle";
import { REJECTION_REASONS } from "~/domain/rejection";
import { slaState } from "~/domain/sla";
import { addCaseNote, getCaseDetails, listCenterCaseworkers, reassignCase, recordCaseEvent } from "~/models/case-view.server";
import { transitionApplication } from "~/models/case.server";
import { findCertificateForApplication } from "~/models/certificate.server";
import { issueCertificate } from "~/models/certificate-issue.server";
import { askForInformation } from "~/models/information-request.server";
import { loadHolidays } from "~/models/holiday.server";
import { CaseActionSchema } from "~/schemas/case-action";
import { noStoreHeaders, requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, parseForm } from "~/utils/form";
import { countryName, formatDate, formatMoment, joinParts, formatMonth } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { certificateMails } from "~/mails/certificate-mails.server";
import { statusNotice } from "~/mails/status-changed.server";
import { forbidden, notFound } from "~/utils/responses";
import { requireCaseAccess } from "~/services/staff-scope.server";
import { ErrorMessage } from "~/components/error-message";
import { TextareaField } from "~/components/textarea-field";
import { readForm } from "~/utils/form.server";
import { isolate } from "~/utils/bidi";
import { BidiText } from "~/components/bidi-text";

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
  const actor = staffActor(staff);
  const back = (done: string) => redirect(staffPath(request, `/staff/cases/${id}`, { done }));

  const current = await getCaseDetails(context.db, id);
  if (!current) throw notFound();
  // Who may act is settled here. Whether the status still allows it is the model's to judge, on the
  // case as it is inside its transaction: a page gone stale then hears "conflict", not this read's verdict.
  const check = checkCaseAction(staff.user, input.intent, current);
  if (!check.ok && check.problem === "forbidden") throw forbidden();
  // The page already explains a wait for the holder's consent; the post only hears it cannot be done yet.
  if (!check.ok && !isStatusProblem(check.problem))
    return { errors: null, problem: check.problem === "awaiting_consent" ? "illegal" : check.problem };

  if (input.intent === "note") {
    await addCaseNote(context.db, { applicationId: id, authorId: staff.user.id, body: input.note, actor });
    return back("note");
  }
  if (input.intent === "reassign") {
    const outcome = await reassignCase(context.db, {
      applicationId: id,
      assignTo: input.assignTo,
      expectedVersion: input.version,
      centerSlug: current.centerSlug,
      actor,
    });
    return outcome === "ok" ? back("reassign") : { errors: null, problem: outcome === "not_found" ? "illegal" : "conflict" };
  }

  const notice = statusNotice(context.env.PUBLIC_URL);
  const outcome =
    input.intent === "request_information"
      ? await askForInformation(context.db, {
          applicationId: id,
          question: input.question,
          staffUserId: staff.user.id,
          sessionRef: staff.sessionRef,
          expectedVersion: input.version,
          notice,
        })
      : await transitionApplication(context.db, {
          applicationId: id,
          action: input.intent,
          expectedVersion: input.version,
          actor,
          assignTo: staff.user.id,
          reason: input.intent === "reject" ? input.reason : null,
          note: input.intent === "reject" ? input.rejectionNote : null,
          // Claiming and releasing are internal; the applicant hears of decisions and questions. An
          // approval's news is the certificate, mailed when it is issued just below.
          notice: input.intent === "claim" || input.intent === "release" || input.intent === "approve" ? undefined : notice,
        });
  context.logger.info(
    { requestId: context.requestId, action: input.intent, outcome: outcome.ok ? "done" : outcome.problem },
    "case action",
  );
  if (input.intent === "approve" && outcome.ok) await issueAfterApproval(context, id);
  return outcome.ok ? back(input.intent) : { errors: null, problem: outcome.problem };
}

/**
 * Approving issues the certificate at once (the lifecycle's "system" step), after the approval has
 * committed: a failure here leaves the case approved, which housekeeping retries, so the officer's
 * approval never fails because of it.
 */
async function issueAfterApproval(context: ActionFunctionArgs["context"], applicationId: string) {
  try {
    const issued = await issueCertificate(
      context.db,
      applicationId,
      { documentKey: context.documentKey, publicUrl: context.env.PUBLIC_URL, signing: context.env },
      certificateMails(context.env.PUBLIC_URL),
    );
    context.logger.info({ requestId: context.requestId, outcome: issued.ok ? "issued" : issued.problem }, "certificate issue");
  } catch (error) {
    context.logger.warn({ requestId: context.requestId, err: error }, "certificate issue failed; housekeeping will retry");
  }
}

export default function CaseView() {
  const { t } = useTranslation("cases");
  const c = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  const problem = result?.problem;
  const versionField = <input type="hidden" name="version" value={c.version} />;
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

      {c.can.transitions.length > 0 || c.can.reassign ? (
        <section aria-labelledby="actions-heading">
          <h2 className="heading-m" id="actions-heading">
            {t("case.actions")}
          </h2>
          {(["claim", "release", "approve", "mark_collected"] as const)
            .filter((a) => c.can.transitions.includes(a))
            .map((a) => (
              <Form method="post" key={a} className="form-group">
                {versionField}
                <p className="hint" id={`${a}-hint`}>
                  {t(`case.hints.${a}`)}
                </p>
                <button
                  type="submit"
                  className={a === "release" ? "button button--secondary" : "button"}
                  name="intent"
                  value={a}
                  aria-describedby={`${a}-hint`}
                >
                  {t(`case.${a === "mark_collected" ? "markCollected" : a}`)}
                </button>
              </Form>
            ))}
          {c.can.transitions.includes("request_information") ? (
            <Form method="post">
              {versionField}
              <TextareaField name="question" label={t("case.question")} hint={t("case.questionHint")} error={errors?.question} />
              <button type="submit" className="button button--secondary" name="intent" value="request_information">
                {t("case.requestInformation")}
              </button>
            </Form>
          ) : null}
          {c.can.transitions.includes("reject") ? (
            <Form method="post">
              {versionField}
              <div className={errors?.reason ? "form-group form-group--error" : "form-group"}>
                <label className="label" htmlFor="reason">
                  {t("case.reason")}
                </label>
                <ErrorMessage id="reason-error" error={errors?.reason} />
                <select
                  className="select"
                  id="reason"
                  name="reason"
                  defaultValue=""
                  aria-describedby={errors?.reason ? "reason-error" : undefined}
                >
                  <option value="">{t("certificate.revoke.choose")}</option>
                  {REJECTION_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`case.reasons.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <TextareaField name="rejectionNote" label={t("case.rejectionNote")} error={errors?.rejectionNote} />
              <button type="submit" className="button button--warning" name="intent" value="reject">
                {t("case.reject")}
              </button>
            </Form>
          ) : null}
          {c.can.reassign ? (
            <Form method="post">
              {versionField}
              <div className="form-group">
                <label className="label" htmlFor="assignTo">
                  {t("case.reassignTo")}
                </label>
                <select className="select" id="assignTo" name="assignTo" defaultValue={c.assignedTo ?? ""}>
                  {c.caseworkers.map((w) => (
                    <option key={w.id} value={w.id} dir="auto">
                      {w.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--secondary" name="intent" value="reassign">
                {t("case.reassign")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

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

      <h2 className="heading-m">{t("case.documents")}</h2>
      <ul className="list--bullet">
        {c.documents.map((d) => (
          <li key={d.id}>
            <a href={d.href} download>
              {t(`documents:kind.${d.kind}`)} ({t("documents:sizeKb", { size: sizeInKb(d.size) })})
            </a>
          </li>
        ))}
      </ul>

      {c.requests.length > 0 ? (
        <>
          <h2 className="heading-m">{t("case.requests")}</h2>
          {c.requests.map((r) => (
            <div key={r.id} className="inset-text">
              <p className="hint">{t("case.asked", { date: r.asked })}</p>
              <p dir="auto">{r.question}</p>
              {r.answer !== null ? (
                <>
                  <p className="hint">{t("case.answered", { date: r.answered })}</p>
                  <p dir="auto">{r.answer}</p>
                </>
              ) : (
                <p className="hint">{t("case.notAnswered")}</p>
              )}
              {r.documents.map((d) => (
                <p key={d.id}>
                  <a href={d.href} download>
                    {t("case.download")} ({t("documents:sizeKb", { size: sizeInKb(d.size) })})
                  </a>
                </p>
              ))}
            </div>
          ))}
        </>
      ) : null}

      <h2 className="heading-m">{t("case.notes")}</h2>
      <p className="hint">{t("case.notesHint")}</p>
      {c.notes.map((n) => (
        <div key={n.id} className="inset-text">
          <p className="hint">
            <bdi>{n.author}</bdi>, {n.created}
          </p>
          <p dir="auto">{n.body}</p>
        </div>
      ))}
      {c.can.note ? (
        <Form method="post">
          <TextareaField name="note" label={t("case.note")} error={errors?.note} />
          <button type="submit" className="button button--secondary" name="intent" value="note">
            {t("case.addNote")}
          </button>
        </Form>
      ) : null}

      <h2 className="heading-m">{t("case.history")}</h2>
      <ol className="history">
        {c.history.map((h) => (
          <li key={h.seq}>
            {h.when}: {t(`case.events.${h.action}`, { defaultValue: h.action })}
            {h.actor ? (
              <>
                {" ("}
                <bdi>{h.actor}</bdi>)
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
