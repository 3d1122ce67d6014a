import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { isLang } from "~/i18n";
import { clearDraftCookie } from "~/services/draft-session.server";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";
import { StartAgain } from "~/components/start-again";

export const handle: RouteHandle = { i18n: ["certificate"], title: (t) => t("certificate:expired.title") };

/** Reached when the browser's draft key no longer opens a draft (expired, or replaced by a newer link). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  return data(null, { headers: { "Set-Cookie": await clearDraftCookie(context) } });
}

export default function Expired() {
  const { t } = useTranslation("certificate");
  const { lang } = useParams();
  return (
    <>
      <h1 className="heading-l">{t("expired.title")}</h1>
      <p>{t("expired.body")}</p>
      <StartAgain lang={lang} />
    </>
  );
}
