import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { AnswerAgain } from "~/components/answer-again";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/radios";
import { APPLICANT_TYPES, WhoSchema } from "~/schemas/certificate";
import { readForm } from "~/utils/form.server";
import type { RouteHandle } from "~/utils/handle";
import { handleStepAction, requireStepDraft, stepPageState } from "~/services/step-action.server";

export const handle: RouteHandle = { i18n: ["certificate", "validation"], title: (t) => t("certificate:who.title") };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { draft } = await requireStepDraft({ request, params, context });
  return {
    applicantType: draft.answers.who?.applicantType,
    ...stepPageState(request, draft, "who"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lang, draft } = await requireStepDraft({ request, params, context });
  const formData = await readForm(request);
  // Switching to "for a relative" needs the e-authority page even when coming back from "check".
  if (formData.get("applicantType") === "relative" && !draft.answers.authority) formData.delete("returnTo");
  return handleStepAction({
    formData,
    context,
    lang,
    draft,
    step: "who",
    schema: WhoSchema,
    next: (data) => (data.applicantType === "relative" ? "authority" : "personal"),
  });
}

/** The first question: the gateway to the e-authority when a relative applies. */
export default function Who() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { applicantType, returnToCheck, answerAgain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <>
      <BackLink href={`/${lang}/certificate`} />
      <ErrorSummary errors={errors} order={["applicantType"]} />
      <AnswerAgain show={answerAgain} />
      <Form method="post" noValidate>
        {returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        <Radios
          name="applicantType"
          legend={t("who.title")}
          legendAsHeading
          options={APPLICANT_TYPES.map((type) => ({ value: type, label: t(`who.options.${type}`), hint: t(`who.${type}Hint`) }))}
          error={errors?.applicantType}
          defaultValue={result?.values.applicantType ?? applicantType}
        />
        <button type="submit" className="button" name="intent" value="continue">
          {t("form.continue", { ns: "common" })}
        </button>
      </Form>
    </>
  );
}
