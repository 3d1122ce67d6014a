import { useTranslation } from "~/utils/use-translation";
import { ConfirmationPanel } from "../confirmation-panel";

/**
 * The only time the secret is shown: in groups a person can copy onto paper, with the reference,
 * and how to use both. Nothing here is kept by the browser (no cookie; the page is not cached).
 */
export function SentScreen({ lang, reference, secretGroups }: { lang: string; reference: string; secretGroups: readonly string[] }) {
  const { t } = useTranslation("report");
  return (
    <>
      <ConfirmationPanel title={t("sent.title")} referenceLabel={t("sent.reference")} reference={reference} />
      <h2 className="heading-m">{t("sent.secretHeading")}</h2>
      <p>{t("sent.secretIntro")}</p>
      <p className="report-secret" dir="ltr" aria-label={t("sent.secretLabel")}>
        {secretGroups.map((group, index) => (
          <span key={index} className="report-secret__group">
            {group}
          </span>
        ))}
      </p>
      <div className="warning-text" role="note">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <p>{t("sent.secretWarning")}</p>
      </div>
      <h2 className="heading-m">{t("sent.nextHeading")}</h2>
      <p>{t("sent.next")}</p>
      <p>
        <a href={`/${lang}/report/follow-up`}>{t("sent.followUp")}</a>
      </p>
    </>
  );
}
