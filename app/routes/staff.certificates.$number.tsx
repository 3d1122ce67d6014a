import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { SelectField } from "~/components/select-field";
import { TextareaField } from "~/components/textarea-field";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import { REVOCATION_REASONS } from "~/domain/certificate";
import { can } from "~/domain/permissions";
import { recordCaseEvent } from "~/models/case-view.server";
import { getCertificateRecord } from "~/models/certificate.server";
import { revokeCertificate } from "~/models/certificate-revocation.server";
import { RevokeSchema } from "~/schemas/verify";
import { staffActor, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { type FieldErrors, type FormValues, parseForm } from "~/utils/form";
import { readForm } from "~/utils/form.server";
import { formatDate, formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { certificateMails } from "~/mails/certificate-mails.server";
import { noStoreHeaders, notFound } from "~/utils/responses";
import { requireCertificateAccess } from "~/services/staff-scope.server";

export const handle: RouteHandle = {
  i18n: ["cases", "track"],
  title: (t, data) => t("cases:certificate.title", { number: (data as { number?: string } | undefined)?.number ?? "" }),
};
export const headers = noStoreHeaders;

/** One certificate of the staff member's center: its record, and (for supervisors) revocation. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requireCertificateAccess(request, context, params.number, "read:case:center");
  const lang = requestLanguage(request);
  const record = await getCertificateRecord(context.db, staff.certificate.id);
  if (!record) throw notFound();
  await recordCaseEvent(context.db, {
    ...staffActor(staff),
    action: "certificate.viewed",
    entityType: "application",
    entityId: record.applicationId,
    details: { certificate: record.id },
  });
  return {
    number: record.number,
    holderName: record.holderName,
    reference: record.reference,
    state: record.state,
    officerName: record.officerName,
    issued: formatDate(lang, record.issuedAt),
    expires: formatDate(lang, record.expiresAt),
    checks: formatNumber(lang, record.verificationCount),
    pdfSha256: record.pdfSha256,
    revocation: record.revokedAt
      ? { date: formatDate(lang, record.revokedAt), reason: record.revocationReason, note: record.revocationNote, by: record.revokedByName }
      : null,
    caseHref: staffPath(request, `/staff/cases/${record.applicationId}`),
    canRevoke: can(staff.user.role, "revoke:certificate:center") && !record.revokedAt,
    done: new URL(request.url).searchParams.get("done"),
  };
}

type ActionResult = { errors: FieldErrors | null; values: FormValues; problem: string | null };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response | ActionResult> {
  assertSameOrigin(request, context);
  const staff = await requireCertificateAccess(request, context, params.number, "revoke:certificate:center");
  const formData = await readForm(request);
  const parsed = parseForm(RevokeSchema, formData);
  const values = { reason: String(formData.get("reason") ?? ""), note: String(formData.get("note") ?? "") };
  if (!parsed.ok) return { errors: parsed.errors, values, problem: null };
  const outcome = await revokeCertificate(context.db, {
    number: staff.certificate.number,
    centerSlug: staff.user.centerSlug!,
    reason: parsed.data.reason,
    note: parsed.data.note,
    actor: staffActor(staff),
    mails: certificateMails(context.env.PUBLIC_URL),
  });
  context.logger.info({ requestId: context.requestId, outcome: outcome.ok ? "revoked" : outcome.problem }, "certificate revocation");
  if (!outcome.ok) return { errors: null, values, problem: outcome.problem };
  return redirect(staffPath(request, `/staff/certificates/${staff.certificate.number}`, { done: "revoked" }));
}

export default function CertificateView() {
  const { t } = useTranslation("cases");
  const c = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? undefined;
  return (
    <>
      <a href={c.caseHref} className="back-link">
        {t("certificate.backToCase")}
      </a>
      <ErrorSummary errors={errors} order={["reason", "note"]} />
      {result?.problem ? (
        <div className="notice notice--error" role="alert">
          <p>{t(`certificate.revoke.problems.${result.problem}`)}</p>
        </div>
      ) : null}
      {c.done === "revoked" ? (
        <div className="notice notice--success" role="status">
          <p>{t("certificate.revoke.done")}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("certificate.title", { number: c.number })}</h1>
      <SummaryList
        rows={[
          { key: "holder", label: t("certificate.holder"), value: c.holderName },
          { key: "case", label: t("certificate.case"), value: c.reference },
          { key: "state", label: t("certificate.state"), value: t(`certificate.states.${c.state}`) },
          { key: "issued", label: t("certificate.issued"), value: c.issued },
          { key: "expires", label: t("certificate.expires"), value: c.expires },
          { key: "officer", label: t("certificate.officer"), value: c.officerName },
          { key: "checks", label: t("certificate.checks"), value: c.checks },
          { key: "sha", label: t("certificate.pdfSha256"), value: c.pdfSha256 },
          ...(c.revocation
            ? [
                {
                  key: "revoked",
                  label: t("certificate.revokedOn"),
                  value: c.revocation.by ? `${c.revocation.date} (${c.revocation.by})` : c.revocation.date,
                },
                {
                  key: "reason",
                  label: t("certificate.revoke.reason"),
                  value: c.revocation.reason ? t(`certificate.reasons.${c.revocation.reason}`) : "",
                },
                { key: "note", label: t("certificate.revoke.note"), value: c.revocation.note ?? "" },
              ]
            : []),
        ]}
      />
      {c.canRevoke ? (
        <section aria-labelledby="revoke-heading">
          <h2 className="heading-m" id="revoke-heading">
            {t("certificate.revoke.heading")}
          </h2>
          <p className="hint">{t("certificate.revoke.hint")}</p>
          <Form method="post" noValidate>
            <SelectField
              name="reason"
              label={t("certificate.revoke.reason")}
              options={REVOCATION_REASONS.map((r) => ({ value: r, label: t(`certificate.reasons.${r}`) }))}
              error={errors?.reason}
              defaultValue={result?.values.reason}
              placeholder={t("certificate.revoke.choose")}
            />
            <TextareaField
              name="note"
              label={t("certificate.revoke.note")}
              hint={t("certificate.revoke.noteHint")}
              error={errors?.note}
              defaultValue={result?.values.note}
            />
            <button type="submit" className="button button--warning">
              {t("certificate.revoke.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
