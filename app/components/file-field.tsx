import type { FieldError } from "~/utils/form";
import { describedBy, LabelledField } from "./labelled-field";

/** The file types the tracking page takes as evidence; only narrows the picker, the server reads the content. */
export const EVIDENCE_ACCEPT = "image/jpeg,image/png,application/pdf";

/** One file with label, hint and inline error, wired like TextField; `id` when two forms post the same `name`. */
export function FileField({
  name,
  id = name,
  label,
  hint,
  error,
  accept,
  multiple = false,
}: {
  name: string;
  id?: string;
  label: string;
  hint: string;
  error?: FieldError;
  accept: string;
  /** Several files at once (evidence); each arrives under `name`. */
  multiple?: boolean;
}) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <input
        className="file-input"
        type="file"
        id={id}
        name={name}
        accept={accept}
        multiple={multiple}
        aria-describedby={describedBy(id, hint, error)}
      />
    </LabelledField>
  );
}
