import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLang } from "~/i18n";
import { pingStore } from "~/models/health.server";
import type { RouteHandle } from "~/utils/handle";
import { noStoreHeaders, notFound } from "~/utils/responses";

export const handle: RouteHandle = { title: (t) => t("common:status.title") };
export const headers = noStoreHeaders;

/**
 * The service status page: whether the portal can take applications now, from one store read.
 * It is also the "bare route" of `npm run bench`: the site's layout and one store read, and nothing
 * else, so that start page ÷ this page is what a page's own rendering costs and this page ÷
 * /healthz what Remix and React cost.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  try {
    await pingStore(context.db);
    return { working: true };
  } catch (error) {
    context.logger.error({ err: error }, "status page: the store did not answer");
    return data({ working: false }, { status: 503 });
  }
}

export default function ServiceStatus() {
  const { t } = useTranslation();
  const { working } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-l">{t("status.title")}</h1>
      <p>{t(working ? "status.working" : "status.unavailable")}</p>
    </>
  );
}
