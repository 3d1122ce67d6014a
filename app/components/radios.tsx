import { Fragment, type ReactNode } from "react";
import { ErrorMessage } from "./error-message";
import type { FieldError } from "~/utils/form";
import { Hint } from "./hint";
import { describedBy } from "./labelled-field";

/** `conditional`: the follow-up question for this answer only, revealed while it is checked. */
type Option = { value: string; label: string; hint?: string; conditional?: ReactNode };

type ChoiceProps = {
  name: string;
  legend: string;
  hint?: string;
  options: readonly Option[];
  error?: FieldError;
  legendAsHeading?: boolean;
};

/**
 * A GOV.UK radio group: fieldset and legend, hint, inline error; the first radio carries the field id.
 * A conditional follow-up sits under its answer and is hidden by CSS (`:has(:checked)`) until that
 * answer is chosen, so it works without JavaScript; the server still ignores it for other answers.
 */
export function Radios({ defaultValue, ...props }: ChoiceProps & { defaultValue?: string }) {
  return <ChoiceGroup {...props} type="radio" isChecked={(value) => defaultValue === value} />;
}

/** The same, for questions with more than one answer: each checked box sends its value under `name`. */
export function Checkboxes({ defaultValues = [], ...props }: ChoiceProps & { defaultValues?: readonly string[] }) {
  return <ChoiceGroup {...props} type="checkbox" isChecked={(value) => defaultValues.includes(value)} />;
}

function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  options,
  error,
  isChecked,
  legendAsHeading = false,
}: ChoiceProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
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
                    type={type}
                    value={option.value}
                    defaultChecked={isChecked(option.value)}
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
