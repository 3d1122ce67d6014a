/**
 * A link to the same list with some query parameters changed (null removes one): tabs, pages and
 * filters of a GET form stay bookmarkable and work without JavaScript.
 */
export function queryLink(url: URL, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(url.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  return `${url.pathname}?${next.toString()}`;
}
