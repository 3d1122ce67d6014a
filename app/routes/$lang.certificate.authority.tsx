import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { AnswerAgain } from "~/components/answer-again";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/radios";
import { EmailField, TextField } from "~/components/text-field";
import { AuthoritySchema, RELATIONSHIPS } from "~/schemas/certificate";
import type { FormValues } from "~/utils/form";
import type { RouteHandle } from "~/utils/handle";
import { questionAction, requireStepDraft, stepHref, stepPageState } from "~/services/step-action.server";
import { JourneyButtons } from "~/components/journey-buttons";

const FIELDS = ["holderName", "holderPassport", "holderEmail", "relativeName", "relationship"] as const;

export const handle: RouteHandle = { i18n: ["certificate", "validation"], title: (t) => t("certificate:authority.title") };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  if (draft.answers.who?.applicantType !== "relative") throw redirect(stepHref(lang, "who"));
  const values: FormValues = { ...(draft.answers.authority ?? {}) };
  return { values, ...stepPageState(request, draft, "authority") };
}

export async function action(args: ActionFunctionArgs) {
  return questionAction(args, { step: "authority", schema: AuthoritySchema, next: () => "personal" });
}

/** The e-authority that replaces the stamped paper letter: the holder confirms by email. */
export default function Authority() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { values: saved, returnToCheck, answerAgain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values ?? saved;
  return (
    <>
      <BackLink href={`/${lang}/certificate/who`} />
      <ErrorSummary errors={errors} order={FIELDS} />
      <AnswerAgain show={answerAgain} />
      <h1 className="heading-l">{t("authority.title")}</h1>
      <p>{t("authority.lead")}</p>
      <Form method="post" noValidate>
        {returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        <TextField
          name="holderName"
          label={t("authority.holderName")}
          hint={t("authority.holderNameHint")}
          spellCheck={false}
          error={errors?.holderName}
          defaultValue={values.holderName}
        />
        <TextField
          name="holderPassport"
          label={t("authority.holderPassport")}
          spellCheck={false}
          dir="ltr"
          error={errors?.holderPassport}
          defaultValue={values.holderPassport}
        />
        <EmailField
          name="holderEmail"
          label={t("authority.holderEmail")}
          hint={t("authority.holderEmailHint")}
          error={errors?.holderEmail}
          defaultValue={values.holderEmail}
        />
        <TextField
          name="relativeName"
          label={t("authority.relativeName")}
          autoComplete="name"
          spellCheck={false}
          error={errors?.relativeName}
          defaultValue={values.relativeName}
        />
        <Radios
          name="relationship"
          legend={t("authority.relationship")}
          options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`authority.relationships.${r}`) }))}
          error={errors?.relationship}
          defaultValue={values.relationship}
        />
        <JourneyButtons />
      </Form>
    </>
  );
}
