import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ListFilters, ListPagination, ListTabs } from "~/components/work-list";
import { ScrollableTable } from "~/components/scrollable-table";
import { SelectField } from "~/components/select-field";
import { TextField } from "~/components/text-field";
import { PriorityTag } from "~/components/reports/priority-tag";
import { REPORT_STATUSES } from "~/domain/report-actions";
import { countReportTabs, listReports } from "~/models/report-investigation.server";
import { CHANNELS, PAYMENT_METHODS } from "~/schemas/report";
import { CLUSTER_SIZES, readReportQuery } from "~/schemas/report-investigation";
import { requirePermission, staffPath } from "~/services/auth.server";
import { countryOptions } from "~/utils/countries";
import { countryName, formatDate, formatMonth, formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { queryLink } from "~/utils/query-link";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["reports", "report"], title: (t) => t("reports:queue.title") };
export const headers = noStoreHeaders;

/** The months a filter offers: the last three years, newest first (offers are dated by month). */
function recentMonths(today = new Date()): string[] {
  return Array.from({ length: 36 }, (_, i) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read:report:any");
  const lang = requestLanguage(request);
  const url = new URL(request.url);
  const { tab, after, ...filter } = readReportQuery(url);
  const [page, counts] = await Promise.all([listReports(context.db, tab, filter, after), countReportTabs(context.db, filter)]);
  const query = (changes: Record<string, string | null>) => queryLink(url, changes);
  return {
    tab,
    values: { ...filter, lng: url.searchParams.get("lng") ?? undefined },
    filtered: Object.values(filter).some(Boolean),
    tabs: REPORT_STATUSES.map((status) => ({
      id: status,
      href: query({ tab: status, after: null }),
      count: formatNumber(lang, counts[status].count),
      capped: counts[status].capped,
    })),
    rows: page.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      href: staffPath(request, `/staff/reports/${r.id}`),
      received: formatDate(lang, r.created_on),
      channel: r.channel,
      destination: countryName(lang, r.to_country),
      offeredIn: countryName(lang, r.offer_country),
      priority: r.priority,
      clusterSize: r.linkedReports > 0 ? formatNumber(lang, r.linkedReports + 1) : null,
      someoneInDanger: r.someoneInDanger,
      newsFromReporter: r.newsFromReporter,
      fiaReference: r.fia_reference,
    })),
    nextHref: page.next ? query({ after: page.next }) : null,
    firstHref: after ? query({ after: null }) : null,
    countries: countryOptions(lang),
    months: recentMonths().map((m) => ({ value: m, label: formatMonth(lang, m) })),
  };
}

export default function ReportQueue() {
  const { t } = useTranslation("reports");
  const data = useLoaderData<typeof loader>();
  const v = data.values;
  return (
    <>
      <h1 className="heading-l">{t("queue.title")}</h1>
      <ListTabs
        label={t("queue.tabsLabel")}
        tabs={data.tabs.map((tab) => ({
          id: tab.id,
          href: tab.href,
          current: tab.id === data.tab,
          label: `${t(`status.${tab.id}`)} (${tab.capped ? t("queue.countCapped", { count: tab.count }) : tab.count})`,
        }))}
      />
      <ListFilters
        summary={t("queue.filters")}
        open={data.filtered}
        tab={data.tab}
        lng={v.lng}
        clearHref={`/staff/reports?tab=${data.tab}${v.lng ? `&lng=${v.lng}` : ""}`}
        apply={t("queue.apply")}
        clear={t("queue.clear")}
      >
        <TextField
          name="q"
          type="search"
          label={t("queue.search")}
          hint={t("queue.searchHint")}
          defaultValue={v.q}
          spellCheck={false}
          dir="auto"
        />
        <SelectField
          name="channel"
          label={t("queue.channel")}
          options={CHANNELS.map((c) => ({ value: c, label: t(`report:channels.${c}`) }))}
          placeholder={t("queue.any")}
          defaultValue={v.channel}
        />
        <SelectField
          name="payment"
          label={t("queue.payment")}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`report:paymentMethods.${m}`) }))}
          placeholder={t("queue.any")}
          defaultValue={v.payment}
        />
        <SelectField
          name="destination"
          label={t("queue.destination")}
          options={data.countries}
          placeholder={t("queue.any")}
          defaultValue={v.destination}
        />
        <SelectField name="via" label={t("queue.via")} options={data.countries} placeholder={t("queue.any")} defaultValue={v.via} />
        <SelectField name="month" label={t("queue.month")} options={data.months} placeholder={t("queue.any")} defaultValue={v.month} />
        <SelectField
          name="cluster"
          label={t("queue.cluster")}
          options={CLUSTER_SIZES.map((size) => ({ value: size, label: t("queue.clusterAtLeast", { count: Number(size) }) }))}
          placeholder={t("queue.any")}
          defaultValue={v.cluster}
        />
      </ListFilters>
      {data.rows.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <ScrollableTable caption={t(`status.${data.tab}`)}>
          <thead>
            <tr>
              <th scope="col">{t("queue.reference")}</th>
              <th scope="col">{t("queue.received")}</th>
              <th scope="col">{t("queue.channel")}</th>
              <th scope="col">{t("queue.offeredIn")}</th>
              <th scope="col">{t("queue.destination")}</th>
              <th scope="col">{t("queue.priority")}</th>
              <th scope="col">{t("queue.linked")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id}>
                <td className="nowrap">
                  <a href={row.href} dir="ltr">
                    {row.reference}
                  </a>
                  {row.newsFromReporter ? (
                    <>
                      <br />
                      <strong className="tag tag--green">{t("queue.news")}</strong>
                    </>
                  ) : null}
                  {row.someoneInDanger ? (
                    <>
                      <br />
                      <strong className="tag tag--red">{t("queue.danger")}</strong>
                    </>
                  ) : null}
                </td>
                <td>{row.received}</td>
                <td>{t(`report:channels.${row.channel}`)}</td>
                <td>{row.offeredIn}</td>
                <td>{row.destination}</td>
                <td>
                  <PriorityTag priority={row.priority} />
                  {row.fiaReference ? (
                    <>
                      <br />
                      <span className="hint">
                        {t("queue.fia")} <bdi>{row.fiaReference}</bdi>
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{row.clusterSize ? t("queue.clusterOf", { count: row.clusterSize }) : t("queue.notLinked")}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
      <ListPagination
        label={t("queue.title")}
        first={data.firstHref ? { href: data.firstHref, label: t("queue.first") } : null}
        next={data.nextHref ? { href: data.nextHref, label: t("queue.next") } : null}
      />
    </>
  );
}
