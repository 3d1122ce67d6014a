/**
 * Routes that must leave no access-log line: anonymous smuggling reports. Whoever reads the logs
 * must not be able to tie a report to a time, let alone to a person.
 */
const UNLOGGED = [/^\/(ur|en|el|it)\/report(\/|$)/];

export function isUnloggedPath(pathname: string): boolean {
  return UNLOGGED.some((pattern) => pattern.test(pathname));
}
