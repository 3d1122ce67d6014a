import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { SummaryList } from "~/components/summary-list";
import { listActiveCenters } from "~/models/center.server";
import { requireStaff } from "~/services/auth.server";
import type { RouteHandle } from "~/utils/handle";
import { requestLanguage } from "~/utils/i18n.server";
import { noStoreHeaders } from "~/utils/responses";

/** Who is signed in, in which role and center; the areas themselves are in the menu (StaffNav). */
export const handle: RouteHandle = { i18n: ["staff"], title: (t) => t("staff:home.title") };
export const headers = noStoreHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireStaff(request, context);
  const lang = requestLanguage(request);
  const center = user.centerSlug
    ? ((await listActiveCenters(context.db, lang)).find((c) => c.slug === user.centerSlug)?.name ?? user.centerSlug)
    : null;
  return {
    displayName: user.displayName,
    role: user.role,
    center,
  };
}

export default function StaffHome() {
  const { t } = useTranslation("staff");
  const { displayName, role, center } = useLoaderData<typeof loader>();
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
    </>
  );
}
