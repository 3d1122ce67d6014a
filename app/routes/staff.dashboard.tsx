import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { type BarChartRow, BarChart } from "~/components/dashboard/bar-chart";
import { DateRangeFields } from "~/components/date-range-fields";
import { ErrorSummary } from "~/components/error-summary";
import { ReferralTable, referralRow } from "~/components/dashboard/referral-figures";
import { ScrollableTable } from "~/components/scrollable-table";
import { SummaryList } from "~/components/summary-list";
import { SLA_WORKING_DAYS } from "~/domain/sla";
import { textDirection } from "~/i18n";
import { listAllCenters } from "~/models/center.server";
import { readDashboard, readReferralFigures } from "~/models/dashboard.server";
import { loadHolidays } from "~/models/holiday.server";
import { DASHBOARD_FIELDS, readPeriodQuery } from "~/schemas/dashboard";
import { requirePermission } from "~/services/auth.server";
import type { FieldErrors } from "~/utils/form";
import { countryName, formatDate, formatNumber, formatShortDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = {
  i18n: ["staff", "track"],
  title: (t, loaded) =>
    `${(loaded as { errors?: unknown } | undefined)?.errors ? `${t("form.errorPrefix")}: ` : ""}${t("staff:dashboard.title")}`,
};
export const headers = noStoreHeaders;

/** `long`: how the table names the row when the chart has room for less (a week's full date). */
type Figure = { key: string; label: string; value: number; count: string; long?: string };

/** Figures across every center in a period: counts only, so no row of it names a person. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "read:dashboard:any");
  const lang = requestLanguage(request);
  const now = new Date();
  const { values, parsed } = readPeriodQuery(new URL(request.url), now);
  if (!parsed.ok) {
    context.logger.info({ requestId: context.requestId, outcome: "invalid_period" }, "dashboard view");
    return data({ errors: parsed.errors as FieldErrors | null, values, dir: textDirection(lang), figures: null }, { status: 400 });
  }
  const period = parsed.data;
  const holidays = await loadHolidays(context.db);
  const [figures, referralFigures, centers] = await Promise.all([
    readDashboard(context.db, period, { now, holidays }),
    readReferralFigures(context.db, period),
    listAllCenters(context.db),
  ]);
  const centerNames = new Map(centers.map((c) => [c.slug, c.names[lang]]));
  const count = (n: number) => formatNumber(lang, n);
  const days = (n: number | null) => (n === null ? null : formatNumber(lang, n, 1));
  const figure = (key: string, label: string, value: number): Figure => ({ key, label, value, count: count(value) });
  context.logger.info({ requestId: context.requestId, outcome: "shown" }, "dashboard view");
  return data({
    errors: null,
    values: { from: values.from || period.from, to: values.to || period.to, lng: values.lng },
    dir: textDirection(lang),
    figures: {
      from: formatDate(lang, period.from),
      to: formatDate(lang, period.to),
      total: count(figures.total),
      late: count(figures.late),
      issued: count(figures.issued.count),
      medianDays: days(figures.issued.medianDays),
      p90Days: days(figures.issued.p90Days),
      byStatus: figures.byStatus.map((s) => figure(s.status, s.status, s.count)),
      weeks: figures.weeks.map((w) => ({ ...figure(w.week, formatShortDate(lang, w.week), w.count), long: formatDate(lang, w.week) })),
      destinations: figures.destinations.map((d) => figure(d.country, countryName(lang, d.country), d.count)),
      // "" is the applications that came without a referral code: the component names them.
      referrals: figures.referrals.map((r) => figure(r.center ?? "", r.center ? (centerNames.get(r.center) ?? r.center) : "", r.count)),
      byCenter: referralFigures.map((r) => referralRow(lang, r, centerNames.get(r.center) ?? r.center)),
    },
  });
}

const rowsOf = (figures: readonly Figure[]): BarChartRow[] =>
  figures.map((f) => ({ key: f.key, label: f.label, value: f.value, valueText: f.count }));

export default function Dashboard() {
  const { t } = useTranslation("staff");
  const loaded = useLoaderData<typeof loader>();
  const errors = loaded.errors ?? undefined;
  const v = loaded.values as Record<string, string | undefined>;
  const f = loaded.figures;
  const section = (id: string, title: string, column: string, figures: readonly Figure[], hint?: string) => (
    <FigureSection id={id} title={title} column={column} figures={figures} dir={loaded.dir} total={f?.total ?? ""} hint={hint} />
  );
  return (
    <>
      <ErrorSummary errors={errors} order={DASHBOARD_FIELDS} />
      <h1 className="heading-l">{t("dashboard.title")}</h1>
      <p>{t("dashboard.lead")}</p>
      <Form method="get" noValidate className="dashboard-period no-print">
        {v.lng ? <input type="hidden" name="lng" value={v.lng} /> : null}
        <div className="dashboard-period__dates">
          <DateRangeFields errors={errors} values={v} />
        </div>
        <button type="submit" className="button">
          {t("dashboard.show")}
        </button>
      </Form>
      {f ? (
        <>
          <h2 className="heading-m">{t("dashboard.period", { from: f.from, to: f.to })}</h2>
          <SummaryList
            rows={[
              { key: "total", label: t("dashboard.total"), value: f.total },
              { key: "late", label: t("dashboard.late", { days: SLA_WORKING_DAYS }), value: f.late },
              { key: "issued", label: t("dashboard.issued"), value: f.issued },
              { key: "median", label: t("dashboard.median"), value: f.medianDays ?? t("dashboard.noneIssued") },
              { key: "p90", label: t("dashboard.p90"), value: f.p90Days ?? t("dashboard.noneIssued") },
            ]}
          />
          <p className="hint">{t("dashboard.daysHint")}</p>
          {section(
            "by-status",
            t("dashboard.byStatus"),
            t("dashboard.status"),
            f.byStatus.map((s) => ({ ...s, label: t(`track:status.${s.key}.label`) })),
          )}
          {section("per-week", t("dashboard.perWeek"), t("dashboard.week"), f.weeks, t("dashboard.weekHint"))}
          {section("per-destination", t("dashboard.perDestination"), t("dashboard.destination"), f.destinations)}
          {section(
            "per-referral",
            t("dashboard.perReferral"),
            t("dashboard.referral"),
            f.referrals.map((r) => (r.key === "" ? { ...r, label: t("dashboard.noReferral") } : r)),
          )}
          <ReferralTable rows={f.byCenter} />
        </>
      ) : null}
    </>
  );
}

/**
 * One set of figures as a chart and as a table. The caption says in words what the chart shows;
 * a label that came from people (a country, a center's name) is isolated in the table.
 */
function FigureSection({
  id,
  title,
  column,
  figures,
  dir,
  total,
  hint,
}: {
  id: string;
  title: string;
  column: string;
  figures: readonly Figure[];
  dir: "ltr" | "rtl";
  total: string;
  hint?: string;
}) {
  const { t } = useTranslation("staff");
  const top = figures.reduce<Figure | null>((best, f) => (f.value > (best?.value ?? 0) ? f : best), null);
  return (
    // Not a named section: the table's scrolling region already carries the title, and two landmarks of one name confuse.
    <div className="dashboard-section">
      <h2 className="heading-m" id={id}>
        {title}
      </h2>
      {hint ? <p className="hint">{hint}</p> : null}
      {top === null ? (
        <p>{t("dashboard.nothing")}</p>
      ) : (
        <div className="dashboard-section__views">
          <BarChart
            id={`${id}-chart`}
            dir={dir}
            caption={t("dashboard.caption", { what: title, count: figures.length, total, label: top.long ?? top.label, value: top.count })}
            rows={rowsOf(figures)}
          />
          <ScrollableTable caption={title}>
            <thead>
              <tr>
                <th scope="col">{column}</th>
                <th scope="col" className="table__numeric">
                  {t("dashboard.applications")}
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.map((figure) => (
                <tr key={figure.key}>
                  <th scope="row">
                    <bdi>{figure.long ?? figure.label}</bdi>
                  </th>
                  <td className="table__numeric">{figure.count}</td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        </div>
      )}
    </div>
  );
}
