import type { FieldError } from "~/utils/form";
import { describedBy, LabelledField } from "./labelled-field";

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
  return (
    <LabelledField id={name} label={label} hint={hint} error={error}>
      <textarea
        className="textarea"
        id={name}
        name={name}
        rows={rows}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </LabelledField>
  );
}
