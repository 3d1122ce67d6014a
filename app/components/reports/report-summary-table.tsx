import { useTranslation } from "~/utils/use-translation";
import type { Lang } from "~/i18n";
import { countryName, formatDate } from "~/utils/format";
import type { ReportStatus } from "../../../db/schema";
import { ScrollableTable } from "../scrollable-table";

export type ReportSummaryRow = {
  id: string;
  reference: string;
  href: string;
  status: ReportStatus;
  offeredIn: string;
  destination: string;
  received?: string;
  /** How the reporter wrote the identifier a page is about. */
  written?: string;
};

/**
 * One report as a table row, in the reader's language; `href` is where the row's reference leads
 * (the loader makes it, so the staff language travels along).
 */
export function reportSummaryRow(
  lang: Lang,
  r: { id: string; reference: string; status: ReportStatus; offerCountry: string; toCountry: string; createdOn: string },
  href: string,
  { withDate = false }: { withDate?: boolean } = {},
): ReportSummaryRow {
  return {
    id: r.id,
    reference: r.reference,
    href,
    status: r.status,
    offeredIn: countryName(lang, r.offerCountry),
    destination: countryName(lang, r.toCountry),
    ...(withDate ? { received: formatDate(lang, r.createdOn) } : {}),
  };
}

/** Reports as a table (a cluster's, an identifier's): reference, status, countries; date and wording when given. */
export function ReportSummaryTable({ caption, rows }: { caption: string; rows: readonly ReportSummaryRow[] }) {
  const { t } = useTranslation("reports");
  const withDates = rows.some((r) => r.received !== undefined);
  const withWording = rows.some((r) => r.written !== undefined);
  return (
    <ScrollableTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t("queue.reference")}</th>
          <th scope="col">{t("report.status")}</th>
          {withDates ? <th scope="col">{t("queue.received")}</th> : null}
          <th scope="col">{t("queue.offeredIn")}</th>
          <th scope="col">{t("queue.destination")}</th>
          {withWording ? <th scope="col">{t("identifier.written")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="nowrap">
              <a href={r.href} dir="ltr">
                {r.reference}
              </a>
            </td>
            <td>{t(`statusOfReport.${r.status}`)}</td>
            {withDates ? <td>{r.received}</td> : null}
            <td>{r.offeredIn}</td>
            <td>{r.destination}</td>
            {withWording ? (
              <td>
                <bdi>{r.written}</bdi>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
