import { useTranslation } from "~/utils/use-translation";
import { type FieldErrors, renderFieldError } from "~/utils/form";

/**
 * GOV.UK error summary: above the heading, focused on load (autofocus works without JavaScript),
 * each message a link to its field, in the order the fields appear.
 */
export function ErrorSummary({ errors, order }: { errors: FieldErrors | undefined; order: readonly string[] }) {
  const { t } = useTranslation();
  if (!errors || Object.keys(errors).length === 0) return null;
  const fields = [...order.filter((f) => f in errors), ...Object.keys(errors).filter((f) => !order.includes(f))];
  return (
    <div className="error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} autoFocus>
      <h2 className="heading-m" id="error-summary-title">
        {t("form.errorSummaryTitle")}
      </h2>
      <ul className="error-summary__list">
        {fields.map((field) => (
          <li key={field}>
            <a href={`#${field}`}>{renderFieldError(t, errors[field]!)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
