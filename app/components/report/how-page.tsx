import { useTranslation } from "~/utils/use-translation";
import { CHANNELS } from "~/schemas/report";
import { Radios } from "../radios";
import { TextField } from "../text-field";
import type { ReportPageProps } from "./page-props";
import { ReportPageForm } from "./report-page";

export function HowPage({ state, values, errors, returnToCheck }: ReportPageProps) {
  const { t } = useTranslation("report");
  return (
    <ReportPageForm page="how" state={state} returnToCheck={returnToCheck} errors={errors} fieldOrder={["channel", "channelOther"]}>
      <Radios
        name="channel"
        legend={t("how.question")}
        hint={t("how.hint")}
        legendAsHeading
        error={errors?.channel}
        defaultValue={values.channel}
        options={CHANNELS.map((channel) => ({
          value: channel,
          label: t(`channels.${channel}`),
          conditional:
            channel === "other" ? (
              <TextField
                name="channelOther"
                label={t("how.other")}
                autoComplete="off"
                error={errors?.channelOther}
                defaultValue={values.channelOther}
              />
            ) : undefined,
        }))}
      />
    </ReportPageForm>
  );
}
