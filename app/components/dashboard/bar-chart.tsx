/**
 * A horizontal bar chart drawn on the server as SVG: one row per figure, its label, a bar and the
 * number. Horizontal bars need no axis to read in either direction: on an Urdu page the picture
 * is mirrored (labels on the right, bars growing leftwards), and each text is laid out in the
 * page's direction as its own paragraph, so a Nastaliq name and its digits keep their order. The
 * figure's caption says in words what the picture shows; the table beside it gives every figure.
 */
export type BarChartRow = { key: string; label: string; value: number; valueText: string };

// Sized for a phone, as the cluster picture: at 390 px the chart is drawn about one to one.
const WIDTH = 380;
const LABEL_WIDTH = 176;
const VALUE_ROOM = 48;
const LABEL_CHARACTERS = 26;
/** About how wide one letter of a 13 px label is; a label estimated wider is narrowed to fit, not clipped. */
const LETTER_WIDTH = 7.4;
const LABEL_ROOM = LABEL_WIDTH - 12;

export function BarChart({ id, caption, rows, dir }: { id: string; caption: string; rows: readonly BarChartRow[]; dir: "ltr" | "rtl" }) {
  // Nastaliq needs about half as much height again as Latin letters at the same size.
  const rowHeight = dir === "rtl" ? 34 : 26;
  const height = Math.max(rows.length, 1) * rowHeight + 8;
  const max = Math.max(...rows.map((r) => r.value), 1);
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const x = (at: number) => (dir === "rtl" ? WIDTH - at : at);
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <svg
        className="chart__picture"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-caption`}
        xmlns="http://www.w3.org/2000/svg"
      >
        {rows.map((row, i) => {
          const top = 4 + i * rowHeight;
          const middle = top + rowHeight / 2;
          const length = row.value > 0 ? Math.max(2, (row.value / max) * barSpace) : 0;
          const label = row.label.length > LABEL_CHARACTERS ? `${row.label.slice(0, LABEL_CHARACTERS - 1)}…` : row.label;
          return (
            <g key={row.key}>
              <text
                x={x(LABEL_WIDTH - 8)}
                y={middle}
                direction={dir}
                textAnchor="end"
                dominantBaseline="central"
                className="chart__label"
                {...(label.length * LETTER_WIDTH > LABEL_ROOM ? { textLength: LABEL_ROOM, lengthAdjust: "spacingAndGlyphs" } : {})}
              >
                {label}
              </text>
              <rect
                x={dir === "rtl" ? WIDTH - LABEL_WIDTH - length : LABEL_WIDTH}
                y={top + 5}
                width={length}
                height={rowHeight - 10}
                className="chart__bar"
              />
              <text
                x={x(LABEL_WIDTH + length + 6)}
                y={middle}
                direction={dir}
                textAnchor="start"
                dominantBaseline="central"
                className="chart__value"
              >
                {row.valueText}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-caption`} className="chart__caption">
        {caption}
      </figcaption>
    </figure>
  );
}
