import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { SelectField } from "~/components/select-field";
import { TextField } from "~/components/text-field";
import { can } from "~/domain/permissions";
import { PURPOSES } from "~/schemas/certificate";
import { listActiveCenters } from "~/models/center.server";
import { loadHolidays } from "~/models/holiday.server";
import { countTabs, listCenterStaffNames, listQueue, QUEUE_TABS } from "~/models/queue.server";
import { requirePermission, staffPath } from "~/services/auth.server";
import { countryOptions } from "~/utils/countries";
import { formatDate, formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { queryLink } from "~/utils/query-link";
import { requestLanguage } from "~/utils/i18n.server";
import { readQueueQuery } from "~/services/queue-query.server";
import { forbidden, noStoreHeaders } from "~/utils/responses";
import { ListFilters, ListPagination, ListTabs } from "~/components/work-list";
import { ScrollableTable } from "~/components/scrollable-table";

export const handle: RouteHandle = { i18n: ["cases", "certificate"], title: (t) => t("cases:queue.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "read:case:center");
  if (!staff.user.centerSlug) throw forbidden();
  const lang = requestLanguage(request);
  const url = new URL(request.url);
  const { tab, filter, after } = readQueueQuery(url, staff.user);
  const holidays = await loadHolidays(context.db);
  const [page, counts, centers] = await Promise.all([
    listQueue(context.db, tab, filter, { after, holidays }),
    countTabs(context.db, filter),
    listActiveCenters(context.db, lang),
  ]);
  const names = await listCenterStaffNames(context.db, staff.user.centerSlug);
  const query = (changes: Record<string, string | null>) => queryLink(url, changes);
  return {
    tab,
    values: Object.fromEntries(url.searchParams),
    tabs: QUEUE_TABS.map((t) => ({
      id: t,
      href: query({ tab: t, after: null }),
      count: formatNumber(lang, counts[t].count),
      capped: counts[t].capped,
    })),
    rows: page.rows.map((r) => ({
      ...r,
      href: staffPath(request, `/staff/cases/${r.id}`),
      submitted: formatDate(lang, r.submittedAt),
      due: formatDate(lang, r.sla.dueAt),
      destinationName: countryOptions(lang).find((c) => c.value === r.destination)?.label ?? r.destination,
      assignedName: r.assignedTo ? (names.get(r.assignedTo) ?? "") : null,
    })),
    nextHref: page.next ? query({ after: page.next }) : null,
    firstHref: after ? query({ after: null }) : null,
    exportHref: can(staff.user.role, "export:case:center")
      ? `/staff/queue/export.csv?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), tab }).toString()}`
      : null,
    countries: countryOptions(lang),
    embassies: centers.filter((c) => c.kind !== "service_center").map((c) => ({ value: c.slug, label: c.name })),
  };
}

export default function Queue() {
  const { t } = useTranslation("cases");
  const data = useLoaderData<typeof loader>();
  const v = data.values as Record<string, string | undefined>;
  return (
    <>
      <h1 className="heading-l">{t("queue.title")}</h1>
      <ListTabs
        label={t("queue.tabsLabel")}
        tabs={data.tabs.map((tab) => ({
          id: tab.id,
          href: tab.href,
          current: tab.id === data.tab,
          label: `${t(`queue.tabs.${tab.id}`)} (${tab.capped ? t("queue.countCapped", { count: tab.count }) : tab.count})`,
        }))}
      />
      <ListFilters
        summary={t("queue.filters")}
        open={Boolean(v.q || v.destination || v.purpose || v.referral || v.mine)}
        tab={data.tab}
        lng={v.lng}
        clearHref={`/staff/queue?tab=${data.tab}${v.lng ? `&lng=${v.lng}` : ""}`}
        apply={t("queue.apply")}
        clear={t("queue.clear")}
      >
        <TextField name="q" type="search" label={t("queue.search")} hint={t("queue.searchHint")} defaultValue={v.q} spellCheck={false} />
        <SelectField
          name="destination"
          label={t("queue.destination")}
          options={data.countries}
          placeholder={t("queue.any")}
          defaultValue={v.destination}
        />
        <SelectField
          name="purpose"
          label={t("queue.purpose")}
          options={PURPOSES.map((p) => ({ value: p, label: t(`certificate:purpose.options.${p}`) }))}
          placeholder={t("queue.any")}
          defaultValue={v.purpose}
        />
        <SelectField
          name="referral"
          label={t("queue.referral")}
          options={data.embassies}
          placeholder={t("queue.any")}
          defaultValue={v.referral}
        />
        <div className="form-group checkbox">
          <input type="checkbox" id="mine" name="mine" value="1" defaultChecked={v.mine === "1"} />
          <label htmlFor="mine">{t("queue.assignedToMe")}</label>
        </div>
        <div className="form-group">
          <label className="label" htmlFor="order">
            {t("queue.order")}
          </label>
          <select className="select" id="order" name="order" defaultValue={v.order ?? "oldest"}>
            <option value="oldest">{t("queue.oldest")}</option>
            <option value="newest">{t("queue.newest")}</option>
          </select>
        </div>
      </ListFilters>
      {data.exportHref ? (
        <p>
          <a href={data.exportHref} download>
            {t("queue.export")}
          </a>
        </p>
      ) : null}
      {data.rows.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <ScrollableTable caption={t(`queue.tabs.${data.tab}`)}>
          <thead>
            <tr>
              <th scope="col">{t("queue.reference")}</th>
              <th scope="col">{t("queue.name")}</th>
              <th scope="col">{t("queue.submitted")}</th>
              <th scope="col">{t("queue.due")}</th>
              <th scope="col">{t("queue.destination")}</th>
              <th scope="col">{t("queue.assignedTo")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id}>
                <td className="nowrap">
                  <a href={row.href} dir="ltr">
                    {row.reference}
                  </a>
                </td>
                <td>{row.fullName}</td>
                <td>{row.submitted}</td>
                <td>
                  {row.due}
                  <br />
                  {row.sla.late ? (
                    <strong className="tag tag--red">{t("queue.late")}</strong>
                  ) : (
                    <span className="hint">{t("queue.daysLeft", { count: row.sla.workingDaysLeft })}</span>
                  )}
                </td>
                <td>{row.destinationName}</td>
                <td>{row.assignedName ?? t("queue.unassigned")}</td>
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
