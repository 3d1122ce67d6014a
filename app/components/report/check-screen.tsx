import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { contentTypeLabelKey, sizeInKb } from "~/domain/document-rules";
import type { ReportPage } from "~/domain/report-journey";
import type { Lang } from "~/i18n";
import type { ReportAnswers } from "~/schemas/report";
import { isolate } from "~/utils/bidi";
import { countryName, formatMoney, formatMonth, formatNumber, joinParts } from "~/utils/format";
import { SummaryList, type SummaryRow } from "../summary-list";
import type { EvidenceListing } from "./evidence-page";
import { JourneyFields, ReportBack } from "./report-page";

/** What the reporter typed, each part isolated; "Not given" for what they left empty. */
function listed(t: TFunction, lang: Lang, items: readonly string[]): string {
  return items.length === 0 ? t("report:check.notGiven") : joinParts(lang, items.map(isolate));
}

function typed(t: TFunction, text: string | null | undefined): string {
  return text ? isolate(text) : t("report:check.notGiven");
}

function amount(t: TFunction, lang: Lang, value: number | null, currency: string | null): string {
  if (value === null) return t("report:check.notGiven");
  return currency ? formatMoney(lang, value, currency) : formatNumber(lang, value);
}

function reportRows(t: TFunction, lang: Lang, a: ReportAnswers, evidence: readonly EvidenceListing[]): SummaryRow[] {
  const row = (page: ReportPage, key: string, label: string, value: string): SummaryRow => ({
    key,
    label,
    value,
    changeButton: { name: "change", value: page },
  });
  const month = a.when.month.length === 7 ? formatMonth(lang, a.when.month) : a.when.month;
  return [
    row(
      "danger",
      "danger",
      t("report:danger.question"),
      a.danger.someoneInDanger ? `${t("report:yes")}: ${countryName(lang, a.danger.dangerCountry ?? "")}` : t("report:no"),
    ),
    row(
      "how",
      "channel",
      t("report:how.question"),
      a.how.channel === "other" ? typed(t, a.how.channelOther) : t(`report:channels.${a.how.channel}`),
    ),
    row("agent", "phones", t("report:agent.phones"), listed(t, lang, a.agent.phones)),
    row("agent", "profiles", t("report:agent.profiles"), listed(t, lang, a.agent.profiles)),
    row("agent", "names", t("report:agent.names"), listed(t, lang, a.agent.names)),
    row("agent", "office", t("report:agent.office"), typed(t, a.agent.office)),
    row(
      "offer",
      "journey",
      t("report:check.journey"),
      joinParts(
        lang,
        [a.offer.fromCountry, ...a.offer.route, a.offer.toCountry].map((code) => countryName(lang, code)),
      ),
    ),
    row("offer", "transport", t("report:offer.transport"), t(`report:transports.${a.offer.transport}`)),
    row("offer", "promise", t("report:offer.promise"), typed(t, a.offer.promise)),
    row(
      "offer",
      "people",
      t("report:offer.people"),
      a.offer.peopleOffered === null ? t("report:check.notGiven") : formatNumber(lang, a.offer.peopleOffered),
    ),
    row("money", "amountAsked", t("report:money.amountAsked"), amount(t, lang, a.money.amountAsked, a.money.currency)),
    row(
      "money",
      "methods",
      t("report:money.methods"),
      a.money.paymentMethods.length === 0
        ? t("report:check.notGiven")
        : joinParts(
            lang,
            a.money.paymentMethods.map((m) => t(`report:paymentMethods.${m}`)),
          ),
    ),
    row(
      "money",
      "paid",
      t("report:money.paid"),
      a.money.paid === "yes" && a.money.amountPaid !== null
        ? `${t("report:money.paidOptions.yes")}: ${amount(t, lang, a.money.amountPaid, a.money.currency)}`
        : t(`report:money.paidOptions.${a.money.paid}`),
    ),
    row("when", "when", t("report:when.date"), month),
    row(
      "when",
      "where",
      t("report:check.where"),
      joinParts(lang, [countryName(lang, a.when.country), ...(a.when.city ? [isolate(a.when.city)] : [])]),
    ),
    row("when", "homeDistrict", t("report:when.homeDistrict"), typed(t, a.when.homeDistrict)),
    row("when", "details", t("report:when.details"), typed(t, a.when.details)),
    row(
      "evidence",
      "evidence",
      t("report:evidence.title"),
      evidence.length === 0
        ? t("report:check.noEvidence")
        : joinParts(
            lang,
            evidence.map(
              (file) =>
                `${t(contentTypeLabelKey(file.contentType))} (${t("documents:sizeKb", { size: formatNumber(lang, sizeInKb(file.size)) })})`,
            ),
          ),
    ),
    row(
      "contact",
      "contact",
      t("report:contact.question"),
      a.contact.contactWanted
        ? joinParts(lang, [a.contact.name, a.contact.phone, a.contact.email].filter((v): v is string => Boolean(v)).map(isolate))
        : t("report:contact.no"),
    ),
  ];
}

export function CheckScreen({
  lang,
  state,
  answers,
  evidence,
}: {
  lang: Lang;
  state: string;
  answers: ReportAnswers;
  evidence: readonly EvidenceListing[];
}) {
  const { t } = useTranslation("report");
  return (
    <>
      <ReportBack state={state} screen="check" />
      <h1 className="heading-l">{t("check.title")}</h1>
      <Form method="post" autoComplete="off">
        <JourneyFields state={state} screen="check" returnToCheck={false} />
        {/* Each "Change" is a button of this form (name "change", the page as value); no field takes Enter here. */}
        <SummaryList rows={reportRows(t, lang, answers, evidence)} />
        <h2 className="heading-m">{t("check.sendHeading")}</h2>
        <p>{t("check.declaration")}</p>
        <button type="submit" className="button" name="intent" value="submit">
          {t("check.send")}
        </button>
      </Form>
    </>
  );
}
