import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { BackLink } from "~/components/back-link";
import { CenterDetails } from "~/components/center-details";
import { isCenterSlug } from "~/domain/center-page";
import { isLang } from "~/i18n";
import { findActiveCenter } from "~/models/center.server";
import { countryName } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = {
  i18n: ["centers"],
  title: (t, data) => (data as { name?: string } | undefined)?.name ?? t("centers:title"),
  description: (t, data) => t("centers:page.description", { name: (data as { name?: string } | undefined)?.name ?? "" }),
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang) || !isCenterSlug(params.slug)) throw notFound();
  const lang = params.lang;
  const center = await findActiveCenter(context.db, params.slug, lang);
  if (!center) throw notFound();
  const referral = center.kind !== "service_center" && center.referralCode ? `?ref=${encodeURIComponent(center.referralCode)}` : "";
  return {
    lang,
    name: center.name,
    kind: center.kind,
    country: countryName(lang, center.countryCode),
    details: center.details,
    applyHref: `/${lang}/certificate${referral}`,
    // Posters are for the missions whose visitors they send; only once their details are confirmed.
    poster:
      center.kind === "service_center" || !center.referralCode
        ? null
        : {
            href: center.details ? `/${lang}/centers/${center.slug}/poster.pdf` : null,
            page: `/${lang}/centers/${center.slug}/poster`,
            refused: new URL(request.url).searchParams.get("poster") === "unavailable",
          },
  };
}

export default function CenterPage() {
  const { t } = useTranslation("centers");
  const center = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/${center.lang}/centers`} />
      <p className="hint">
        {t(`kind.${center.kind}`)}, {center.country}
      </p>
      <h1 className="heading-xl">{center.name}</h1>
      <p className="lead">{t(center.kind === "service_center" ? "page.leadServiceCenter" : "page.leadMission")}</p>
      <a href={center.applyHref} className="button button--start" role="button" draggable="false">
        {t("page.apply")}
      </a>
      <h2 className="heading-m">{t("page.detailsHeading")}</h2>
      <CenterDetails details={center.details} />
      <h2 className="heading-m">{t("page.beforeHeading")}</h2>
      <p>{t("page.before")}</p>
      {center.poster ? (
        <section aria-labelledby="posters" className="center-posters">
          <h2 className="heading-m" id="posters">
            {t("poster.heading")}
          </h2>
          {center.poster.href ? (
            <>
              <p>{t("poster.hint")}</p>
              <ul className="list">
                <li>
                  <a href={center.poster.href} download>
                    {t("poster.pdf")}
                  </a>
                </li>
                <li>
                  <a href={center.poster.page}>{t("poster.printPage")}</a>
                </li>
              </ul>
            </>
          ) : (
            <p className={center.poster.refused ? "error-message" : "hint"} role={center.poster.refused ? "alert" : undefined}>
              {t("poster.notConfirmed")}
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
