/**
 * The anonymous routes: reporting a smuggling offer, following a report up, and the quick exit. Whoever reads the
 * logs or the database must not be able to tie a report to a time, a device or a person, so on
 * these paths no access-log line is written, no cookie is set or read, the client's address is not
 * handed to the page and rate limits are counted in memory only.
 */
const ANONYMOUS = /^\/(ur|en|el|it)\/report(\/|\.data$|$)|^\/exit$/;

export function isAnonymousPath(pathname: string): boolean {
  return ANONYMOUS.test(pathname);
}
