import { notFound } from "~/utils/responses";

/**
 * Any path no other route claims. Answering here (rather than letting the router fall through)
 * gives the translated 404 and keeps unmatched URLs, which may carry secrets in their query, out
 * of the router's console warnings.
 */
export function loader(): never {
  throw notFound();
}

/**
 * Never rendered (the loader always throws), but without a component Remix treats the route as a
 * resource route and sends the thrown response as bare text instead of the root ErrorBoundary.
 */
export default function NotFound() {
  return null;
}
