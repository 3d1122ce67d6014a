import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { Lang } from "~/i18n";
import type { ReportAnswers } from "~/schemas/report";
import { SummaryList } from "../summary-list";
import type { EvidenceListing } from "./evidence-page";
import { reportAnswerRows } from "./report-answer-rows";
import { JourneyFields, ReportBack } from "./report-page";

export function CheckScreen({
  lang,
  state,
  answers,
  evidence,
}: {
  lang: Lang;
  state: string;
  answers: ReportAnswers;
  evidence: readonly EvidenceListing[];
}) {
  const { t } = useTranslation("report");
  return (
    <>
      <ReportBack state={state} screen="check" />
      <h1 className="heading-l">{t("check.title")}</h1>
      <Form method="post" autoComplete="off">
        <JourneyFields state={state} screen="check" returnToCheck={false} />
        {/* Each "Change" is a button of this form (name "change", the page as value); no field takes Enter here. */}
        <SummaryList rows={reportAnswerRows(t, lang, answers, evidence, { change: true })} />
        <h2 className="heading-m">{t("check.sendHeading")}</h2>
        <p>{t("check.declaration")}</p>
        <button type="submit" className="button" name="intent" value="submit">
          {t("check.send")}
        </button>
      </Form>
    </>
  );
}
