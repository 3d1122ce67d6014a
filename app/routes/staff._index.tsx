import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffSignOut } from "~/components/staff-sign-out";
import { SummaryList } from "~/components/summary-list";
import { can, type Permission } from "~/domain/permissions";
import { listActiveCenters } from "~/models/center.server";
import { noStoreHeaders, requireStaff, staffPath } from "~/utils/auth.server";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";

export const handle: RouteHandle = { i18n: ["staff", "cases"], title: (t) => t("staff:home.title") };
export const headers = noStoreHeaders;

/**
 * The staff areas, each behind the permission its pages require, so the list follows the role
 * table. Only pages that exist belong here: the queue (`read:case:center`) and staff accounts
 * (`manage:staff:any`) join, with their labels in staff.json, when their routes do.
 */
const AREAS: readonly { permission: Permission; path: string; label: string }[] = [
  { permission: "read:case:center", path: "/staff/queue", label: "cases:queue.title" },
  { permission: "read:case:center", path: "/staff/disputes", label: "cases:disputes.title" },
  { permission: "manage:staff:any", path: "/staff/admin/accounts", label: "staff:accounts.title" },
  { permission: "manage:center:any", path: "/staff/admin/centers", label: "staff:centers.title" },
  // One page, two scopes: everything, or the supervisor's own center.
  { permission: "read:audit:any", path: "/staff/audit", label: "staff:audit.title" },
  { permission: "read:audit:center", path: "/staff/audit", label: "staff:audit.title" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireStaff(request, context);
  const lang = requestLanguage(request);
  const center = user.centerSlug ? ((await listActiveCenters(context.db, lang)).find((c) => c.slug === user.centerSlug)?.name ?? user.centerSlug) : null;
  return {
    displayName: user.displayName,
    role: user.role,
    center,
    areas: AREAS.filter((area, i) => can(user.role, area.permission) && !AREAS.slice(0, i).some((a) => a.path === area.path && can(user.role, a.permission))).map((area) => ({
      href: staffPath(request, area.path),
      label: area.label,
    })),
  };
}

export default function StaffHome() {
  const { t } = useTranslation("staff");
  const { displayName, role, center, areas } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-l">{t("home.title")}</h1>
      <p className="lead">{t("home.greeting", { name: displayName })}</p>
      <SummaryList
        rows={[
          { key: "role", label: t("home.role"), value: t(`roles.${role}`) },
          { key: "center", label: t("home.center"), value: center ?? t("home.noCenter") },
        ]}
      />
      <p>{t(`home.roleSummary.${role}`)}</p>
      {areas.length > 0 ? (
        <ul className="list--bullet">
          {areas.map((area) => (
            <li key={area.href}>
              <a href={area.href}>{t(area.label)}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <StaffSignOut />
    </>
  );
}
