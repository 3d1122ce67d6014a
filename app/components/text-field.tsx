import type { InputHTMLAttributes } from "react";
import type { FieldError } from "~/utils/form";
import { describedBy, LabelledField } from "./labelled-field";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
  defaultValue?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "autoComplete" | "inputMode" | "spellCheck" | "dir" | "maxLength">;

/** Label, hint, inline error and input, wired for screen readers; the id is the field name. */
export function TextField({ name, label, hint, error, defaultValue, type = "text", ...input }: Props) {
  return (
    <LabelledField id={name} label={label} hint={hint} error={error}>
      <input
        className={error ? "input input--error" : "input"}
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </LabelledField>
  );
}

/** An e-mail address: the e-mail keyboard, no spelling marks, and left to right inside an Urdu page. */
export function EmailField(props: Omit<Props, "type" | "spellCheck" | "dir">) {
  return <TextField type="email" spellCheck={false} dir="ltr" {...props} />;
}
