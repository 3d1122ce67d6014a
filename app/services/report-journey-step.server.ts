/**
 * One step of the report journey: what a posted form asks for ("start", "continue", "back", a
 * "change" from check answers, "submit"), and the screen to show next. Invalid answers are never
 * kept: the page comes back with its messages and what was typed, and the sealed state is the one
 * that arrived.
 */
import type { AppLoadContext } from "@remix-run/node";
import { formatPhone } from "~/domain/phone";
import { isReportPage, nextReportScreen, previousReportScreen, type ReportPage, type ReportScreen } from "~/domain/report-journey";
import type { Lang } from "~/i18n";
import { listEmergencyContacts } from "~/models/emergency-contact.server";
import type { EmergencyContactKind } from "~/schemas/emergency-contact";
import { readMoneyForm, type ReportAnswers } from "~/schemas/report";
import { type FieldErrors, type FormValues, formValues } from "~/utils/form";
import { countryName } from "~/utils/format";
import { readUploadForm } from "./documents-step.server";
import { addJourneyEvidence, type JourneyEvidence, listJourneyEvidence, removeJourneyEvidence } from "./report-evidence.server";
import {
  newReportJourney,
  openReportJourney,
  openSentReport,
  parseReportPage,
  readReportAnswers,
  readScreen,
  type ReportJourneyState,
  sealReportJourney,
  sealSentReport,
  someoneInDanger,
} from "./report-journey.server";
import { submitReport } from "./report-submission.server";

/** A number to call, formatted for reading and as dialled. */
export type EmergencyNumber = { kind: EmergencyContactKind; phone: string; dial: string };

type PageView = { state: string; values: FormValues; errors: FieldErrors | undefined; returnToCheck: boolean };

export type ReportView =
  | ({ screen: Exclude<ReportPage, "evidence"> } & PageView)
  | ({ screen: "evidence"; evidence: JourneyEvidence[] } & PageView)
  | { screen: "emergency"; state: string; returnToCheck: boolean; country: string; numbers: EmergencyNumber[] }
  | { screen: "check"; state: string; answers: ReportAnswers; evidence: JourneyEvidence[] }
  | { screen: "sent"; reference: string; secretGroups: string[]; sealed: string }
  | { screen: "start" }
  | { screen: "expired" }
  | { screen: "alreadySent" };

export async function readReportForm(request: Request): Promise<FormData> {
  return readUploadForm(request, ["evidence"]);
}

/** What a page's fields sent, as the page's schema reads them (checkboxes joined). */
function submittedValues(page: ReportPage, form: FormData): FormValues {
  const values = formValues(page === "money" ? readMoneyForm(form) : form);
  for (const key of ["state", "screen", "intent", "returnToCheck", "change", "remove"]) delete values[key];
  return values;
}

export async function reportJourneyStep(context: AppLoadContext, lang: Lang, form: FormData): Promise<ReportView> {
  const intent = form.get("intent");
  if (intent === "start") return show(context, lang, newReportJourney(), "danger", { returnToCheck: false });
  if (intent === "language") return sameScreen(context, lang, form);

  const state = openReportJourney(context, form.get("state"));
  if (!state) return { screen: "expired" };
  const screen = readScreen(form.get("screen")) ?? "danger";
  const returnToCheck = form.get("returnToCheck") === "1";

  const change = form.get("change");
  if (isReportPage(change)) return show(context, lang, state, change, { returnToCheck: true });

  if (intent === "back") {
    const previous = previousReportScreen(screen, { someoneInDanger: someoneInDanger(state) });
    return previous
      ? show(context, lang, state, previous, { returnToCheck: false })
      : show(context, lang, newReportJourney(), "danger", { returnToCheck: false });
  }

  if (intent === "submit") return submit(context, lang, state);

  if (screen === "evidence") return evidenceStep(context, lang, state, form, returnToCheck, intent);
  if (screen === "emergency" || screen === "check") {
    return show(context, lang, state, nextReportScreen(screen, { someoneInDanger: someoneInDanger(state), returnToCheck }), {
      returnToCheck,
    });
  }

  const values = submittedValues(screen, form);
  const parsed = parseReportPage(screen, values);
  if (!parsed.ok) return pageView(context, state, screen, { values, errors: parsed.errors, returnToCheck });
  const next: ReportJourneyState = { ...state, pages: { ...state.pages, [screen]: values } };
  const danger = someoneInDanger(next);
  // "Yes, someone is in danger" always shows the numbers, even when it was changed from check answers.
  const target = nextReportScreen(screen, { someoneInDanger: danger, returnToCheck });
  return show(context, lang, next, target, { returnToCheck: target === "emergency" ? returnToCheck : false });
}

/**
 * The screen the form was sent from, in the language of the address it was sent to: the answers,
 * and the sent report's reference and secret, are what the form carried. A screen with nothing
 * sealed (the start page) is the start page.
 */
async function sameScreen(context: AppLoadContext, lang: Lang, form: FormData): Promise<ReportView> {
  const sealedSent = form.get("sent");
  const sent = openSentReport(context, sealedSent);
  // The token it came with: switching again does not make the secret last longer.
  if (sent) return { screen: "sent", ...sent, sealed: String(sealedSent) };
  if (!form.get("state") && !form.get("sent")) return { screen: "start" };
  const state = openReportJourney(context, form.get("state"));
  const screen = readScreen(form.get("screen"));
  if (!state || !screen) return { screen: "expired" };
  return show(context, lang, state, screen, { returnToCheck: form.get("returnToCheck") === "1" });
}

async function evidenceStep(
  context: AppLoadContext,
  lang: Lang,
  state: ReportJourneyState,
  form: FormData,
  returnToCheck: boolean,
  intent: FormDataEntryValue | null,
): Promise<ReportView> {
  const remove = form.get("remove");
  if (typeof remove === "string" && remove !== "") {
    await removeJourneyEvidence(context, state.journeyId, remove);
    return show(context, lang, state, "evidence", { returnToCheck });
  }
  const problem = await addJourneyEvidence(context, state.journeyId, form);
  context.logger.info({ requestId: context.requestId, outcome: problem ? "rejected" : "stored" }, "report evidence");
  if (problem) return pageView(context, state, "evidence", { values: {}, errors: { evidence: problem }, returnToCheck });
  const next: ReportJourneyState = { ...state, pages: { ...state.pages, evidence: {} } };
  if (intent === "upload") return show(context, lang, next, "evidence", { returnToCheck });
  return show(context, lang, next, nextReportScreen("evidence", { someoneInDanger: someoneInDanger(next), returnToCheck }), {
    returnToCheck: false,
  });
}

async function submit(context: AppLoadContext, lang: Lang, state: ReportJourneyState): Promise<ReportView> {
  const read = readReportAnswers(state);
  if (!read.complete) return askAgain(context, state, read);
  const result = await submitReport(context, { journeyId: state.journeyId, language: lang, answers: read.answers });
  context.logger.info({ requestId: context.requestId, outcome: result.ok ? "submitted" : result.problem }, "report submission");
  if (!result.ok) return { screen: "alreadySent" };
  const sent = { reference: result.reference, secretGroups: result.secretGroups };
  return { screen: "sent", ...sent, sealed: sealSentReport(context, sent) };
}

/** The first page that is missing or no longer fits, with what was typed there and why it is asked again. */
function askAgain(
  context: AppLoadContext,
  state: ReportJourneyState,
  read: { page: ReportPage; errors: FieldErrors | null },
): Promise<ReportView> {
  return pageView(context, state, read.page, {
    values: state.pages[read.page] ?? {},
    errors: read.errors ?? undefined,
    returnToCheck: true,
  });
}

async function pageView(
  context: AppLoadContext,
  state: ReportJourneyState,
  page: ReportPage,
  view: { values: FormValues; errors: FieldErrors | undefined; returnToCheck: boolean },
): Promise<ReportView> {
  const sealed = sealReportJourney(context, state);
  if (page === "evidence")
    return { screen: "evidence", state: sealed, ...view, evidence: await listJourneyEvidence(context, state.journeyId) };
  return { screen: page, state: sealed, ...view };
}

async function show(
  context: AppLoadContext,
  lang: Lang,
  state: ReportJourneyState,
  screen: ReportScreen,
  { returnToCheck }: { returnToCheck: boolean },
): Promise<ReportView> {
  if (screen === "check") {
    const read = readReportAnswers(state);
    if (!read.complete) return askAgain(context, state, read);
    return {
      screen: "check",
      state: sealReportJourney(context, state),
      answers: read.answers,
      evidence: await listJourneyEvidence(context, state.journeyId),
    };
  }
  if (screen === "emergency") {
    const country = state.pages.danger?.dangerCountry ?? "";
    const contacts = country ? await listEmergencyContacts(context.db, country) : [];
    return {
      screen: "emergency",
      state: sealReportJourney(context, state),
      returnToCheck,
      country: country ? countryName(lang, country) : "",
      numbers: contacts.map((c) => ({ kind: c.kind, phone: formatPhone(c.phone), dial: c.phone })),
    };
  }
  return pageView(context, state, screen, { values: state.pages[screen] ?? {}, errors: undefined, returnToCheck });
}
