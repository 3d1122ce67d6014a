import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ErrorMessage } from "~/components/error-message";
import { ErrorSummary } from "~/components/error-summary";
import { sizeInKb } from "~/domain/document-rules";
import { can } from "~/domain/permissions";
import { decideDispute, listDisputes, type QueuedDispute } from "~/models/dispute.server";
import { DisputeDecisionSchema } from "~/schemas/dispute";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, parseForm } from "~/utils/form";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { certificateMails } from "~/mails/certificate-mails.server";
import { noStoreHeaders, notFound } from "~/utils/responses";
import { ScrollableTable } from "~/components/scrollable-table";
import { readForm } from "~/utils/form.server";

export const handle: RouteHandle = { i18n: ["cases", "documents"], title: (t) => t("cases:disputes.title") };
export const headers = noStoreHeaders;

/** The center's disputes: anyone working its cases may read them; deciding is for supervisors. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "read:case:center");
  if (!staff.user.centerSlug) throw notFound();
  const lang = requestLanguage(request);
  const { open, decided } = await listDisputes(context.db, staff.user.centerSlug);
  const present = (d: QueuedDispute) => ({
    id: d.id,
    status: d.status,
    text: d.text,
    outcome: d.outcome,
    holderName: d.holderName,
    reference: d.reference,
    number: d.certificateNumber,
    received: formatDate(lang, d.createdAt),
    decided: d.decidedAt ? formatDate(lang, d.decidedAt) : null,
    decidedBy: d.decidedBy,
    caseHref: staffPath(request, `/staff/cases/${d.applicationId}`),
    certificateHref: staffPath(request, `/staff/certificates/${d.certificateNumber}`),
    evidence: d.evidence.map((e) => ({ id: e.id, href: staffPath(request, `/staff/documents/${e.id}`), size: e.size })),
  });
  return {
    open: open.map(present),
    decided: decided.map(present),
    canDecide: can(staff.user.role, "revoke:certificate:center"),
    done: new URL(request.url).searchParams.get("done"),
  };
}

type ActionResult = { errors: FieldErrors | null; disputeId: string | null; outcome: string; problem: string | null };

export async function action({ request, context }: ActionFunctionArgs): Promise<Response | ActionResult> {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "revoke:certificate:center");
  if (!staff.user.centerSlug) throw notFound();
  const formData = await readForm(request);
  const disputeId = String(formData.get("disputeId") ?? "");
  const outcome = String(formData.get("outcome") ?? "");
  const parsed = parseForm(DisputeDecisionSchema, formData);
  if (!parsed.ok) {
    const errors = parsed.errors.outcome ? { [`outcome-${disputeId}`]: parsed.errors.outcome } : null;
    return { errors, disputeId, outcome, problem: errors ? null : "notFound" };
  }
  const decision = parsed.data.intent === "uphold" ? "upheld" : "dismissed";
  const decided = await decideDispute(context.db, {
    disputeId: parsed.data.disputeId,
    centerSlug: staff.user.centerSlug,
    decision,
    outcome: parsed.data.outcome,
    actor: staffActor(staff),
    mails: certificateMails(context.env.PUBLIC_URL),
  });
  context.logger.info({ requestId: context.requestId, outcome: decided.ok ? decision : decided.problem }, "dispute decision");
  if (!decided.ok) return { errors: null, disputeId, outcome, problem: "notFound" };
  return redirect(staffPath(request, "/staff/disputes", { done: parsed.data.intent }));
}

export default function Disputes() {
  const { t } = useTranslation("cases");
  const { open, decided, canDecide, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  return (
    <>
      <ErrorSummary errors={errors} order={[]} />
      {result?.problem ? (
        <div className="notice notice--error" role="alert">
          <p>{t("disputes.notFound")}</p>
        </div>
      ) : null}
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{t(`disputes.done.${done}`, { defaultValue: "" })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("disputes.title")}</h1>
      <p className="lead">{t("disputes.lead")}</p>
      <h2 className="heading-m">{t("disputes.open")}</h2>
      {open.length === 0 ? <p>{t("disputes.empty")}</p> : null}
      {open.map((d) => {
        const field = `outcome-${d.id}`;
        const error = errors?.[field];
        return (
          <section key={d.id} className="inset-text" aria-labelledby={`dispute-${d.id}`}>
            <h3 className="heading-s" id={`dispute-${d.id}`}>
              {d.holderName} · <a href={d.certificateHref}>{d.number}</a>
            </h3>
            <p className="hint">
              {t("disputes.received", { date: d.received })} · <a href={d.caseHref}>{t("disputes.openCase", { reference: d.reference })}</a>
            </p>
            <p className="hint">{t("disputes.text")}</p>
            <p>{d.text}</p>
            {d.evidence.length > 0 ? (
              <ul className="list--bullet">
                {d.evidence.map((e, i) => (
                  <li key={e.id}>
                    <a href={e.href} download>
                      {t("disputes.evidenceFile", { n: String(i + 1) })} ({t("documents:sizeKb", { size: sizeInKb(e.size) })})
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {canDecide ? (
              <Form method="post" noValidate>
                <input type="hidden" name="disputeId" value={d.id} />
                <div className={error ? "form-group form-group--error" : "form-group"}>
                  <label className="label" htmlFor={field}>
                    {t("disputes.outcome")}
                  </label>
                  <p className="hint" id={`${field}-hint`}>
                    {t("disputes.outcomeHint")}
                  </p>
                  <ErrorMessage id={`${field}-error`} error={error} />
                  <textarea
                    className="textarea"
                    id={field}
                    name="outcome"
                    rows={3}
                    defaultValue={result?.disputeId === d.id ? result.outcome : undefined}
                    aria-describedby={error ? `${field}-hint ${field}-error` : `${field}-hint`}
                    aria-invalid={error ? true : undefined}
                  />
                </div>
                <div className="button-group">
                  <button type="submit" className="button button--warning" name="intent" value="uphold">
                    {t("disputes.uphold")}
                  </button>
                  <button type="submit" className="button button--secondary" name="intent" value="dismiss">
                    {t("disputes.dismiss")}
                  </button>
                </div>
              </Form>
            ) : null}
          </section>
        );
      })}
      {decided.length > 0 ? (
        <>
          <h2 className="heading-m">{t("disputes.decided")}</h2>
          <ScrollableTable caption={t("disputes.decided")}>
            <thead>
              <tr>
                <th scope="col">{t("disputes.certificate")}</th>
                <th scope="col">{t("disputes.holder")}</th>
                <th scope="col">{t("disputes.decision")}</th>
                <th scope="col">{t("disputes.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={d.certificateHref}>{d.number}</a>
                  </td>
                  <td>{d.holderName}</td>
                  <td>
                    {t(`disputes.status.${d.status}`)}
                    <br />
                    <span className="hint">{t("disputes.decidedBy", { name: d.decidedBy ?? "", date: d.decided ?? "" })}</span>
                  </td>
                  <td>{d.outcome}</td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        </>
      ) : null}
    </>
  );
}
