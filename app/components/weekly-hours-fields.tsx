import { useTranslation } from "~/utils/use-translation";
import { isLang } from "~/i18n";
import { closesField, opensField, WEEKDAYS } from "~/schemas/center-hours";
import type { FieldErrors, FormValues } from "~/utils/form";
import { weekdayName } from "~/utils/format";
import { ErrorMessage } from "./error-message";
import { Hint } from "./hint";

/**
 * Opening hours as one row per weekday: an "opens" and a "closes" time, both empty for a closed
 * day. Time inputs send "HH:MM" (and what was typed where a browser has no time picker); the
 * error of a day sits on its row and the summary links to its "opens" box.
 */
export function WeeklyHoursFields({
  legend,
  hint,
  values,
  errors,
}: {
  legend: string;
  hint: string;
  values: FormValues;
  errors: FieldErrors | undefined;
}) {
  const { t, i18n } = useTranslation("staff");
  const lang = isLang(i18n.language) ? i18n.language : "en";
  return (
    <fieldset className="fieldset weekly-hours" aria-describedby="weekly-hours-hint">
      <legend className="fieldset__legend">{legend}</legend>
      <Hint id="weekly-hours-hint" text={hint} />
      {WEEKDAYS.map((day) => {
        const opens = opensField(day);
        const closes = closesField(day);
        const error = errors?.[opens];
        return (
          <div key={day} className={error ? "form-group form-group--error weekly-hours__day" : "form-group weekly-hours__day"}>
            <fieldset className="fieldset" aria-describedby={error ? `${opens}-error` : undefined}>
              <legend className="fieldset__legend weekly-hours__name">{weekdayName(lang, day)}</legend>
              <ErrorMessage id={`${opens}-error`} error={error} />
              <div className="weekly-hours__times">
                <TimeBox name={opens} label={t("center.opens")} invalid={Boolean(error)} defaultValue={values[opens]} />
                <TimeBox name={closes} label={t("center.closes")} invalid={Boolean(error)} defaultValue={values[closes]} />
              </div>
            </fieldset>
          </div>
        );
      })}
    </fieldset>
  );
}

function TimeBox({ name, label, invalid, defaultValue }: { name: string; label: string; invalid: boolean; defaultValue?: string }) {
  return (
    <div className="weekly-hours__time">
      <label className="label" htmlFor={name}>
        {label}
      </label>
      <input
        className={invalid ? "input input--time input--error" : "input input--time"}
        id={name}
        name={name}
        type="time"
        dir="ltr"
        aria-invalid={invalid ? true : undefined}
        defaultValue={defaultValue}
      />
    </div>
  );
}
