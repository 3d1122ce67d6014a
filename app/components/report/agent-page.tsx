import { useTranslation } from "~/utils/use-translation";
import { TextareaField } from "../textarea-field";
import type { ReportPageProps } from "./page-props";
import { ReportPageForm } from "./report-page";

const FIELDS = ["phones", "profiles", "names", "office"] as const;

export function AgentPage({ state, values, errors, returnToCheck }: ReportPageProps) {
  const { t } = useTranslation("report");
  return (
    <ReportPageForm page="agent" state={state} returnToCheck={returnToCheck} errors={errors} fieldOrder={FIELDS} title={t("agent.title")}>
      <p>{t("agent.intro")}</p>
      {FIELDS.map((field) => (
        <TextareaField
          key={field}
          name={field}
          label={t(`agent.${field}`)}
          hint={t(`agent.${field}Hint`)}
          rows={field === "office" ? 3 : 4}
          autoComplete="off"
          error={errors?.[field]}
          defaultValue={values[field]}
        />
      ))}
    </ReportPageForm>
  );
}
