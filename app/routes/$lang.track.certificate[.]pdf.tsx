import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { isLang } from "~/i18n";
import { readCertificatePdf } from "~/models/certificate.server";
import { attachmentResponse } from "~/utils/attachment";
import { notFound } from "~/utils/responses";
import { trackedApplicationId } from "~/utils/track-session.server";

/**
 * The holder's certificate, for the browser that looked the application up (the tracking cookie):
 * the stored bytes exactly as issued and signed, checked against their recorded SHA-256, always as
 * a download.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const applicationId = await trackedApplicationId(request, context);
  if (!applicationId) throw redirect(`/${params.lang}/track`);
  const pdf = await readCertificatePdf(context.db, context.documentKey, applicationId);
  if (!pdf) throw notFound();
  return attachmentResponse(pdf.bytes, "application/pdf", `police-character-certificate-${pdf.number}`);
}
