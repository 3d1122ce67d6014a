import { useLocation, useMatches } from "@remix-run/react";
import { useContext } from "react";
import { useTranslation } from "~/utils/use-translation";
import { UNSAFE_DataRouterStateContext as DataRouterStateContext } from "react-router";
import { isRouteHandle } from "./handle";

/**
 * The deepest route's title. Action data is read from the router state because a form that
 * failed validation must say so in the <title> ("Error: …"), and Remix hands only loader data to
 * `useMatches`.
 */
export function usePageTitle(): string {
  const { t } = useTranslation();
  const matches = useMatches();
  const routerState = useContext(DataRouterStateContext);
  const titled = [...matches].reverse().find((m) => isRouteHandle(m.handle) && m.handle.title);
  if (!titled || !isRouteHandle(titled.handle) || !titled.handle.title) return "";
  const actionData = routerState?.actionData?.[titled.id];
  const title = titled.handle.title(t, titled.data, actionData);
  return hasErrors(actionData) ? `${t("form.errorPrefix")}: ${title}` : title;
}

function hasErrors(actionData: unknown): boolean {
  return typeof actionData === "object" && actionData !== null && "errors" in actionData && Boolean(actionData.errors);
}

/**
 * What search results and shared links show under the title: the deepest route's own
 * description, else the portal's (or, in the back office, a short line about it). The root's
 * error boundary uses the fallback too, so a 404 still has exactly one.
 */
export function usePageDescription(): string {
  const { t } = useTranslation();
  const matches = useMatches();
  const { pathname } = useLocation();
  const described = [...matches].reverse().find((m) => isRouteHandle(m.handle) && m.handle.description);
  if (described && isRouteHandle(described.handle) && described.handle.description) return described.handle.description(t, described.data);
  return pathname === "/staff" || pathname.startsWith("/staff/") ? t("portal.staffDescription") : t("portal.description");
}
