import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { centerPageLanguage, isCenterSlug } from "~/domain/center-page";
import { findActiveCenter } from "~/models/center.server";
import { notFound } from "~/utils/responses";

/**
 * A center's link without a language (what a poster or a message shares) opens in the language of
 * the center's country; the language switcher is on every page.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isCenterSlug(params.slug)) throw notFound();
  const center = await findActiveCenter(context.db, params.slug, "en");
  if (!center) throw notFound();
  throw redirect(`/${centerPageLanguage(center.countryCode)}/centers/${center.slug}`, { headers: { "Cache-Control": "no-cache" } });
}

/** Never rendered; without a component the thrown 404 would be sent as bare text. */
export default function CenterLink() {
  return null;
}
