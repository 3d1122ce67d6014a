/**
 * The navigation bar of the back office: the areas the signed-in staff member's role may open and
 * a sign-out button, with labels already in the page's language (so a page that hydrates needs no
 * extra namespaces). Only a fully signed-in session gets one; the sign-in pages show none.
 */
import type { AppLoadContext } from "@remix-run/node";
import { currentStaffArea, staffAreas } from "~/domain/staff-areas";
import { readStaffSession, staffPath } from "./auth.server";
import { getFixedT } from "~/utils/i18n.server";

export type StaffNavigation = {
  label: string;
  /** The staff home first, then the role's areas. */
  items: { href: string; label: string; current: boolean }[];
  signOut: { action: string; label: string };
};

export async function staffNavigation(request: Request, context: AppLoadContext): Promise<StaffNavigation | null> {
  const { pathname } = new URL(request.url);
  if (pathname !== "/staff" && !pathname.startsWith("/staff/")) return null;
  const session = await readStaffSession(request, context);
  if (!session || session.data.stage !== "full") return null;
  const { t } = getFixedT(request);
  const roleAreas = staffAreas(session.user.role);
  const areas = [{ path: "/staff", label: "staff:home.title" }, ...roleAreas];
  const current = pathname === "/staff" || pathname === "/staff/" ? "/staff" : currentStaffArea(roleAreas, pathname);
  return {
    label: t("staff:nav.label"),
    items: areas.map((area) => ({ href: staffPath(request, area.path), label: t(area.label), current: area.path === current })),
    signOut: { action: staffPath(request, "/staff/logout"), label: t("staff:signOut.submit") },
  };
}
