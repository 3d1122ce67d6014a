import { useTranslation } from "react-i18next";

/** A labelled select; options are value/label pairs already in the reader's language and order. */
export function SelectField({ name, label, hint, options, error, defaultValue, placeholder }: {
  name: string;
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  defaultValue?: string;
  placeholder: string;
}) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      {hint ? <p className="hint" id={`${name}-hint`}>{hint}</p> : null}
      {error ? (
        <p className="error-message" id={`${name}-error`}>
          <span className="visually-hidden">{t("form.errorPrefix")}: </span>
          {t(error)}
        </p>
      ) : null}
      <select className={error ? "select input--error" : "select"} id={name} name={name} defaultValue={defaultValue ?? ""} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
