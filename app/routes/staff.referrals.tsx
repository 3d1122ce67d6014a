import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { parseReference } from "~/domain/reference";
import { ReferralSummary, referralRow } from "~/components/dashboard/referral-figures";
import { DateRangeFields } from "~/components/date-range-fields";
import { ErrorSummary } from "~/components/error-summary";
import { readReferralFigures } from "~/models/dashboard.server";
import { listReferredApplications } from "~/models/referral.server";
import { DASHBOARD_FIELDS, readPeriodQuery } from "~/schemas/dashboard";
import { requirePermission } from "~/services/auth.server";
import type { FieldErrors } from "~/utils/form";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { forbidden, noStoreHeaders } from "~/utils/responses";
import { ScrollableTable } from "~/components/scrollable-table";

export const handle: RouteHandle = {
  i18n: ["cases", "track", "staff"],
  title: (t, loaded) =>
    `${(loaded as { errors?: unknown } | undefined)?.errors ? `${t("staff:form.errorPrefix")}: ` : ""}${t("cases:referrals.title")}`,
};
export const headers = noStoreHeaders;

/**
 * The embassy desk's view: where each referred application stands, and nothing of its content;
 * and its own center's referral figures (decision 042) for a period, twelve weeks unless chosen.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, context, "read:case-status:embassy");
  const center = staff.user.centerSlug;
  if (!center) throw forbidden();
  const lang = requestLanguage(request);
  const url = new URL(request.url);
  const typed = url.searchParams.get("reference")?.trim() ?? "";
  const reference = typed ? parseReference(typed, "application") : null;
  const { values, parsed } = readPeriodQuery(url, new Date());
  const [rows, figures] = await Promise.all([
    typed && !reference ? [] : listReferredApplications(context.db, center, { reference }),
    parsed.ok ? readReferralFigures(context.db, parsed.data, { center }) : null,
  ]);
  context.logger.info({ requestId: context.requestId, outcome: parsed.ok ? "shown" : "invalid_period" }, "referrals view");
  return data(
    {
      typed,
      invalid: Boolean(typed && !reference),
      rows: rows.map((r) => ({ ...r, submitted: formatDate(lang, r.submittedAt), changed: formatDate(lang, r.statusChangedAt) })),
      errors: parsed.ok ? null : (parsed.errors as FieldErrors),
      period: {
        from: values.from || (parsed.ok ? parsed.data.from : ""),
        to: values.to || (parsed.ok ? parsed.data.to : ""),
        lng: values.lng,
        shownFrom: parsed.ok ? formatDate(lang, parsed.data.from) : null,
        shownTo: parsed.ok ? formatDate(lang, parsed.data.to) : null,
      },
      figures: figures?.[0] ? referralRow(lang, figures[0], center) : null,
    },
    { status: parsed.ok ? 200 : 400 },
  );
}

export default function Referrals() {
  const { t } = useTranslation("cases");
  const { t: ts } = useTranslation("staff");
  const { typed, invalid, rows, errors, period, figures } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={errors ?? undefined} order={DASHBOARD_FIELDS} />
      <h1 className="heading-l">{t("referrals.title")}</h1>
      <p>{t("referrals.lead")}</p>
      <Form method="get">
        <div className={invalid ? "form-group form-group--error" : "form-group"}>
          <label className="label" htmlFor="reference">
            {t("referrals.search")}
          </label>
          {invalid ? (
            <p className="error-message" id="reference-error">
              {t("referrals.invalidReference")}
            </p>
          ) : null}
          <input
            className="input"
            id="reference"
            name="reference"
            defaultValue={typed}
            dir="ltr"
            spellCheck={false}
            aria-describedby={invalid ? "reference-error" : undefined}
            aria-invalid={invalid || undefined}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("referrals.find")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("referrals.empty")}</p>
      ) : (
        <ScrollableTable caption={t("referrals.title")}>
          <thead>
            <tr>
              <th scope="col">{t("referrals.reference")}</th>
              <th scope="col">{t("referrals.status")}</th>
              <th scope="col">{t("referrals.submitted")}</th>
              <th scope="col">{t("referrals.changed")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reference}>
                <td dir="ltr">{r.reference}</td>
                <td>{t(`track:status.${r.status}.label`)}</td>
                <td>{r.submitted}</td>
                <td>{r.changed}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
      <h2 className="heading-m" id="figures">
        {ts("referralFigures.desk")}
      </h2>
      <Form method="get" noValidate className="dashboard-period no-print">
        {period.lng ? <input type="hidden" name="lng" value={period.lng} /> : null}
        <div className="dashboard-period__dates">
          <DateRangeFields errors={errors ?? undefined} values={period} />
        </div>
        <button type="submit" className="button button--secondary">
          {ts("dashboard.show")}
        </button>
      </Form>
      {figures && period.shownFrom && period.shownTo ? (
        <>
          <h3 className="heading-s">{ts("dashboard.period", { from: period.shownFrom, to: period.shownTo })}</h3>
          <ReferralSummary row={figures} />
        </>
      ) : null}
    </>
  );
}
