import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { type Step, STEPS, stepNumber } from "~/domain/certificate-journey";
import type { FieldErrors } from "~/utils/form";
import { AnswerAgain } from "./answer-again";
import { BackLink } from "./back-link";
import { ErrorSummary } from "./error-summary";
import { JourneyButtons } from "./journey-buttons";

/**
 * One question page of the certificate journey: back link, progress line, error summary, heading,
 * the fields, then "Continue" and "Save and come back later". Without a `title`, the page's one
 * question (a radio group's legend) is its heading, so the question is not asked twice.
 */
export function StepPage({
  step,
  backHref,
  title,
  errors,
  fieldOrder,
  encType,
  returnToCheck,
  answerAgain = false,
  children,
}: {
  step: Step;
  backHref: string;
  title?: string;
  errors: FieldErrors | undefined;
  fieldOrder: readonly string[];
  encType?: "multipart/form-data";
  returnToCheck: boolean;
  /** The page's stored answers were dropped: say why the questions are empty again. */
  answerAgain?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <BackLink href={backHref} />
      <ErrorSummary errors={errors} order={fieldOrder} />
      <AnswerAgain show={answerAgain} />
      <p className="progress-line">{t("certificate:progress", { current: stepNumber(step), total: STEPS.length })}</p>
      {title ? <h1 className="heading-l">{title}</h1> : null}
      <Form method="post" noValidate encType={encType}>
        {returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        {children}
        <JourneyButtons />
      </Form>
    </>
  );
}
