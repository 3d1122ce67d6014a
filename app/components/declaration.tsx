import type { FieldError } from "~/utils/form";
import { ErrorMessage } from "./error-message";

/** One checkbox the person ticks to declare what the label says; posted as `declaration=yes`. */
export function Declaration({ label, error }: { label: string; error: FieldError | undefined }) {
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <ErrorMessage id="declaration-error" error={error} />
      <div className="checkbox">
        <input type="checkbox" id="declaration" name="declaration" value="yes" aria-describedby={error ? "declaration-error" : undefined} />
        <label htmlFor="declaration">{label}</label>
      </div>
    </div>
  );
}
