/**
 * After a successful lookup the browser may see one application for 30 minutes, through a signed,
 * HttpOnly cookie holding only its id: status pages then need nothing personal in their URL.
 */
import type { AppLoadContext } from "@remix-run/node";
import { createSiteCookie } from "./site-cookie.server";

function trackCookie(context: AppLoadContext) {
  return createSiteCookie(context, "pcc_track", { maxAge: 30 * 60, secrets: [context.sessionSecret] });
}

export function grantTracking(context: AppLoadContext, applicationId: string): Promise<string> {
  return trackCookie(context).serialize(applicationId);
}

export function endTracking(context: AppLoadContext): Promise<string> {
  return trackCookie(context).serialize("", { maxAge: 0 });
}

export async function trackedApplicationId(request: Request, context: AppLoadContext): Promise<string | null> {
  const value = await trackCookie(context).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value !== "" ? value : null;
}
