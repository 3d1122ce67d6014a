import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ClusterPicture } from "~/components/reports/cluster-picture";
import { identifierKindLabel, identifierValue } from "~/components/reports/identifier-label";
import { ReportSummaryTable, reportSummaryRow } from "~/components/reports/report-summary-table";
import { ScrollableTable } from "~/components/scrollable-table";
import { can } from "~/domain/permissions";
import { CLUSTER_CAP, findCluster } from "~/models/report-investigation.server";
import { requirePermission, staffPath } from "~/services/auth.server";
import { formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders, notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["reports", "report"], title: (t) => t("reports:cluster.title") };
export const headers = noStoreHeaders;

/** The reports linked to one report through shared identifiers, as a picture and as a table. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "read:report:any");
  const cluster = await findCluster(context.db, params.id ?? "");
  if (!cluster) throw notFound();
  const lang = requestLanguage(request);
  const start = cluster.reports[0]!;
  const references = new Map(cluster.reports.map((r) => [r.id, r.reference]));
  return {
    start: { reference: start.reference, href: staffPath(request, `/staff/reports/${start.id}`) },
    reportCount: cluster.reports.length,
    reports: formatNumber(lang, cluster.reports.length),
    identifierCount: cluster.identifiers.length,
    identifiersShown: formatNumber(lang, cluster.identifiers.length),
    truncated: cluster.truncated,
    cap: formatNumber(lang, CLUSTER_CAP),
    picture: {
      reports: cluster.reports.map((r) => ({ id: r.id, label: r.reference, start: r.id === start.id })),
      identifiers: cluster.identifiers.map((i) => ({ key: i.key, label: identifierValue(i.key), reportIds: i.reportIds })),
    },
    identifiers: cluster.identifiers.map((i) => ({
      key: i.key,
      platform: i.platform,
      value: identifierValue(i.key),
      href: staffPath(request, "/staff/reports/identifier", { key: i.key }),
      reports: i.reportIds.map((id) => ({ reference: references.get(id) ?? "", href: staffPath(request, `/staff/reports/${id}`) })),
    })),
    rows: cluster.reports.map((r) => reportSummaryRow(lang, r, staffPath(request, `/staff/reports/${r.id}`))),
    exportHref: can(staff.user.role, "export:report:any") ? staffPath(request, `/staff/reports/${start.id}/cluster.csv`) : null,
  };
}

export default function ReportCluster() {
  const { t } = useTranslation("reports");
  const data = useLoaderData<typeof loader>();
  const summary = t("cluster.summary", {
    count: data.reportCount,
    reports: data.reports,
    identifiers: t("cluster.identifiers", { count: data.identifierCount, n: data.identifiersShown }),
  });
  return (
    <>
      <BackLink href={data.start.href} />
      <h1 className="heading-l">
        {t("cluster.heading")} <bdi className="nowrap">{data.start.reference}</bdi>
      </h1>
      <p className="lead">{summary}</p>
      {data.truncated ? (
        <div className="notice" role="status">
          <p>{t("cluster.truncated", { cap: data.cap })}</p>
        </div>
      ) : null}
      {data.exportHref ? (
        <p>
          <a href={data.exportHref} download>
            {t("cluster.export")}
          </a>
        </p>
      ) : null}
      <figure className="figure">
        <ClusterPicture
          title={t("cluster.pictureTitle", { reference: data.start.reference })}
          description={summary}
          reports={data.picture.reports}
          identifiers={data.picture.identifiers}
        />
        <figcaption className="hint">{t("cluster.legend")}</figcaption>
      </figure>
      <h2 className="heading-m">{t("cluster.sharedHeading")}</h2>
      {data.identifiers.length === 0 ? <p>{t("report.noLinked")}</p> : null}
      {data.identifiers.length > 0 ? (
        <ScrollableTable caption={t("cluster.sharedHeading")}>
          <thead>
            <tr>
              <th scope="col">{t("cluster.identifier")}</th>
              <th scope="col">{t("cluster.kind")}</th>
              <th scope="col">{t("cluster.namedIn")}</th>
            </tr>
          </thead>
          <tbody>
            {data.identifiers.map((i) => (
              <tr key={i.key}>
                <td>
                  <a href={i.href}>
                    <bdi>{i.value}</bdi>
                  </a>
                </td>
                <td>{identifierKindLabel(t, i.platform)}</td>
                <td>
                  {i.reports.map((r, n) => (
                    <span key={r.href}>
                      {n > 0 ? ", " : null}
                      <a href={r.href} dir="ltr" className="nowrap">
                        {r.reference}
                      </a>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      ) : null}
      <h2 className="heading-m">{t("cluster.reportsHeading")}</h2>
      <ReportSummaryTable caption={t("cluster.reportsHeading")} rows={data.rows} />
    </>
  );
}
