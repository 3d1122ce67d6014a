import { describe, expect, it } from "vitest";
import { firstUnansweredReportPage, nextReportScreen, previousReportScreen, REPORT_PAGES, reportPageNumber } from "./report-journey";

const calm = { someoneInDanger: false, returnToCheck: false };

describe("report journey order", () => {
  it("walks every page once, forwards and back", () => {
    const forwards = [];
    for (let screen: ReturnType<typeof nextReportScreen> = "danger"; screen !== "check"; screen = nextReportScreen(screen, calm))
      forwards.push(screen);
    expect(forwards).toEqual([...REPORT_PAGES]);
    const backwards = [];
    for (let screen = previousReportScreen("check", calm); screen; screen = previousReportScreen(screen, calm)) backwards.push(screen);
    expect(backwards).toEqual([...REPORT_PAGES].reverse());
  });

  it("shows the emergency contacts after 'someone is in danger', then carries on", () => {
    const danger = { someoneInDanger: true, returnToCheck: false };
    expect(nextReportScreen("danger", danger)).toBe("emergency");
    expect(nextReportScreen("emergency", danger)).toBe("how");
    expect(previousReportScreen("how", danger)).toBe("emergency");
    expect(previousReportScreen("emergency", danger)).toBe("danger");
    expect(nextReportScreen("danger", { someoneInDanger: true, returnToCheck: true })).toBe("emergency");
  });

  it("goes back to check answers after a change", () => {
    for (const page of REPORT_PAGES.filter((p) => p !== "danger")) {
      expect(nextReportScreen(page, { someoneInDanger: false, returnToCheck: true })).toBe("check");
    }
  });

  it("numbers pages from one and finds the first unanswered", () => {
    expect(reportPageNumber("danger")).toBe(1);
    expect(reportPageNumber("contact")).toBe(REPORT_PAGES.length);
    expect(firstUnansweredReportPage(new Set(["danger", "how"]))).toBe("agent");
    expect(firstUnansweredReportPage(new Set(REPORT_PAGES))).toBe("check");
  });
});
