import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useParams } from "@remix-run/react";
import { AgentPage } from "~/components/report/agent-page";
import { CheckScreen } from "~/components/report/check-screen";
import { ContactPage } from "~/components/report/contact-page";
import { DangerPage } from "~/components/report/danger-page";
import { EmergencyScreen } from "~/components/report/emergency-screen";
import { EvidencePage } from "~/components/report/evidence-page";
import { ExpiredScreen } from "~/components/report/expired-screen";
import { HowPage } from "~/components/report/how-page";
import { MoneyPage } from "~/components/report/money-page";
import { OfferPage } from "~/components/report/offer-page";
import { ReportStart } from "~/components/report/report-start";
import { SentScreen } from "~/components/report/sent-screen";
import { WhenPage } from "~/components/report/when-page";
import { QuickExit } from "~/components/quick-exit";
import { JourneyFields } from "~/components/report/report-page";
import { isLang, type Lang } from "~/i18n";
import { readReportForm, reportJourneyStep, type ReportView } from "~/services/report-journey-step.server";
import type { RouteHandle } from "~/utils/handle";
import { notFound } from "~/utils/responses";

/** The hidden form the language switcher posts (see LanguageForm below). */
const LANGUAGE_FORM = "report-language";

/**
 * The whole report journey lives at one address (`/<lng>/report`): each page is the answer to the
 * previous page's form, which carries the answers sealed, so no URL, cookie or server-side draft
 * holds anything of the report before it is sent (app/services/report-journey.server.ts).
 */
export const handle: RouteHandle = {
  i18n: ["report", "validation", "documents"],
  showsTypedText: true,
  languageSwitchForm: LANGUAGE_FORM,
  title: (t, _data, actionData) => t(screenTitleKey(actionData as ReportView | undefined)),
  description: (t) => t("report:start.description"),
};

// Nothing of a report may stay in a cache (the site's Referrer-Policy already keeps it from other sites).
export const headers = () => ({ "Cache-Control": "no-store" });

export function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const view = await reportJourneyStep(context, params.lang, await readReportForm(request));
  return data(view, { status: "errors" in view && view.errors ? 422 : 200, headers: headers() });
}

function screenTitleKey(view: ReportView | undefined): string {
  if (!view) return "report:start.title";
  switch (view.screen) {
    case "start":
      return "report:start.title";
    case "danger":
      return "report:danger.question";
    case "how":
      return "report:how.question";
    case "contact":
      return "report:contact.question";
    case "agent":
    case "offer":
    case "money":
    case "when":
    case "evidence":
    case "check":
    case "emergency":
    case "expired":
    case "sent":
    case "alreadySent":
      return `report:${view.screen}.title`;
  }
}

export default function Report() {
  const lang = useParams().lang as Lang;
  const view = useActionData<typeof action>();
  return (
    <>
      <QuickExit />
      <LanguageForm view={view} />
      <ReportScreen lang={lang} view={view} />
    </>
  );
}

/**
 * What the language switcher in the header posts to this address in another language: the
 * screen's sealed answers, or the sent report's reference and secret, so that reading a page in
 * another language loses nothing. Nothing at all from the start page.
 */
function LanguageForm({ view }: { view: ReportView | undefined }) {
  const fields = (() => {
    if (!view) return null;
    switch (view.screen) {
      case "start":
      case "expired":
      case "alreadySent":
        return null;
      case "sent":
        return <input type="hidden" name="sent" value={view.sealed} />;
      case "check":
        return <JourneyFields state={view.state} screen="check" returnToCheck={false} />;
      default:
        return <JourneyFields state={view.state} screen={view.screen} returnToCheck={view.returnToCheck} />;
    }
  })();
  return (
    <form id={LANGUAGE_FORM} method="post" hidden>
      {fields}
    </form>
  );
}

function ReportScreen({ lang, view }: { lang: Lang; view: ReportView | undefined }) {
  if (!view) return <ReportStart />;
  switch (view.screen) {
    case "start":
      return <ReportStart />;
    case "expired":
      return <ExpiredScreen />;
    case "alreadySent":
      return <ExpiredScreen alreadySent />;
    case "sent":
      return <SentScreen lang={lang} reference={view.reference} secretGroups={view.secretGroups} />;
    case "emergency":
      return <EmergencyScreen state={view.state} returnToCheck={view.returnToCheck} country={view.country} numbers={view.numbers} />;
    case "check":
      return <CheckScreen lang={lang} state={view.state} answers={view.answers} evidence={view.evidence} />;
    case "evidence":
      return <EvidencePage lang={lang} {...view} />;
    case "danger":
      return <DangerPage lang={lang} {...view} />;
    case "how":
      return <HowPage lang={lang} {...view} />;
    case "agent":
      return <AgentPage lang={lang} {...view} />;
    case "offer":
      return <OfferPage lang={lang} {...view} />;
    case "money":
      return <MoneyPage lang={lang} {...view} />;
    case "when":
      return <WhenPage lang={lang} {...view} />;
    case "contact":
      return <ContactPage lang={lang} {...view} />;
  }
}
