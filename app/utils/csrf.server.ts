/**
 * Cross-site request forgery, belt and braces: the staff cookie is SameSite=Lax, which already
 * keeps it off cross-site POSTs in current browsers; this refuses such POSTs outright, cookie or
 * not (a sign-in form posted from elsewhere would otherwise sign the browser into someone's account).
 *
 * Browsers send `Sec-Fetch-Site` and `Origin` on every POST and page scripts cannot forge either.
 * A request with neither comes from something that is not a browser, which has no victim's
 * cookies to abuse, so it passes.
 */
import type { AppLoadContext } from "@remix-run/node";
import { forbidden } from "~/utils/responses";

/** `none`: the person started it themselves (address bar, bookmark); not a forgery. */
const ACCEPTED_FETCH_SITES = new Set(["same-origin", "none"]);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function isSameOrigin(request: Request, publicUrl: string): boolean {
  const fetchSite = request.headers.get("Sec-Fetch-Site");
  if (fetchSite !== null && !ACCEPTED_FETCH_SITES.has(fetchSite.toLowerCase())) return false;
  const origin = request.headers.get("Origin");
  if (origin === null) return true;
  // The public address, or the address the request came in on (a deployment reached by its
  // internal name as well as its public one). "null" (sandboxed frames, some redirects) matches neither.
  return origin === originOf(publicUrl) || origin === originOf(request.url);
}

/** Call first in every staff action: throws 403 unless the request comes from our own pages. */
export function assertSameOrigin(request: Request, context: AppLoadContext): void {
  if (isSameOrigin(request, context.env.PUBLIC_URL)) return;
  context.logger.warn({ requestId: context.requestId, path: new URL(request.url).pathname }, "cross-site staff request refused");
  throw forbidden();
}
