import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { isLang } from "~/i18n";
import { readCertificatePdf } from "~/models/certificate.server";
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
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.bytes.byteLength),
      "Content-Disposition": `attachment; filename="police-character-certificate-${pdf.number}.pdf"`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "no-store",
    },
  });
}
