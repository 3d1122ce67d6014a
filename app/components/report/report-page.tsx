import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/utils/use-translation";
import { REPORT_PAGES, type ReportPage, reportPageNumber, type ReportScreen } from "~/domain/report-journey";
import type { FieldErrors } from "~/utils/form";
import { ErrorSummary } from "../error-summary";

/** What every screen of the report journey posts back: the sealed answers and where it stands. */
export function JourneyFields({ state, screen, returnToCheck }: { state: string; screen: ReportScreen; returnToCheck: boolean }) {
  return (
    <>
      <input type="hidden" name="state" value={state} />
      <input type="hidden" name="screen" value={screen} />
      {returnToCheck ? <input type="hidden" name="returnToCheck" value="1" /> : null}
    </>
  );
}

/**
 * "Back" is a button of a form of its own, above the page's form: in the page's form it would be
 * the first submit button, which browsers press when someone presses Enter in a text field.
 */
export function ReportBack({ state, screen }: { state: string; screen: ReportScreen }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="back-form">
      <JourneyFields state={state} screen={screen} returnToCheck={false} />
      <button type="submit" className="back-link link-button" name="intent" value="back">
        {t("layout.back")}
      </button>
    </Form>
  );
}

/**
 * One question page of the report: back, error summary, progress, the fields, "Continue". The
 * answers travel in the form, so the browser keeps nothing: `autoComplete="off"` on the form covers
 * every field in it.
 */
export function ReportPageForm({
  page,
  state,
  returnToCheck,
  errors,
  fieldOrder,
  title,
  encType,
  children,
}: {
  page: ReportPage;
  state: string;
  returnToCheck: boolean;
  errors: FieldErrors | undefined;
  fieldOrder: readonly string[];
  /** Without one, the page's single question (a radio group's legend) is its heading. */
  title?: string;
  encType?: "multipart/form-data";
  children: ReactNode;
}) {
  const { t } = useTranslation("report");
  return (
    <>
      <ReportBack state={state} screen={page} />
      <ErrorSummary errors={errors} order={fieldOrder} />
      <p className="progress-line">{t("progress", { current: reportPageNumber(page), total: REPORT_PAGES.length })}</p>
      {title ? <h1 className="heading-l">{title}</h1> : null}
      <Form method="post" noValidate autoComplete="off" encType={encType}>
        <JourneyFields state={state} screen={page} returnToCheck={returnToCheck} />
        {children}
        <button type="submit" className="button" name="intent" value="continue">
          {t("common:form.continue")}
        </button>
      </Form>
    </>
  );
}
