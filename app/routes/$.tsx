import { notFound } from "~/utils/responses";

/**
 * Any path no other route claims. Answering here (rather than letting the router fall through)
 * gives the translated 404 and keeps unmatched URLs, which may carry secrets in their query, out
 * of the router's console warnings.
 */
export function loader(): never {
  throw notFound();
}
