import { Fragment, type ReactNode } from "react";
import { ErrorMessage } from "./error-message";
import type { FieldError } from "~/utils/form";
import { Hint } from "./hint";
import { describedBy } from "./labelled-field";

/** `conditional`: the follow-up question for this answer only, revealed while it is checked. */
type Option = { value: string; label: string; hint?: string; conditional?: ReactNode };

/**
 * A GOV.UK radio group: fieldset and legend, hint, inline error; the first radio carries the field id.
 * A conditional follow-up sits under its answer and is hidden by CSS (`:has(:checked)`) until that
 * answer is chosen, so it works without JavaScript; the server still ignores it for other answers.
 */
export function Radios({
  name,
  legend,
  hint,
  options,
  error,
  defaultValue,
  legendAsHeading = false,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly Option[];
  error?: FieldError;
  defaultValue?: string;
  legendAsHeading?: boolean;
}) {
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className={legendAsHeading ? "fieldset__legend fieldset__legend--l" : "fieldset__legend"}>
          {legendAsHeading ? <h1 className="heading-l">{legend}</h1> : legend}
        </legend>
        {hint ? <Hint id={`${name}-hint`} text={hint} /> : null}
        <ErrorMessage id={`${name}-error`} error={error} />
        <div className="radios">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${option.value}`;
            return (
              <Fragment key={option.value}>
                <div className="radios__item">
                  <input
                    className="radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    value={option.value}
                    defaultChecked={defaultValue === option.value}
                    aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                  />
                  <label className="radios__label" htmlFor={id}>
                    {option.label}
                  </label>
                  {option.hint ? <Hint className="hint radios__hint" id={`${id}-item-hint`} text={option.hint} /> : null}
                </div>
                {option.conditional ? (
                  <div className="radios__conditional" id={`${id}-conditional`}>
                    {option.conditional}
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
