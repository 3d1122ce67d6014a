/** Thrown from loaders and actions; the nearest ErrorBoundary renders a translated page. */
import type { HeadersFunction } from "@remix-run/node";

/** A request no form of ours sends (a body that is not a form, a malformed upload). */
export function badRequest(): Response {
  return new Response("Bad Request", { status: 400 });
}

/**
 * For pages no cache, shared or private, may keep: staff pages (personal data and secrets) and
 * pages whose answer is of this moment (the service status).
 */
export const noStoreHeaders: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

/** The error pages of `errors.*` in common.json, and the status each answers. */
export const ERROR_PAGE_STATUS = {
  badRequest: 400,
  forbidden: 403,
  notFound: 404,
  tooLarge: 413,
  tooManyRequests: 429,
  serverError: 500,
} as const;
export type ErrorPageKey = keyof typeof ERROR_PAGE_STATUS;

/** Which error page a status gets: its own where there is one, else the general 4xx or 5xx page. */
export function errorPageFor(status: number): ErrorPageKey {
  const own = (Object.keys(ERROR_PAGE_STATUS) as ErrorPageKey[]).find((key) => ERROR_PAGE_STATUS[key] === status);
  return own ?? (status >= 400 && status < 500 ? "badRequest" : "serverError");
}
