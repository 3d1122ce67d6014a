import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { reportAnswerRows } from "~/components/report/report-answer-rows";
import { identifierKindLabel, identifierValue } from "~/components/reports/identifier-label";
import { PriorityTag } from "~/components/reports/priority-tag";
import { ReportActionsPanel } from "~/components/reports/report-actions-panel";
import { ReportConversation } from "~/components/reports/report-conversation";
import { SummaryList } from "~/components/summary-list";
import { contentTypeLabelKey, sizeInKb } from "~/domain/document-rules";
import { can } from "~/domain/permissions";
import { availableReportActions } from "~/domain/report-actions";
import { findReportForInvestigator } from "~/models/report-investigation.server";
import { recordReportOpened } from "~/models/report-triage.server";
import { requirePermission, staffActor, staffPath } from "~/services/auth.server";
import { handleReportIntent } from "~/services/report-intents.server";
import { assertSameOrigin } from "~/utils/csrf.server";
import { formatDate, formatNumber } from "~/utils/format";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders, notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["reports", "report", "documents"], title: (t) => t("reports:report.title") };
export const headers = noStoreHeaders;

const ACTION_FIELDS = ["priority", "question", "fiaReference", "reason", "note"];

/** Everything a report says, for an investigator; every opening is on record (reports carry contact details). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "read:report:any");
  const report = await findReportForInvestigator(context.db, params.id ?? "");
  if (!report) throw notFound();
  const news = await recordReportOpened(context.db, { actor: staffActor(staff), reportId: report.id });
  const lang = requestLanguage(request);
  return {
    lang,
    report: {
      id: report.id,
      reference: report.reference,
      status: report.status,
      priority: report.priority,
      fiaReference: report.fia_reference,
      closeReason: report.close_reason,
      received: formatDate(lang, report.created_on),
      language: report.language,
      answers: report.answers,
    },
    identifiers: report.identifiers.map((i) => ({
      key: i.key,
      kind: i.kind,
      platform: i.platform,
      value: i.kind === "text" ? i.raw : identifierValue(i.key),
      raw: i.raw,
      reports: formatNumber(lang, i.reports),
      reportCount: i.reports,
      countries: formatNumber(lang, i.countries),
      countryCount: i.countries,
      href: i.kind === "text" ? null : staffPath(request, "/staff/reports/identifier", { key: i.key }),
    })),
    linked: report.linked.map((l) => ({
      reference: l.reference,
      status: l.status,
      href: staffPath(request, `/staff/reports/${l.reportId}`),
      shared: l.sharedKeys.map(identifierValue),
    })),
    evidence: report.evidence.map((e) => ({
      id: e.id,
      href: staffPath(request, `/staff/reports/evidence/${e.id}`),
      contentType: e.contentType,
      size: formatNumber(lang, sizeInKb(e.size)),
    })),
    conversation: report.conversation.map((c) => ({ ...c, date: formatDate(lang, c.createdOn) })),
    actions: can(staff.user.role, "triage:report:any") ? availableReportActions(report.status) : [],
    queueHref: staffPath(request, "/staff/reports"),
    clusterHref: staffPath(request, `/staff/reports/${report.id}/cluster`),
    done: new URL(request.url).searchParams.get("done"),
    news,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  const staff = await requirePermission(request, context, "triage:report:any");
  const reportId = params.id ?? "";
  const outcome = await handleReportIntent(context, staff, reportId, await readForm(request));
  if (outcome.ok) return redirect(staffPath(request, `/staff/reports/${reportId}`, { done: outcome.action }));
  if (outcome.problem === "notFound") throw notFound();
  return outcome;
}

export default function InvestigatedReport() {
  const { t } = useTranslation("reports");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const r = data.report;
  const errors = result && !result.ok ? (result.errors ?? undefined) : undefined;
  return (
    <>
      <BackLink href={data.queueHref} />
      <ErrorSummary errors={errors} order={ACTION_FIELDS} />
      {result && !result.ok && result.problem === "notAllowed" ? (
        <div className="notice notice--error" role="alert">
          <p>{t("problems.notAllowed")}</p>
        </div>
      ) : null}
      {data.done ? (
        <div className="notice notice--success" role="status">
          <p>{t(`done.${data.done}`, { defaultValue: "" })}</p>
        </div>
      ) : null}
      {data.news ? (
        <div className="notice" role="status">
          <p>{t("report.news")}</p>
        </div>
      ) : null}
      <p className="hint">{t("report.caption")}</p>
      <h1 className="heading-l">
        <bdi className="nowrap">{r.reference}</bdi>
      </h1>
      <dl className="center-details">
        <dt>{t("report.status")}</dt>
        <dd>
          <strong className="tag">{t(`statusOfReport.${r.status}`)}</strong>
          {r.closeReason ? <> · {t(`closeReason.${r.closeReason}`)}</> : null}
        </dd>
        <dt>{t("queue.priority")}</dt>
        <dd>
          <PriorityTag priority={r.priority} />
        </dd>
        {r.fiaReference ? (
          <>
            <dt>{t("report.fiaReference")}</dt>
            <dd>
              <bdi>{r.fiaReference}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t("queue.received")}</dt>
        <dd>{r.received}</dd>
        <dt>{t("report.language")}</dt>
        <dd>{t(`report.languages.${r.language}`)}</dd>
      </dl>

      <section aria-labelledby="identifiers-heading">
        <h2 className="heading-m" id="identifiers-heading">
          {t("report.identifiers")}
        </h2>
        {data.identifiers.length === 0 ? <p>{t("report.noIdentifiers")}</p> : null}
        <ul className="list--bullet">
          {data.identifiers.map((i) => (
            <li key={i.key}>
              {identifierKindLabel(t, i.platform)}:{" "}
              {i.href ? (
                <a href={i.href}>
                  <bdi>{i.value}</bdi>
                </a>
              ) : (
                <bdi>{i.value}</bdi>
              )}
              {i.kind === "text" ? <span className="hint"> · {t("report.unreadable")}</span> : null}
              {i.kind !== "text" && i.reportCount > 1 ? (
                <strong>
                  {" "}
                  ·{" "}
                  {t("report.appearsIn", {
                    count: i.reportCount,
                    reports: i.reports,
                    countries: t("report.countries", { count: i.countryCount, n: i.countries }),
                  })}
                </strong>
              ) : null}
              {i.kind !== "text" && i.raw !== i.value ? (
                <span className="hint">
                  {" "}
                  · {t("report.written")} <bdi>{i.raw}</bdi>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="linked-heading">
        <h2 className="heading-m" id="linked-heading">
          {t("report.linked", { count: data.linked.length })}
        </h2>
        {data.linked.length === 0 ? (
          <p>{t("report.noLinked")}</p>
        ) : (
          <>
            <ul className="list--bullet">
              {data.linked.map((l) => (
                <li key={l.reference}>
                  <a href={l.href}>
                    <bdi>{l.reference}</bdi>
                  </a>{" "}
                  ({t(`statusOfReport.${l.status}`)}) · {t("report.shares")}{" "}
                  {l.shared.map((s, i) => (
                    <span key={s}>
                      {i > 0 ? ", " : null}
                      <bdi>{s}</bdi>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
            <p>
              <a href={data.clusterHref}>{t("report.seeCluster")}</a>
            </p>
          </>
        )}
      </section>

      <h2 className="heading-m">{t("report.answers")}</h2>
      <SummaryList rows={reportAnswerRows(t, data.lang, r.answers, null, { change: false })} />

      <section aria-labelledby="evidence-heading">
        <h2 className="heading-m" id="evidence-heading">
          {t("report.evidence")}
        </h2>
        {data.evidence.length === 0 ? (
          <p>{t("report.noEvidence")}</p>
        ) : (
          <ul className="list--bullet">
            {data.evidence.map((e, i) => (
              <li key={e.id}>
                <a href={e.href} download>
                  {t("report.download", { n: i + 1, kind: t(contentTypeLabelKey(e.contentType)) })}
                </a>{" "}
                <span className="hint">({t("documents:sizeKb", { size: e.size })})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ReportConversation entries={data.conversation} />

      {data.actions.length > 0 ? (
        <ReportActionsPanel
          actions={data.actions}
          priority={r.priority}
          failed={result && !result.ok ? result.action : null}
          errors={errors}
          values={result && !result.ok ? result.values : {}}
        />
      ) : null}
    </>
  );
}
