/**
 * The staff areas a role may open, in the order the navigation shows them, each behind the
 * permission its pages require, so menus follow the role table (app/domain/permissions.ts).
 */
import { can, type Permission, type Role } from "./permissions";

export type StaffArea = { path: string; label: string };

const AREAS: readonly (StaffArea & { permission: Permission })[] = [
  { permission: "read:case:center", path: "/staff/queue", label: "cases:queue.title" },
  { permission: "read:case:center", path: "/staff/disputes", label: "cases:disputes.title" },
  { permission: "read:case-status:embassy", path: "/staff/referrals", label: "cases:referrals.title" },
  { permission: "manage:staff:any", path: "/staff/admin/accounts", label: "staff:accounts.title" },
  { permission: "manage:center:any", path: "/staff/admin/centers", label: "staff:centers.title" },
  { permission: "manage:center:any", path: "/staff/admin/holidays", label: "staff:holidays.title" },
  // One page, two scopes: everything, or the supervisor's own center.
  { permission: "read:audit:any", path: "/staff/audit", label: "staff:audit.title" },
  { permission: "read:audit:center", path: "/staff/audit", label: "staff:audit.title" },
];

export function staffAreas(role: Role): StaffArea[] {
  const areas: StaffArea[] = [];
  for (const { permission, path, label } of AREAS) {
    if (can(role, permission) && !areas.some((area) => area.path === path)) areas.push({ path, label });
  }
  return areas;
}

/** The area a staff page belongs to, for `aria-current`: `/staff/cases/…` is worked from the queue. */
export function currentStaffArea(areas: readonly StaffArea[], pathname: string): string | null {
  const path = pathname.startsWith("/staff/cases/") || pathname.startsWith("/staff/certificates/") ? "/staff/queue" : pathname;
  return areas.find((area) => path === area.path || path.startsWith(`${area.path}/`))?.path ?? null;
}
