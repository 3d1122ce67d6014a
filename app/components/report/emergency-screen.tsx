import { Form } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { EmergencyNumber } from "~/services/report-journey-step.server";
import { JourneyFields, ReportBack } from "./report-page";

/**
 * After "yes, someone is in danger": whom to call first, for the country chosen, as administrators
 * entered it. Where they have entered nothing, only general advice: no number is ever made up.
 */
export function EmergencyScreen({
  state,
  returnToCheck,
  country,
  numbers,
}: {
  state: string;
  returnToCheck: boolean;
  country: string;
  numbers: readonly EmergencyNumber[];
}) {
  const { t } = useTranslation("report");
  return (
    <>
      <ReportBack state={state} screen="emergency" />
      <h1 className="heading-l">{t("emergency.title")}</h1>
      {numbers.length > 0 ? (
        <>
          <p>{t("emergency.callFirst", { country })}</p>
          <dl className="emergency-numbers">
            {numbers.map((n) => (
              <div key={`${n.kind}-${n.dial}`} className="emergency-numbers__row">
                <dt>{t(`emergency.kinds.${n.kind}`)}</dt>
                <dd>
                  <a href={`tel:${n.dial}`} className="emergency-numbers__phone">
                    <bdi dir="ltr">{n.phone}</bdi>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p>{t("emergency.noNumbers", { country })}</p>
      )}
      <p>{t("emergency.thenReport")}</p>
      <Form method="post" autoComplete="off">
        <JourneyFields state={state} screen="emergency" returnToCheck={returnToCheck} />
        <button type="submit" className="button" name="intent" value="continue">
          {t("emergency.continue")}
        </button>
      </Form>
    </>
  );
}
