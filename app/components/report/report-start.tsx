import { Form, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";

const ASKED = ["contact", "offer", "money", "when", "evidence"] as const;
const NOT_COLLECTED = ["name", "device", "cookies"] as const;

/** The start page: plainly what is and is not collected, before anything is asked. */
export function ReportStart() {
  const { t } = useTranslation("report");
  const { lang } = useParams();
  return (
    <>
      <h1 className="heading-xl">{t("start.title")}</h1>
      <p className="lead">{t("start.lead")}</p>
      <h2 className="heading-m">{t("start.askHeading")}</h2>
      <ul className="list list--bullet">
        {ASKED.map((item) => (
          <li key={item}>{t(`start.ask.${item}`)}</li>
        ))}
      </ul>
      <h2 className="heading-m">{t("start.notHeading")}</h2>
      <ul className="list list--bullet">
        {NOT_COLLECTED.map((item) => (
          <li key={item}>{t(`start.not.${item}`)}</li>
        ))}
      </ul>
      <h2 className="heading-m">{t("start.afterHeading")}</h2>
      <p>{t("start.after")}</p>
      <p>{t("start.time")}</p>
      <Form method="post">
        <button type="submit" className="button button--start" name="intent" value="start">
          {t("start.startNow")}
        </button>
      </Form>
      <p>
        <a href={`/${lang}/legal-migration`}>{t("start.legalLink")}</a>
      </p>
    </>
  );
}
