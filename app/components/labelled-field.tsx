import type { ReactNode } from "react";
import type { FieldError } from "~/utils/form";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";

/** What a field's aria-describedby names: its hint, then its error, each only when it is shown. */
export function describedBy(id: string, hint: string | undefined, error: FieldError | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * The frame of every labelled field: the form group (marked while in error), label, hint, inline
 * error, then the control, which points its aria-describedby at `describedBy(id, hint, error)`.
 */
export function LabelledField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: FieldError;
  children: ReactNode;
}) {
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={`${id}-hint`} text={hint} /> : null}
      <ErrorMessage id={`${id}-error`} error={error} />
      {children}
    </div>
  );
}
