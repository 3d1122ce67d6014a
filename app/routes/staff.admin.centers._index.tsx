import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { listAllCenters } from "~/models/center.server";
import { requirePermission, staffPath } from "~/services/auth.server";
import { countryName } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { ScrollableTable } from "~/components/scrollable-table";
import { noStoreHeaders } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:centers.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "manage:center:any");
  const lang = requestLanguage(request);
  const centers = await listAllCenters(context.db);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    backHref: staffPath(request, "/staff"),
    saved: centers.find((c) => c.slug === saved)?.names[lang] ?? null,
    centers: centers.map((c) => ({
      slug: c.slug,
      name: c.names[lang],
      kind: c.kind,
      country: countryName(lang, c.countryCode),
      referralCode: c.referralCode,
      active: c.active,
      href: staffPath(request, `/staff/admin/centers/${c.slug}`),
    })),
  };
}

export default function Centers() {
  const { t } = useTranslation("staff");
  const { backHref, saved, centers } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={backHref} />
      {saved ? (
        <div className="notice notice--success" role="status">
          <p>{t("centers.saved", { name: saved })}</p>
        </div>
      ) : null}
      <h1 className="heading-l">{t("centers.title")}</h1>
      <ScrollableTable caption={t("centers.title")}>
        <thead>
          <tr>
            <th scope="col">{t("centers.name")}</th>
            <th scope="col">{t("centers.kind")}</th>
            <th scope="col">{t("centers.country")}</th>
            <th scope="col">{t("centers.referralCode")}</th>
            <th scope="col">{t("centers.status")}</th>
          </tr>
        </thead>
        <tbody>
          {centers.map((c) => (
            <tr key={c.slug}>
              <td>
                <a href={c.href}>{c.name}</a>
              </td>
              <td>{t(`centers.kinds.${c.kind}`)}</td>
              <td>{c.country}</td>
              <td dir="ltr">{c.referralCode ?? t("centers.none")}</td>
              <td>
                <strong className={c.active ? "tag tag--green" : "tag tag--red"}>
                  {c.active ? t("centers.active") : t("centers.inactive")}
                </strong>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
    </>
  );
}
