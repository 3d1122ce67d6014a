import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { isCenterSlug } from "~/domain/center-page";
import { isLang } from "~/i18n";
import { findActiveCenter } from "~/models/center.server";
import { posterLanguage, renderPosterPdf } from "~/pdf/poster-pdf.server";
import { notFound } from "~/utils/responses";

/**
 * A mission's poster as an A4 PDF, in the country's language and Urdu whatever the language of the
 * page it was asked from. Only for embassies and consulates with a referral code, and only once
 * an administrator confirmed their details; otherwise the center page says why there is none.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang) || !isCenterSlug(params.slug)) throw notFound();
  const center = await findActiveCenter(context.db, params.slug, params.lang);
  if (!center || center.kind === "service_center" || !center.referralCode) throw notFound();
  if (!center.details) throw redirect(`/${params.lang}/centers/${center.slug}?poster=unavailable#posters`, 303);
  const localLang = posterLanguage(center.countryCode);
  const bytes = await renderPosterPdf({
    localLang,
    names: center.names,
    referralCode: center.referralCode,
    publicUrl: context.env.PUBLIC_URL,
  });
  context.logger.info({ requestId: context.requestId, outcome: "rendered", center: center.slug }, "poster pdf");
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="poster-${center.slug}-${localLang}-ur.pdf"`,
      // Details change when an administrator edits them: always ask again.
      "Cache-Control": "no-cache",
    },
  });
}
