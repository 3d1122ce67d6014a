import { data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { ConfirmationPanel } from "~/components/confirmation-panel";
import { PROCESSING_WORKING_DAYS } from "~/domain/certificate-journey";
import { isLang } from "~/i18n";
import { readDraft } from "~/services/draft-session.server";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["certificate"], title: (t) => t("certificate:confirmation.title") };

/**
 * Shown only to the browser that sent the application (its draft cookie): anyone else, whatever
 * the reference and whether it exists, is sent to the tracking page, so the page answers nobody's
 * question about which references exist.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const draft = await readDraft(request, context);
  if (!draft?.reference || draft.reference !== params.reference)
    throw redirect(`/${params.lang}/track`, { headers: { "Cache-Control": "no-store" } });
  return data({ reference: draft.reference }, { headers: { "Cache-Control": "no-store" } });
}

export default function Confirmation() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  const { reference } = useLoaderData<typeof loader>();
  return (
    <>
      <ConfirmationPanel title={t("confirmation.title")} referenceLabel={t("confirmation.reference")} reference={reference} />
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
