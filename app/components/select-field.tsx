import type { FieldError } from "~/utils/form";
import { describedBy, LabelledField } from "./labelled-field";

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
  return (
    <LabelledField id={name} label={label} hint={hint} error={error}>
      <select
        className={error ? "select input--error" : "select"}
        id={name}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
