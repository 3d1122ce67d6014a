import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PROCESSING_WORKING_DAYS } from "~/domain/certificate-journey";
import { isValidReference } from "~/domain/reference";
import { isLang } from "~/i18n";
import { referenceExists } from "~/models/application.server";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["certificate"], title: (t) => t("certificate:confirmation.title") };

/** Bookmarkable, and safe to share: the reference and what happens next, nothing personal. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const reference = params.reference ?? "";
  if (!isValidReference(reference, "application") || !(await referenceExists(context.db, reference))) throw notFound();
  return { reference };
}

export default function Confirmation() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { reference } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="panel-confirmation">
        <h1 className="heading-xl">{t("confirmation.title")}</h1>
        <p className="panel-confirmation__body">
          {t("confirmation.reference")}
          <br />
          <strong className="reference" dir="ltr">
            {reference}
          </strong>
        </p>
      </div>
      <p>{t("confirmation.emailSent")}</p>
      <h2 className="heading-m">{t("confirmation.nextHeading")}</h2>
      <p>{t("confirmation.next")}</p>
      <p>{t("confirmation.expected", { days: PROCESSING_WORKING_DAYS })}</p>
      <p>
        <a href={`/${lang}/track`}>{t("confirmation.track")}</a>
      </p>
    </>
  );
}
