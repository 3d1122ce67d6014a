import { useTranslation } from "~/utils/use-translation";
import { countryOptions } from "~/utils/countries";
import { DateInput } from "../date-input";
import { SelectField } from "../select-field";
import { TextField } from "../text-field";
import { TextareaField } from "../textarea-field";
import type { ReportPageProps } from "./page-props";
import { ReportPageForm } from "./report-page";

const FIELDS = ["when", "country", "city", "homeDistrict", "details"] as const;

export function WhenPage({ lang, state, values, errors, returnToCheck }: ReportPageProps) {
  const { t } = useTranslation("report");
  return (
    <ReportPageForm page="when" state={state} returnToCheck={returnToCheck} errors={errors} fieldOrder={FIELDS} title={t("when.title")}>
      <DateInput
        name="when"
        legend={t("when.date")}
        hint={t("when.dateHint")}
        withDay={false}
        error={errors?.when}
        values={{ month: values.whenMonth, year: values.whenYear }}
      />
      <SelectField
        name="country"
        label={t("when.country")}
        options={countryOptions(lang)}
        placeholder={t("chooseCountry")}
        error={errors?.country}
        defaultValue={values.country}
      />
      <TextField name="city" label={t("when.city")} autoComplete="off" error={errors?.city} defaultValue={values.city} />
      <TextField
        name="homeDistrict"
        label={t("when.homeDistrict")}
        hint={t("when.homeDistrictHint")}
        autoComplete="off"
        error={errors?.homeDistrict}
        defaultValue={values.homeDistrict}
      />
      <TextareaField
        name="details"
        label={t("when.details")}
        hint={t("when.detailsHint")}
        rows={8}
        autoComplete="off"
        error={errors?.details}
        defaultValue={values.details}
      />
    </ReportPageForm>
  );
}
