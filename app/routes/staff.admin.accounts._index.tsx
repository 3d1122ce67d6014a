import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { listAllCenters } from "~/models/center.server";
import { type AccountStatus, listStaffAccounts } from "~/models/staff-admin.server";
import { requirePermission, staffPath } from "~/services/auth.server";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { ScrollableTable } from "~/components/scrollable-table";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:accounts.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:staff:any");
  const lang = requestLanguage(request);
  const [accounts, centers] = await Promise.all([listStaffAccounts(context.db), listAllCenters(context.db)]);
  const centerNames = new Map(centers.map((c) => [c.slug, c.names[lang]]));
  return {
    backHref: staffPath(request, "/staff"),
    inviteHref: staffPath(request, "/staff/admin/accounts/new"),
    accounts: accounts.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      email: a.email,
      role: a.role,
      center: a.centerSlug ? (centerNames.get(a.centerSlug) ?? a.centerSlug) : null,
      status: a.status,
      totpSetUp: a.totpSetUp,
      href: staffPath(request, `/staff/admin/accounts/${a.id}`),
    })),
  };
}

const STATUS_TAG: Record<AccountStatus, string> = {
  active: "tag tag--green",
  invited: "tag",
  locked: "tag tag--red",
  disabled: "tag tag--red",
};

export default function StaffAccounts() {
  const { t } = useTranslation("staff");
  const { backHref, inviteHref, accounts } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={backHref} />
      <h1 className="heading-l">{t("accounts.title")}</h1>
      <p>
        <a href={inviteHref} className="button" role="button" draggable={false}>
          {t("accounts.invite")}
        </a>
      </p>
      <ScrollableTable caption={t("accounts.title")}>
        <thead>
          <tr>
            <th scope="col">{t("accounts.name")}</th>
            <th scope="col">{t("accounts.email")}</th>
            <th scope="col">{t("accounts.role")}</th>
            <th scope="col">{t("accounts.center")}</th>
            <th scope="col">{t("accounts.status")}</th>
            <th scope="col">{t("accounts.twoFactor")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={a.href}>{a.displayName}</a>
              </td>
              <td className="break-anywhere" dir="ltr">
                {a.email}
              </td>
              <td>{t(`roles.${a.role}`)}</td>
              <td>{a.center ?? t("accounts.noCenter")}</td>
              <td>
                <strong className={STATUS_TAG[a.status]}>{t(`accounts.statuses.${a.status}`)}</strong>
              </td>
              <td>{a.totpSetUp ? t("accounts.twoFactorSetUp") : t("accounts.twoFactorNotSetUp")}</td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
    </>
  );
}
