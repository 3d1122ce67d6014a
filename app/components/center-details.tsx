import { useTranslation } from "~/utils/use-translation";
import { groupOpeningHours } from "~/domain/opening-hours";
import { isLang } from "~/i18n";
import type { CenterDetails as CenterDetailsData } from "~/models/center.server";

export type { CenterDetailsData };
import { formatClockTime, joinParts, languageName, weekdayName } from "~/utils/format";

/**
 * A center's confirmed address, hours, phone, email, services and languages, or, when nobody has
 * confirmed them yet, a sentence saying so and where to look: never unchecked data for a place
 * people travel to. `brief` keeps to address and phone (lists of centers).
 */
export function CenterDetails({ details, brief = false }: { details: CenterDetailsData | null; brief?: boolean }) {
  const { t, i18n } = useTranslation("centers");
  const lang = isLang(i18n.language) ? i18n.language : "en";
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
      {details.hours && !brief ? (
        <div>
          <dt>{t("openingHours")}</dt>
          <dd>
            <ul className="center-details__hours">
              {groupOpeningHours(details.hours).map((line) => {
                const days =
                  line.from === line.to
                    ? weekdayName(lang, line.from)
                    : t("dayRange", { from: weekdayName(lang, line.from), to: weekdayName(lang, line.to) });
                const times = line.times
                  ? t("timeRange", { opens: formatClockTime(lang, line.times.opens), closes: formatClockTime(lang, line.times.closes) })
                  : t("closed");
                return <li key={line.from}>{t("hoursLine", { days, times })}</li>;
              })}
            </ul>
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
      {details.email && !brief ? (
        <div>
          <dt>{t("email")}</dt>
          <dd>
            <a href={`mailto:${details.email}`} dir="ltr">
              {details.email}
            </a>
          </dd>
        </div>
      ) : null}
      {details.services.length > 0 && !brief ? (
        <div>
          <dt>{t("services")}</dt>
          <dd>
            <ul className="list list--bullet">
              {details.services.map((service) => (
                <li key={service}>{t(`service.${service}`)}</li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      {details.languages.length > 0 && !brief ? (
        <div>
          <dt>{t("languages")}</dt>
          <dd>
            {joinParts(
              lang,
              details.languages.map((code) => languageName(lang, code)),
            )}
          </dd>
        </div>
      ) : null}
      {details.map && !brief ? (
        <div>
          <dt>{t("findUs")}</dt>
          <dd>
            <a href={details.map.geo}>{t("openInMapApp")}</a>
            <br />
            <a href={details.map.openStreetMap} rel="noreferrer">
              {t("openStreetMap")}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
