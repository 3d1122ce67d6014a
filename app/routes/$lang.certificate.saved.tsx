import { data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLang } from "~/i18n";
import { takeSavedLink } from "~/utils/draft-session.server";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["certificate"], title: (t) => t("certificate:resume.title") };

/** Shows the resume link once: reloading or coming back later does not show it again. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const { saved, clear } = await takeSavedLink(request, context);
  if (!saved) throw redirect(`/${params.lang}/certificate`);
  return data(saved, { headers: { "Set-Cookie": clear, "Cache-Control": "no-store" } });
}

export default function Saved() {
  const { t } = useTranslation("certificate");
  const { link, emailed } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-l">{t("resume.title")}</h1>
      <p>{t("resume.body")}</p>
      <p>
        <strong>{t("resume.link")}</strong>
        <br />
        <a href={link} dir="ltr" className="break-anywhere">
          {link}
        </a>
      </p>
      {emailed ? <p>{t("resume.emailed")}</p> : null}
    </>
  );
}
