// Unknown pages under a language prefix: the same 404 as everywhere, after $lang checked the prefix.
export { loader } from "./$";

/** A page route (see ./$), so the 404 renders the translated ErrorBoundary. */
export default function NotFound() {
  return null;
}
