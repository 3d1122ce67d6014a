import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CenterDetails } from "~/components/center-details";
import { isLang } from "~/i18n";
import { listActiveCenters } from "~/models/center.server";
import { compareText, countryName } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["centers"], title: (t) => t("centers:title"), description: (t) => t("centers:description") };

export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const centers = await listActiveCenters(context.db, lang);
  const byCountry = new Map<string, typeof centers>();
  for (const center of centers) byCountry.set(center.countryCode, [...(byCountry.get(center.countryCode) ?? []), center]);
  const sortByName = compareText(lang);
  const countries = [...byCountry.entries()]
    .map(([code, list]) => ({ code, name: countryName(lang, code), centers: list.sort((a, b) => sortByName(a.name, b.name)) }))
    // Pakistan first: most applicants are directed to a service center there or to their own embassy.
    .sort((a, b) => (a.code === "PK" ? -1 : b.code === "PK" ? 1 : sortByName(a.name, b.name)));
  return { countries };
}

export default function Centers() {
  const { t } = useTranslation("centers");
  const { countries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-xl">{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {countries.map((country) => (
        <section key={country.code} aria-labelledby={`country-${country.code}`}>
          <h2 className="heading-m" id={`country-${country.code}`}>
            {country.name}
          </h2>
          <ul className="center-list">
            {country.centers.map((center) => (
              <li key={center.slug} className="center-list__item">
                <h3 className="heading-s">{center.name}</h3>
                <p className="hint">{t(`kind.${center.kind}`)}</p>
                <CenterDetails details={center.details} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
