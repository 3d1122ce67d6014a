import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import { availableServices } from "~/domain/services";
import type { RouteHandle } from "~/utils/handle";

export const handle: RouteHandle = { i18n: ["home"], title: () => "", description: (t) => t("home:description") };

export function loader(_: LoaderFunctionArgs) {
  return { services: availableServices() };
}

export default function Home() {
  const { t } = useTranslation("home");
  const { lang } = useParams();
  const { services } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-xl">{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2 className="heading-m">{t("servicesHeading")}</h2>
      <ul className="service-list">
        {services.map((service) => (
          <li key={service.id} className="service-list__item">
            <h3 className="heading-s">
              <a href={`/${lang}/${service.path}`}>{t(`services.${service.id}.title`)}</a>
            </h3>
            <p>{t(`services.${service.id}.description`)}</p>
          </li>
        ))}
      </ul>
      <div className="warning-text" role="note">
        <span className="warning-text__icon" aria-hidden="true">
          !
        </span>
        <div>
          <h2 className="heading-s">{t("smugglingWarning.heading")}</h2>
          <p>{t("smugglingWarning.body")}</p>
          <p>
            <a href={`/${lang}/legal-migration`}>{t("smugglingWarning.link")}</a>
          </p>
        </div>
      </div>
    </>
  );
}
