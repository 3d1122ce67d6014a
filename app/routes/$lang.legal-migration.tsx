import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "~/utils/use-translation";
import { BidiText } from "~/components/bidi-text";
import { feeParts, LEGAL_FACT_DESTINATIONS } from "~/domain/legal-fact";
import { formatPhone } from "~/domain/phone";
import { INTL_LOCALES, isLang, type Lang } from "~/i18n";
import { listConfirmedLegalFacts, type PublicLegalFact } from "~/models/legal-fact.server";
import { isolate } from "~/utils/bidi";
import { countryName, formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

export const handle: RouteHandle = { i18n: ["legal"], title: (t) => t("legal:title"), description: (t) => t("legal:description") };

/** The day the page's own text was written from its sources; the facts that change carry their own dates. */
const TEXT_WRITTEN_ON = "2026-12-03";
const CHANNELS = ["greece", "italy", "spain"] as const;
const CHECKS = ["licence", "cash", "contract", "visa", "copies"] as const;
const SIGNS = ["route", "hawala", "arrival", "contract", "visa", "boat"] as const;

type ShownFact = {
  key: string;
  kind: PublicLegalFact["kind"];
  label: string;
  href: string | null;
  text: string;
  source: { source: string; date: string };
};

function showFact(lang: Lang, fact: PublicLegalFact): ShownFact {
  const base = { key: fact.key, kind: fact.kind, label: fact.label };
  const source = { source: isolate(fact.source), date: formatDate(lang, fact.checkedOn) };
  switch (fact.kind) {
    case "link":
      return { ...base, href: fact.value, text: new URL(fact.value).hostname, source };
    case "phone":
      return { ...base, href: `tel:${fact.value}`, text: formatPhone(fact.value), source };
    case "fee": {
      const { amount, currency } = feeParts(fact.value);
      const text = new Intl.NumberFormat(INTL_LOCALES[lang], {
        style: "currency",
        currency,
        // 90 € rather than 90,00 €; cents only when the fee has them.
        minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
      }).format(amount);
      return { ...base, href: null, text, source };
    }
  }
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const lang = params.lang;
  const facts = await listConfirmedLegalFacts(context.db, lang);
  const groups = LEGAL_FACT_DESTINATIONS.map((code) => ({
    code,
    country: countryName(lang, code),
    facts: facts.filter((f) => f.destination === code).map((f) => showFact(lang, f)),
  })).filter((group) => group.facts.length > 0);
  return { groups, writtenOn: formatDate(lang, TEXT_WRITTEN_ON) };
}

function Source({ source }: { source: string }) {
  const { t } = useTranslation("legal");
  const { writtenOn } = useLoaderData<typeof loader>();
  return <p className="hint">{t("sourceLine", { source, date: writtenOn })}</p>;
}

export default function LegalMigration() {
  const { t } = useTranslation("legal");
  const { lang } = useParams();
  const { groups } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="heading-xl">{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <h2 className="heading-l">{t("channels.heading")}</h2>
      <p>{t("channels.intro")}</p>
      {CHANNELS.map((channel) => (
        <Fragment key={channel}>
          <h3 className="heading-m">{t(`channels.${channel}.heading`)}</h3>
          <p>{t(`channels.${channel}.body`)}</p>
          <Source source={t(`channels.${channel}.source`)} />
        </Fragment>
      ))}

      <h2 className="heading-l">{t("beoe.heading")}</h2>
      <p>{t("beoe.licence")}</p>
      <p>{t("beoe.charges")}</p>
      <p>{t("beoe.protector")}</p>
      <p>{t("beoe.direct")}</p>
      <Source source={t("beoe.source")} />

      <h2 className="heading-l">{t("check.heading")}</h2>
      <ul className="list list--bullet">
        {CHECKS.map((item) => (
          <li key={item}>{t(`check.items.${item}`)}</li>
        ))}
      </ul>
      <Source source={t("check.source")} />

      <section aria-labelledby="official-facts">
        <h2 className="heading-l" id="official-facts">
          {t("facts.heading")}
        </h2>
        {groups.length === 0 ? (
          <p>{t("facts.none")}</p>
        ) : (
          <>
            <p>{t("facts.intro")}</p>
            {groups.map((group) => (
              <Fragment key={group.code}>
                <h3 className="heading-m">{group.country}</h3>
                <ul className="list list--bullet legal-facts">
                  {group.facts.map((fact) => (
                    <li key={fact.key} className="legal-facts__item">
                      <FactValue fact={fact} />
                      <p className="hint">
                        <BidiText text={t("facts.source", fact.source)} />
                      </p>
                    </li>
                  ))}
                </ul>
              </Fragment>
            ))}
          </>
        )}
      </section>

      <h2 className="heading-l">{t("warning.heading")}</h2>
      <p>{t("warning.intro")}</p>
      <ul className="list list--bullet">
        {SIGNS.map((sign) => (
          <li key={sign}>{t(`warning.signs.${sign}`)}</li>
        ))}
      </ul>
      <Source source={t("warning.source")} />

      <h2 className="heading-l">{t("act.heading")}</h2>
      <p>
        <a href={`/${lang}/report`} className="heading-s">
          {t("act.report")}
        </a>
      </p>
      <p>{t("act.reportHint")}</p>
      <p>
        <a href={`/${lang}/centers`} className="heading-s">
          {t("act.centers")}
        </a>
      </p>
      <p>{t("act.centersHint")}</p>
    </>
  );
}

function FactValue({ fact }: { fact: ShownFact }) {
  if (fact.kind === "link")
    return (
      <p>
        <a href={fact.href!} rel="noreferrer">
          {fact.label}
        </a>{" "}
        <bdi dir="ltr">({fact.text})</bdi>
      </p>
    );
  if (fact.kind === "phone")
    return (
      <p>
        {fact.label}:{" "}
        <a href={fact.href!}>
          <bdi dir="ltr" className="nowrap">
            {fact.text}
          </bdi>
        </a>
      </p>
    );
  return (
    <p>
      {fact.label}: <bdi className="nowrap">{fact.text}</bdi>
    </p>
  );
}
