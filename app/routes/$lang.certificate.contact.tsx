import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { SelectField } from "~/components/select-field";
import { StepPage } from "~/components/step-page";
import { EmailField, TextField } from "~/components/text-field";
import { ContactSchema } from "~/schemas/certificate";
import { countryOptions } from "~/utils/countries";
import type { FormValues } from "~/utils/form";
import type { RouteHandle } from "~/utils/handle";
import { questionAction, requireStepDraft, stepPageState } from "~/services/step-action.server";

const FIELDS = ["email", "phone", "residenceCountry", "residenceCity"] as const;

export const handle: RouteHandle = { i18n: ["certificate", "validation"], title: (t) => t("certificate:contact.title") };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const values: FormValues = { ...(draft.answers.contact ?? {}) };
  const forRelative = draft.answers.who?.applicantType === "relative";
  return {
    values,
    forRelative,
    countries: countryOptions(lang),
    ...stepPageState(request, draft, "contact"),
  };
}

export async function action(args: ActionFunctionArgs) {
  return questionAction(args, {
    step: "contact",
    schema: ContactSchema,
    // The holder confirms the e-authority from their own mailbox, not the relative's.
    crossCheck: (data, current) =>
      current.answers.authority?.holderEmail === data.email && current.answers.who?.applicantType === "relative"
        ? { email: "validation:authority.sameEmail" }
        : null,
  });
}

export default function Contact() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { values: saved, forRelative, countries, returnToCheck, answerAgain } = useLoaderData<typeof loader>();
  const variant = (key: string) => t(forRelative ? `${key}Relative` : key);
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? saved;
  return (
    <StepPage
      step="contact"
      backHref={`/${lang}/certificate/personal`}
      title={variant("contact.title")}
      errors={errors}
      fieldOrder={FIELDS}
      returnToCheck={returnToCheck}
      answerAgain={answerAgain}
    >
      <EmailField
        name="email"
        label={t("contact.email")}
        hint={variant("contact.emailHint")}
        autoComplete="email"
        error={errors?.email}
        defaultValue={values.email}
      />
      <TextField
        name="phone"
        type="tel"
        label={t("contact.phone")}
        hint={t("contact.phoneHint")}
        autoComplete="tel"
        dir="ltr"
        error={errors?.phone}
        defaultValue={values.phone}
      />
      <SelectField
        name="residenceCountry"
        label={variant("contact.residenceCountry")}
        options={countries}
        placeholder={t("personal.chooseCountry")}
        error={errors?.residenceCountry}
        defaultValue={values.residenceCountry}
      />
      <TextField
        name="residenceCity"
        label={variant("contact.residenceCity")}
        autoComplete="address-level2"
        error={errors?.residenceCity}
        defaultValue={values.residenceCity}
      />
    </StepPage>
  );
}
