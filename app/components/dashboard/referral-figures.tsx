import { useTranslation } from "~/utils/use-translation";
import type { Lang } from "~/i18n";
import type { ReferralFigures } from "~/models/dashboard.server";
import { formatNumber } from "~/utils/format";
import { ScrollableTable } from "../scrollable-table";
import { SummaryList } from "../summary-list";

/** One center's referral figures as the page shows them; `medianDays` null when none was issued. */
export type ReferralRow = { key: string; name: string; visits: string; started: string; submitted: string; medianDays: string | null };

/** The figures' columns, in the order the table shows them; each is also its heading's key. */
const FIGURE_COLUMNS = ["visits", "started", "submitted", "medianDays"] as const;

export function referralRow(lang: Lang, figures: ReferralFigures, name: string): ReferralRow {
  const count = (n: number) => formatNumber(lang, n);
  return {
    key: figures.center,
    name,
    visits: count(figures.visits),
    started: count(figures.started),
    submitted: count(figures.submitted),
    medianDays: figures.medianDays === null ? null : formatNumber(lang, figures.medianDays, 1),
  };
}

/** The dashboard's "Referrals by center": every center with a figure in the period. */
export function ReferralTable({ rows }: { rows: readonly ReferralRow[] }) {
  const { t } = useTranslation("staff");
  return (
    <div className="dashboard-section">
      <h2 className="heading-m" id="referrals-by-center">
        {t("referralFigures.byCenter")}
      </h2>
      <p className="hint">{t("referralFigures.visitsHint")}</p>
      {rows.length === 0 ? (
        <p>{t("referralFigures.nothing")}</p>
      ) : (
        <ScrollableTable caption={t("referralFigures.byCenter")}>
          <thead>
            <tr>
              <th scope="col">{t("referralFigures.center")}</th>
              {FIGURE_COLUMNS.map((column) => (
                <th key={column} scope="col" className="table__numeric">
                  {t(`referralFigures.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  <bdi>{r.name}</bdi>
                </th>
                {FIGURE_COLUMNS.map((column) => (
                  <td key={column} className="table__numeric">
                    {r[column] ?? t("referralFigures.noMedian")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
    </div>
  );
}

/** One center's figures as a summary list: the embassy desk's own. */
export function ReferralSummary({ row }: { row: ReferralRow }) {
  const { t } = useTranslation("staff");
  return (
    <>
      <SummaryList
        rows={[
          { key: "visits", label: t("referralFigures.visits"), value: row.visits },
          { key: "started", label: t("referralFigures.started"), value: row.started },
          { key: "submitted", label: t("referralFigures.submitted"), value: row.submitted },
          { key: "median", label: t("referralFigures.medianDays"), value: row.medianDays ?? t("referralFigures.noMedian") },
        ]}
      />
      <p className="hint">{t("referralFigures.visitsHint")}</p>
    </>
  );
}
