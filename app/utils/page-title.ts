import { useMatches } from "@remix-run/react";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
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
  const title = titled.handle.title(t, titled.data);
  return hasErrors(actionData) ? `${t("form.errorPrefix")}: ${title}` : title;
}

function hasErrors(actionData: unknown): boolean {
  return typeof actionData === "object" && actionData !== null && "errors" in actionData && Boolean(actionData.errors);
}
