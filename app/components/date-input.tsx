import { useTranslation } from "~/utils/use-translation";
import { ErrorMessage } from "./error-message";
import type { FieldError, FormValues } from "~/utils/form";
import { Hint } from "./hint";
import { describedBy } from "./labelled-field";

/** A DateInput's entered or saved parts, from the form values under `<name>Day`, `<name>Month`, `<name>Year`. */
export function dateParts(values: FormValues, name: string): { day?: string; month?: string; year?: string } {
  return { day: values[`${name}Day`], month: values[`${name}Month`], year: values[`${name}Year`] };
}

/**
 * Day, month and year as three numeric fields (GOV.UK date input): no date picker, works on every
 * phone, and the keyboard shows digits. Field names are `<name>Day`, `<name>Month`, `<name>Year`.
 */
export function DateInput({
  name,
  legend,
  hint,
  error,
  values,
  withDay = true,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: FieldError;
  values: { day?: string; month?: string; year?: string };
  withDay?: boolean;
}) {
  const { t } = useTranslation();
  const part = (key: "day" | "month" | "year", width: string) => {
    const id = key === (withDay ? "day" : "month") ? name : `${name}${key[0]!.toUpperCase()}${key.slice(1)}`;
    const fieldName = `${name}${key[0]!.toUpperCase()}${key.slice(1)}`;
    return (
      <div className="date-input__item" key={key}>
        <label className="label date-input__label" htmlFor={id}>
          {t(`form.date.${key}`)}
        </label>
        <input
          className={`input date-input__input ${width}${error ? " input--error" : ""}`}
          id={id}
          name={fieldName}
          type="text"
          inputMode="numeric"
          autoComplete={name === "dateOfBirth" ? `bday-${key}` : "off"}
          defaultValue={values[key]}
          dir="ltr"
        />
      </div>
    );
  };
  return (
    <div className={error ? "form-group form-group--error" : "form-group"}>
      <fieldset className="fieldset" role="group" aria-describedby={describedBy(name, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? <Hint id={`${name}-hint`} text={hint} /> : null}
        <ErrorMessage id={`${name}-error`} error={error} />
        <div className="date-input">
          {withDay ? part("day", "input--width-2") : null}
          {part("month", "input--width-2")}
          {part("year", "input--width-4")}
        </div>
      </fieldset>
    </div>
  );
}
