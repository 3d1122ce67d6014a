import { useTranslation } from "~/utils/use-translation";
import { countryOptions } from "~/utils/countries";
import { Radios } from "../radios";
import { SelectField } from "../select-field";
import type { ReportPageProps } from "./page-props";
import { ReportPageForm } from "./report-page";

export function DangerPage({ lang, state, values, errors, returnToCheck }: ReportPageProps) {
  const { t } = useTranslation("report");
  return (
    <ReportPageForm
      page="danger"
      state={state}
      returnToCheck={returnToCheck}
      errors={errors}
      fieldOrder={["someoneInDanger", "dangerCountry"]}
    >
      <Radios
        name="someoneInDanger"
        legend={t("danger.question")}
        hint={t("danger.hint")}
        legendAsHeading
        error={errors?.someoneInDanger}
        defaultValue={values.someoneInDanger}
        options={[
          {
            value: "yes",
            label: t("yes"),
            conditional: (
              <SelectField
                name="dangerCountry"
                label={t("danger.country")}
                options={countryOptions(lang)}
                placeholder={t("chooseCountry")}
                error={errors?.dangerCountry}
                defaultValue={values.dangerCountry}
              />
            ),
          },
          { value: "no", label: t("no") },
        ]}
      />
    </ReportPageForm>
  );
}
