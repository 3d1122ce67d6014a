import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { DateInput, dateParts } from "~/components/date-input";
import { Radios } from "~/components/radios";
import { SelectField } from "~/components/select-field";
import { StepPage } from "~/components/step-page";
import { TextField } from "~/components/text-field";
import { GENDERS, type PersonalAnswers, PersonalSchema } from "~/schemas/certificate";
import { countryOptions } from "~/utils/countries";
import type { FormValues } from "~/utils/form";
import type { RouteHandle } from "~/utils/handle";
import { questionAction, requireStepDraft, stepPageState } from "~/services/step-action.server";

const FIELDS = ["fullName", "fatherName", "dateOfBirth", "gender", "cnic", "passportCountry", "passportNumber", "nationality"] as const;

export const handle: RouteHandle = { i18n: ["certificate", "validation"], title: (t) => t("certificate:personal.title") };

/** Saved answers back into the shape of the form's fields. */
function toValues(answers: PersonalAnswers | undefined): FormValues {
  if (!answers) return { passportCountry: "PK", nationality: "PK" };
  const [year = "", month = "", day = ""] = answers.dateOfBirth.split("-");
  return {
    ...answers,
    dateOfBirthDay: String(Number(day)),
    dateOfBirthMonth: String(Number(month)),
    dateOfBirthYear: year,
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const authority = draft.answers.authority;
  const forRelative = draft.answers.who?.applicantType === "relative";
  // For a relative, the name and passport given for the e-authority are the starting point.
  const values = toValues(draft.answers.personal);
  if (forRelative && authority && !draft.answers.personal)
    Object.assign(values, { fullName: authority.holderName, passportNumber: authority.holderPassport });
  return {
    values,
    forRelative,
    countries: countryOptions(lang),
    ...stepPageState(request, draft, "personal"),
  };
}

export async function action(args: ActionFunctionArgs) {
  return questionAction(args, {
    step: "personal",
    schema: PersonalSchema,
    // The e-authority names one passport; the application must be for that same person.
    crossCheck: (data, current) => {
      const authority = current.answers.who?.applicantType === "relative" ? current.answers.authority : undefined;
      return authority && authority.holderPassport !== data.passportNumber
        ? { passportNumber: "validation:authority.passportMismatch" }
        : null;
    },
  });
}

export default function PersonalDetails() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { values: saved, forRelative, countries, returnToCheck, answerAgain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? saved;
  return (
    <StepPage
      step="personal"
      backHref={`/${lang}/certificate/${forRelative ? "authority" : "who"}`}
      title={t(forRelative ? "personal.titleRelative" : "personal.title")}
      errors={errors}
      fieldOrder={FIELDS}
      returnToCheck={returnToCheck}
      answerAgain={answerAgain}
    >
      <TextField
        name="fullName"
        label={t("personal.fullName")}
        hint={t("personal.fullNameHint")}
        autoComplete="name"
        spellCheck={false}
        error={errors?.fullName}
        defaultValue={values.fullName}
      />
      <TextField
        name="fatherName"
        label={t("personal.fatherName")}
        spellCheck={false}
        error={errors?.fatherName}
        defaultValue={values.fatherName}
      />
      <DateInput
        name="dateOfBirth"
        legend={t("personal.dateOfBirth")}
        hint={t("personal.dateOfBirthHint")}
        error={errors?.dateOfBirth}
        values={dateParts(values, "dateOfBirth")}
      />
      <Radios
        name="gender"
        legend={t("personal.gender")}
        options={GENDERS.map((g) => ({ value: g, label: t(`personal.genderOptions.${g}`) }))}
        error={errors?.gender}
        defaultValue={values.gender}
      />
      <TextField
        name="cnic"
        label={t("personal.cnic")}
        hint={t("personal.cnicHint")}
        inputMode="numeric"
        spellCheck={false}
        dir="ltr"
        error={errors?.cnic}
        defaultValue={values.cnic}
      />
      <SelectField
        name="passportCountry"
        label={t("personal.passportCountry")}
        options={countries}
        placeholder={t("personal.chooseCountry")}
        error={errors?.passportCountry}
        defaultValue={values.passportCountry}
      />
      <TextField
        name="passportNumber"
        label={t("personal.passportNumber")}
        hint={t("personal.passportNumberHint")}
        spellCheck={false}
        dir="ltr"
        error={errors?.passportNumber}
        defaultValue={values.passportNumber}
      />
      <SelectField
        name="nationality"
        label={t("personal.nationality")}
        options={countries}
        placeholder={t("personal.chooseCountry")}
        error={errors?.nationality}
        defaultValue={values.nationality}
      />
    </StepPage>
  );
}
