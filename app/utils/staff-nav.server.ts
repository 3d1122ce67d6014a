/**
 * The navigation bar of the back office: the areas the signed-in staff member's role may open and
 * a sign-out button, with labels already in the page's language (so a page that hydrates needs no
 * extra namespaces). Only a fully signed-in session gets one; the sign-in pages show none.
 */
import type { AppLoadContext } from "@remix-run/node";
import { currentStaffArea, staffAreas } from "~/domain/staff-areas";
import { readStaffSession, staffPath } from "./auth.server";
import { getFixedT } from "./i18n.server";

export type StaffNavigation = {
  label: string;
  homeHref: string;
  homeLabel: string;
  homeCurrent: boolean;
  items: { href: string; label: string; current: boolean }[];
  signOut: { action: string; label: string };
};

export async function staffNavigation(request: Request, context: AppLoadContext): Promise<StaffNavigation | null> {
  const { pathname } = new URL(request.url);
  if (pathname !== "/staff" && !pathname.startsWith("/staff/")) return null;
  const session = await readStaffSession(request, context);
  if (!session || session.data.stage !== "full") return null;
  const { t } = getFixedT(request);
  const areas = staffAreas(session.user.role);
  const current = currentStaffArea(areas, pathname);
  return {
    label: t("staff:nav.label"),
    homeHref: staffPath(request, "/staff"),
    homeLabel: t("staff:home.title"),
    homeCurrent: pathname === "/staff" || pathname === "/staff/",
    items: areas.map((area) => ({ href: staffPath(request, area.path), label: t(area.label), current: area.path === current })),
    signOut: { action: staffPath(request, "/staff/logout"), label: t("staff:signOut.submit") },
  };
}
