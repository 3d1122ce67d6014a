import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { Radios } from "~/components/radios";
import { SelectField } from "~/components/select-field";
import { StepPage } from "~/components/step-page";
import { TextField } from "~/components/text-field";
import { PURPOSES, PurposeSchema } from "~/schemas/certificate";
import { countryOptions } from "~/utils/countries";
import type { FormValues } from "~/utils/form";
import type { RouteHandle } from "~/utils/handle";
import { questionAction, requireStepDraft, stepPageState } from "~/services/step-action.server";

const FIELDS = ["purpose", "purposeOther", "destinationCountry"] as const;

export const handle: RouteHandle = { i18n: ["certificate", "validation"], title: (t) => t("certificate:purpose.purpose") };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const saved = draft.answers.purpose;
  const values: FormValues = saved ? { ...saved, purposeOther: saved.purposeOther ?? "" } : {};
  return {
    values,
    countries: countryOptions(lang),
    ...stepPageState(request, draft, "purpose"),
  };
}

export async function action(args: ActionFunctionArgs) {
  return questionAction(args, { step: "purpose", schema: PurposeSchema });
}

export default function Purpose() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { values: saved, countries, returnToCheck, answerAgain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? saved;
  return (
    <StepPage
      step="purpose"
      backHref={`/${lang}/certificate/addresses`}
      errors={errors}
      fieldOrder={FIELDS}
      returnToCheck={returnToCheck}
      answerAgain={answerAgain}
    >
      <Radios
        name="purpose"
        legend={t("purpose.purpose")}
        legendAsHeading
        options={PURPOSES.map((p) => ({
          value: p,
          label: t(`purpose.options.${p}`),
          conditional:
            p === "other" ? (
              <TextField name="purposeOther" label={t("purpose.other")} error={errors?.purposeOther} defaultValue={values.purposeOther} />
            ) : undefined,
        }))}
        error={errors?.purpose}
        defaultValue={values.purpose}
      />
      <SelectField
        name="destinationCountry"
        label={t("purpose.destinationCountry")}
        options={countries}
        placeholder={t("personal.chooseCountry")}
        error={errors?.destinationCountry}
        defaultValue={values.destinationCountry}
      />
    </StepPage>
  );
}
