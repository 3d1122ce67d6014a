import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { identifierKindLabel, identifierValue } from "~/components/reports/identifier-label";
import { ReportSummaryTable, reportSummaryRow } from "~/components/reports/report-summary-table";
import { findIdentifierReports } from "~/models/report-investigation.server";
import { requirePermission, staffPath } from "~/services/auth.server";
import { formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders, notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["reports", "report"], title: (t) => t("reports:identifier.title") };
export const headers = noStoreHeaders;

/** Every report naming one agent identifier (`?key=phone:+923001234567`), with how each reporter wrote it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read:report:any");
  const key = new URL(request.url).searchParams.get("key")?.slice(0, 400) ?? "";
  // Free text names no one: "unknown" in two reports is not one agent.
  if (!key || key.startsWith("text:")) throw notFound();
  const found = await findIdentifierReports(context.db, key);
  if (!found) throw notFound();
  const lang = requestLanguage(request);
  const countries = new Set(found.reports.map((r) => r.offerCountry)).size;
  return {
    platform: found.platform,
    value: identifierValue(key),
    count: formatNumber(lang, found.reports.length),
    countries: formatNumber(lang, countries),
    countryCount: countries,
    reportCount: found.reports.length,
    more: found.more,
    queueHref: staffPath(request, "/staff/reports"),
    reports: found.reports.map((r) => ({
      ...reportSummaryRow(lang, r, staffPath(request, `/staff/reports/${r.id}`), { withDate: true }),
      written: r.raw,
    })),
    clusterHref: staffPath(request, `/staff/reports/${found.reports[0]!.id}/cluster`),
  };
}

export default function IdentifierReports() {
  const { t } = useTranslation("reports");
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={data.queueHref} />
      <p className="hint">{identifierKindLabel(t, data.platform)}</p>
      <h1 className="heading-l">
        <bdi>{data.value}</bdi>
      </h1>
      <p className="lead">
        {t("report.appearsIn", {
          count: data.reportCount,
          reports: data.count,
          countries: t("report.countries", { count: data.countryCount, n: data.countries }),
        })}
        {data.more ? ` ${t("identifier.more")}` : null}
      </p>
      <p>
        <a href={data.clusterHref}>{t("report.seeCluster")}</a>
      </p>
      <ReportSummaryTable caption={t("identifier.tableCaption")} rows={data.reports} />
    </>
  );
}
