import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { CenterDetails } from "~/components/center-details";
import { ErrorSummary } from "~/components/error-summary";
import { TextField } from "~/components/text-field";
import { matchesCenterSearch } from "~/domain/center-page";
import { isLang, LANGUAGES } from "~/i18n";
import { listActiveCenters } from "~/models/center.server";
import { CENTER_SEARCH_MAX, CenterSearchSchema } from "~/schemas/center-search";
import { type FieldErrors, parseForm } from "~/utils/form";
import { compareText, countryName } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = {
  i18n: ["centers"],
  showsTypedText: true,
  title: (t) => t("centers:title"),
  description: (t) => t("centers:description"),
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const url = new URL(request.url);
  const search = new FormData();
  search.set("q", url.searchParams.get("q") ?? "");
  const parsed = parseForm(CenterSearchSchema, search);
  const query = parsed.ok ? parsed.data.q : "";
  const errors: FieldErrors | null = parsed.ok ? null : parsed.errors;
  const all = await listActiveCenters(context.db, lang);
  // A visitor may type a city in any of the portal's languages, or the country's name.
  const centers = all.filter((center) =>
    matchesCenterSearch(query, [
      ...Object.values(center.names),
      center.city,
      ...LANGUAGES.map((l) => countryName(l, center.countryCode)),
      center.countryCode,
    ]),
  );
  const byCountry = new Map<string, typeof centers>();
  for (const center of centers) byCountry.set(center.countryCode, [...(byCountry.get(center.countryCode) ?? []), center]);
  const sortByName = compareText(lang);
  const countries = [...byCountry.entries()]
    .map(([code, list]) => ({ code, name: countryName(lang, code), centers: list.sort((a, b) => sortByName(a.name, b.name)) }))
    // Pakistan first: most applicants are directed to a service center there or to their own embassy.
    .sort((a, b) => (a.code === "PK" ? -1 : b.code === "PK" ? 1 : sortByName(a.name, b.name)));
  return {
    lang,
    // What was typed is shown back, cut to what the field accepts.
    query: (url.searchParams.get("q") ?? "").slice(0, CENTER_SEARCH_MAX * 2),
    searched: query !== "",
    found: centers.length,
    errors,
    countries,
  };
}

export default function Centers() {
  const { t } = useTranslation("centers");
  const { lang, query, searched, found, errors, countries } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={errors ?? undefined} order={["q"]} />
      <h1 className="heading-xl">{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <Form method="get" role="search" className="center-search">
        <TextField name="q" label={t("search.label")} hint={t("search.hint")} error={errors?.q} defaultValue={query} autoComplete="off" />
        <button type="submit" className="button button--secondary">
          {t("search.submit")}
        </button>
      </Form>
      {searched ? (
        <p role="status">
          {found === 0 ? t("search.none") : t("search.found", { count: found })} <Link to={`/${lang}/centers`}>{t("search.clear")}</Link>
        </p>
      ) : null}
      {countries.map((country) => (
        <section key={country.code} aria-labelledby={`country-${country.code}`}>
          <h2 className="heading-m" id={`country-${country.code}`}>
            {country.name}
          </h2>
          <ul className="center-list">
            {country.centers.map((center) => (
              <li key={center.slug} className="center-list__item">
                <h3 className="heading-s">
                  <Link to={`/${lang}/centers/${center.slug}`}>{center.name}</Link>
                </h3>
                <p className="hint">{t(`kind.${center.kind}`)}</p>
                <CenterDetails details={center.details} brief />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
