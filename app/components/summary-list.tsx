import { useTranslation } from "~/utils/use-translation";
import { hasIsolates } from "~/utils/bidi";
import { BidiText } from "./bidi-text";

/**
 * A value is either one typed answer (isolated whole) or translated words with typed parts marked by
 * isolate(): then only those parts are isolated, so "(June 2005 to …)" keeps the page's direction.
 */
export type SummaryRow = {
  key: string;
  label: string;
  value: string;
  changeHref?: string;
  /** For a journey that keeps its answers in the form: "Change" is a button of the surrounding form. */
  changeButton?: { name: string; value: string };
};

/** Answers as a list of label and value, each with a "Change" link that names what it changes. */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  const { t } = useTranslation();
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt className="summary-list__key">
            <BidiText text={row.label} />
          </dt>
          {/* bdi: a value such as "+306912345678" keeps its own direction inside an Urdu page. */}
          <dd className="summary-list__value">{hasIsolates(row.value) ? <BidiText text={row.value} /> : <bdi>{row.value}</bdi>}</dd>
          {row.changeHref ? (
            <dd className="summary-list__actions">
              <a href={row.changeHref}>
                {t("form.change")}
                <span className="visually-hidden"> {t("form.changeHidden", { field: row.label })}</span>
              </a>
            </dd>
          ) : null}
          {row.changeButton ? (
            <dd className="summary-list__actions">
              <button type="submit" className="link-button" name={row.changeButton.name} value={row.changeButton.value}>
                {t("form.change")}
                <span className="visually-hidden"> {t("form.changeHidden", { field: row.label })}</span>
              </button>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
