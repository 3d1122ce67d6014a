import { ErrorMessage } from "./error-message";
import type { FieldError } from "~/utils/form";
import { Hint } from "./hint";

/** A labelled select; options are value/label pairs already in the reader's language and order. */
export function SelectField({
  name,
  label,
  hint,
  options,
  error,
  defaultValue,
  placeholder,
}: {
  name: string;
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  error?: FieldError;
  defaultValue?: string;
  placeholder: string;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      {hint ? <Hint id={`${name}-hint`} text={hint} /> : null}
      <ErrorMessage id={`${name}-error`} error={error} />
      <select
        className={error ? "select input--error" : "select"}
        id={name}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      >
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
