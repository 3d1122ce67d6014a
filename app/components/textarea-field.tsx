import { ErrorMessage } from "./error-message";
import type { FieldError } from "~/utils/form";
import { Hint } from "./hint";

/** A labelled multi-line answer with hint and inline error, wired like TextField; the id is the name. */
export function TextareaField({
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 3,
  autoComplete,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
  defaultValue?: string;
  rows?: number;
  autoComplete?: string;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      {hint ? <Hint id={`${name}-hint`} text={hint} /> : null}
      <ErrorMessage id={`${name}-error`} error={error} />
      <textarea
        className="textarea"
        id={name}
        name={name}
        rows={rows}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
