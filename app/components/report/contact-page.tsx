import { useTranslation } from "~/utils/use-translation";
import { Radios } from "../radios";
import { TextField } from "../text-field";
import type { ReportPageProps } from "./page-props";
import { ReportPageForm } from "./report-page";

export function ContactPage({ state, values, errors, returnToCheck }: ReportPageProps) {
  const { t } = useTranslation("report");
  return (
    <ReportPageForm
      page="contact"
      state={state}
      returnToCheck={returnToCheck}
      errors={errors}
      fieldOrder={["contactWanted", "contactName", "contactPhone", "contactEmail"]}
    >
      <Radios
        name="contactWanted"
        legend={t("contact.question")}
        hint={t("contact.hint")}
        legendAsHeading
        error={errors?.contactWanted}
        defaultValue={values.contactWanted}
        options={[
          {
            value: "yes",
            label: t("contact.yes"),
            conditional: (
              <>
                <div className="warning-text" role="note">
                  <span className="warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <p>{t("contact.warning")}</p>
                </div>
                <TextField
                  name="contactName"
                  label={t("contact.name")}
                  hint={t("contact.nameHint")}
                  autoComplete="off"
                  error={errors?.contactName}
                  defaultValue={values.contactName}
                />
                <TextField
                  name="contactPhone"
                  label={t("contact.phone")}
                  type="tel"
                  dir="ltr"
                  autoComplete="off"
                  error={errors?.contactPhone}
                  defaultValue={values.contactPhone}
                />
                <TextField
                  name="contactEmail"
                  label={t("contact.email")}
                  type="email"
                  dir="ltr"
                  spellCheck={false}
                  autoComplete="off"
                  error={errors?.contactEmail}
                  defaultValue={values.contactEmail}
                />
              </>
            ),
          },
          { value: "no", label: t("contact.no") },
        ]}
      />
    </ReportPageForm>
  );
}
