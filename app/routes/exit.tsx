import { redirect } from "@remix-run/node";

/**
 * The quick exit of the report pages leaves through here, so that those pages name no other site
 * in their HTML, and nothing of them reaches the neutral site in a Referer. Never logged (see
 * app/domain/anonymous-routes.ts): the time of an exit would date a visit.
 */
export const NEUTRAL_SITE = "https://www.bbc.com/weather";

export function loader() {
  return redirect(NEUTRAL_SITE, { status: 303, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
