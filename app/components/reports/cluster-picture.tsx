/**
 * A cluster drawn on the server as SVG: reports in one column, the identifiers they share in the
 * other, a line for each report naming an identifier. It reads without JavaScript and scales to a
 * phone; the table beside it says the same in words for screen readers and for print.
 */
export type ClusterPictureProps = {
  title: string;
  description: string;
  reports: readonly { id: string; label: string; start: boolean }[];
  identifiers: readonly { key: string; label: string; reportIds: readonly string[] }[];
};

// Sized for a phone: at 390 px the picture is drawn about one to one, so its 13 px labels stay readable.
const ROW = 30;
const WIDTH = 380;
const REPORT_X = 118;
const IDENTIFIER_X = 210;
const LABEL_CHARACTERS = 20;

export function ClusterPicture({ title, description, reports, identifiers }: ClusterPictureProps) {
  const rows = Math.max(reports.length, identifiers.length, 1);
  const height = rows * ROW + 20;
  // Each column is centred on the picture's height so short columns do not hang at the top.
  const y = (index: number, count: number) => 10 + ROW / 2 + index * ROW + ((rows - count) * ROW) / 2;
  const reportY = new Map(reports.map((r, i) => [r.id, y(i, reports.length)]));
  return (
    // The picture is always drawn left to right (references and numbers are Latin), also on an Urdu page.
    <svg
      className="cluster-picture"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby="cluster-title cluster-desc"
      direction="ltr"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="cluster-title">{title}</title>
      <desc id="cluster-desc">{description}</desc>
      <g stroke="#505a5f" strokeWidth="1.5">
        {identifiers.flatMap((identifier, i) =>
          identifier.reportIds.map((reportId) => (
            <line
              key={`${identifier.key}-${reportId}`}
              x1={REPORT_X + 8}
              y1={reportY.get(reportId) ?? 0}
              x2={IDENTIFIER_X - 8}
              y2={y(i, identifiers.length)}
            />
          )),
        )}
      </g>
      {reports.map((report) => (
        <g key={report.id}>
          <circle cx={REPORT_X} cy={reportY.get(report.id)} r={report.start ? 9 : 7} fill={report.start ? "#0b0c0c" : "#1d70b8"} />
          <text x={REPORT_X - 14} y={(reportY.get(report.id) ?? 0) + 5} textAnchor="end" fontSize="13" fontFamily="monospace" fill="#0b0c0c">
            {report.label}
          </text>
        </g>
      ))}
      {identifiers.map((identifier, i) => (
        <g key={identifier.key}>
          <rect x={IDENTIFIER_X - 7} y={y(i, identifiers.length) - 7} width="14" height="14" fill="#f47738" />
          <text x={IDENTIFIER_X + 14} y={y(i, identifiers.length) + 5} fontSize="13" fontFamily="monospace" fill="#0b0c0c">
            {identifier.label.length > LABEL_CHARACTERS ? `${identifier.label.slice(0, LABEL_CHARACTERS - 1)}…` : identifier.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
