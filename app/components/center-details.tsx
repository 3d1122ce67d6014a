import { useTranslation } from "react-i18next";

export type CenterDetailsData = { address: string | null; openingHours: string | null; phone: string | null; email: string | null };

/**
 * A center's confirmed address, hours, phone and email, or, when nobody has confirmed them yet, a
 * sentence saying so and where to look: never unchecked data for a place people travel to.
 */
export function CenterDetails({ details }: { details: CenterDetailsData | null }) {
  const { t } = useTranslation("centers");
  if (!details) return <p className="hint">{t("notConfirmed")}</p>;
  return (
    <dl className="center-details">
      {details.address ? (
        <div>
          <dt>{t("address")}</dt>
          <dd dir="auto" className="center-details__multiline">
            {details.address}
          </dd>
        </div>
      ) : null}
      {details.openingHours ? (
        <div>
          <dt>{t("openingHours")}</dt>
          <dd dir="auto" className="center-details__multiline">
            {details.openingHours}
          </dd>
        </div>
      ) : null}
      {details.phone ? (
        <div>
          <dt>{t("phone")}</dt>
          <dd>
            <a href={`tel:${details.phone}`} dir="ltr">
              {details.phone}
            </a>
          </dd>
        </div>
      ) : null}
      {details.email ? (
        <div>
          <dt>{t("email")}</dt>
          <dd>
            <a href={`mailto:${details.email}`} dir="ltr">
              {details.email}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
