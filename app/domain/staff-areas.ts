/**
 * The staff areas a role may open, in the order the navigation shows them. Whether a role may open
 * one is what the route table (staff-routes.ts) says of the area's page, so a menu never offers a
 * page that would refuse, nor hides one that would serve.
 */
import type { Role } from "./permissions";
import { expectedAccess, STAFF_ROUTES } from "./staff-routes";

export type StaffArea = { path: string; label: string };

const AREAS: readonly StaffArea[] = [
  { path: "/staff/queue", label: "cases:queue.title" },
  { path: "/staff/disputes", label: "cases:disputes.title" },
  { path: "/staff/referrals", label: "cases:referrals.title" },
  { path: "/staff/assisted", label: "staff:assisted.title" },
  { path: "/staff/dashboard", label: "staff:dashboard.title" },
  { path: "/staff/reports", label: "reports:queue.title" },
  { path: "/staff/admin/accounts", label: "staff:accounts.title" },
  { path: "/staff/admin/centers", label: "staff:centers.title" },
  { path: "/staff/admin/holidays", label: "staff:holidays.title" },
  { path: "/staff/admin/emergency-contacts", label: "staff:emergencyContacts.title" },
  { path: "/staff/admin/legal-migration", label: "staff:legalFacts.title" },
  { path: "/staff/admin/report-retention", label: "staff:retention.title" },
  // One page, two scopes: everything, or the supervisor's own center.
  { path: "/staff/audit", label: "staff:audit.title" },
];

function mayOpen(role: Role, path: string): boolean {
  const page = STAFF_ROUTES.find((rule) => rule.path === path && rule.method === "GET");
  return page !== undefined && expectedAccess(page, role) === "allow";
}

export function staffAreas(role: Role): StaffArea[] {
  return AREAS.filter((area) => mayOpen(role, area.path));
}

/** The area a staff page belongs to, for `aria-current`: `/staff/cases/…` is worked from the queue. */
export function currentStaffArea(areas: readonly StaffArea[], pathname: string): string | null {
  const path = pathname.startsWith("/staff/cases/") || pathname.startsWith("/staff/certificates/") ? "/staff/queue" : pathname;
  return areas.find((area) => path === area.path || path.startsWith(`${area.path}/`))?.path ?? null;
}
