import type { TFunction } from "i18next";
import { contentTypeLabelKey, sizeInKb } from "~/domain/document-rules";
import type { ReportPage } from "~/domain/report-journey";
import type { Lang } from "~/i18n";
import type { ReportAnswers } from "~/schemas/report";
import { isolate } from "~/utils/bidi";
import { countryName, formatMoney, formatMonth, formatNumber, joinParts } from "~/utils/format";
import type { SummaryRow } from "../summary-list";
import type { EvidenceListing } from "./evidence-page";

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

/**
 * Every answer of a report as summary rows: on check answers with a "Change" button per page, on
 * the investigator's page without. Typed parts are isolated; "Not given" for what was left empty.
 */
export function reportAnswerRows(
  t: TFunction,
  lang: Lang,
  a: ReportAnswers,
  evidence: readonly EvidenceListing[] | null,
  { change }: { change: boolean },
): SummaryRow[] {
  const row = (page: ReportPage, key: string, label: string, value: string): SummaryRow => ({
    key,
    label,
    value,
    ...(change ? { changeButton: { name: "change", value: page } } : {}),
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
    ...(evidence === null
      ? []
      : [
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
        ]),
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
