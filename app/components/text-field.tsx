import type { InputHTMLAttributes } from "react";
import { ErrorMessage } from "./error-message";
import type { FieldError } from "~/utils/form";
import { Hint } from "./hint";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
  defaultValue?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "autoComplete" | "inputMode" | "spellCheck" | "dir" | "maxLength">;

/** Label, hint, inline error and input, wired for screen readers; the id is the field name. */
export function TextField({ name, label, hint, error, defaultValue, type = "text", ...input }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      {hint && hintId ? <Hint id={hintId} text={hint} /> : null}
      <ErrorMessage id={`${name}-error`} error={error} />
      <input
        className={error ? "input input--error" : "input"}
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

/** An e-mail address: the e-mail keyboard, no spelling marks, and left to right inside an Urdu page. */
export function EmailField(props: Omit<Props, "type" | "spellCheck" | "dir">) {
  return <TextField type="email" spellCheck={false} dir="ltr" {...props} />;
}
