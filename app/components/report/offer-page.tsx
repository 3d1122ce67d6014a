import { useTranslation } from "~/utils/use-translation";
import { ROUTE_FIELDS, TRANSPORTS } from "~/schemas/report";
import { countryOptions } from "~/utils/countries";
import { ErrorMessage } from "../error-message";
import { Hint } from "../hint";
import { Radios } from "../radios";
import { SelectField } from "../select-field";
import { TextField } from "../text-field";
import { TextareaField } from "../textarea-field";
import type { ReportPageProps } from "./page-props";
import { ReportPageForm } from "./report-page";

const FIELDS = ["fromCountry", "toCountry", ...ROUTE_FIELDS, "transport", "promise", "peopleOffered"];

export function OfferPage({ lang, state, values, errors, returnToCheck }: ReportPageProps) {
  const { t } = useTranslation("report");
  const countries = countryOptions(lang);
  return (
    <ReportPageForm page="offer" state={state} returnToCheck={returnToCheck} errors={errors} fieldOrder={FIELDS} title={t("offer.title")}>
      <SelectField
        name="fromCountry"
        label={t("offer.from")}
        options={countries}
        placeholder={t("chooseCountry")}
        error={errors?.fromCountry}
        defaultValue={values.fromCountry}
      />
      <SelectField
        name="toCountry"
        label={t("offer.to")}
        options={countries}
        placeholder={t("chooseCountry")}
        error={errors?.toCountry}
        defaultValue={values.toCountry}
      />
      {/* Free text with suggestions from one shared list: five drop-downs of every country would
          weigh more than the rest of the page. The server reads names in any of the four languages. */}
      <div className="form-group">
        <fieldset className="fieldset" aria-describedby="route-hint">
          <legend className="fieldset__legend">{t("offer.route")}</legend>
          <Hint id="route-hint" text={t("offer.routeHint")} />
          {ROUTE_FIELDS.map((field, index) => (
            <div key={field} className={errors?.[field] ? "form-group form-group--error" : "form-group"}>
              <label className="label" htmlFor={field}>
                {t("offer.leg", { number: index + 1 })}
              </label>
              <ErrorMessage id={`${field}-error`} error={errors?.[field]} />
              <input
                className={errors?.[field] ? "input input--error" : "input"}
                id={field}
                name={field}
                type="text"
                list="country-names"
                autoComplete="off"
                defaultValue={values[field]}
                aria-describedby={errors?.[field] ? `${field}-error` : undefined}
                aria-invalid={errors?.[field] ? true : undefined}
              />
            </div>
          ))}
          <datalist id="country-names">
            {countries.map((country) => (
              <option key={country.value} value={country.label} />
            ))}
          </datalist>
        </fieldset>
      </div>
      <Radios
        name="transport"
        legend={t("offer.transport")}
        error={errors?.transport}
        defaultValue={values.transport}
        options={TRANSPORTS.map((transport) => ({ value: transport, label: t(`transports.${transport}`) }))}
      />
      <TextareaField
        name="promise"
        label={t("offer.promise")}
        hint={t("offer.promiseHint")}
        autoComplete="off"
        error={errors?.promise}
        defaultValue={values.promise}
      />
      <TextField
        name="peopleOffered"
        label={t("offer.people")}
        hint={t("offer.peopleHint")}
        inputMode="numeric"
        autoComplete="off"
        error={errors?.peopleOffered}
        defaultValue={values.peopleOffered}
      />
    </ReportPageForm>
  );
}
