/**
 * The order of the smuggling report's pages, as data, so the pages, the progress line and the
 * check-answers page agree. The journey keeps no state on the server and none in a cookie: the
 * answers so far travel with each form, sealed (see app/services/report-journey.server.ts).
 */
export const REPORT_PAGES = ["danger", "how", "agent", "offer", "money", "when", "evidence", "contact"] as const;
export type ReportPage = (typeof REPORT_PAGES)[number];
/** Pages that are not questions: the emergency contacts after "yes, someone is in danger", and check answers. */
export type ReportScreen = ReportPage | "emergency" | "check";

export function isReportPage(value: unknown): value is ReportPage {
  return typeof value === "string" && (REPORT_PAGES as readonly string[]).includes(value);
}

export function reportPageNumber(page: ReportPage): number {
  return REPORT_PAGES.indexOf(page) + 1;
}

/** Where "Continue" leads from a page, given the answers so far. */
export function nextReportScreen(
  page: ReportScreen,
  { someoneInDanger, returnToCheck }: { someoneInDanger: boolean; returnToCheck: boolean },
): ReportScreen {
  if (page === "danger" && someoneInDanger) return "emergency";
  if (returnToCheck || page === "check") return "check";
  if (page === "emergency") return "how";
  return REPORT_PAGES[REPORT_PAGES.indexOf(page) + 1] ?? "check";
}

/** Where "Back" leads; null on the first page (back to the start page). */
export function previousReportScreen(page: ReportScreen, { someoneInDanger }: { someoneInDanger: boolean }): ReportScreen | null {
  if (page === "check") return REPORT_PAGES[REPORT_PAGES.length - 1]!;
  if (page === "emergency") return "danger";
  if (page === "how" && someoneInDanger) return "emergency";
  return REPORT_PAGES[REPORT_PAGES.indexOf(page) - 1] ?? null;
}

/** The first page without answers, or "check" when every page is answered. */
export function firstUnansweredReportPage(answered: ReadonlySet<ReportPage>): ReportPage | "check" {
  return REPORT_PAGES.find((page) => !answered.has(page)) ?? "check";
}
