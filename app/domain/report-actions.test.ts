import { describe, expect, it } from "vitest";
import { availableReportActions, REPORT_ACTIONS, REPORT_STATUSES, reportStatusAfter } from "./report-actions";
import { can, ROLES } from "./permissions";

describe("report actions", () => {
  it("moves a report new → triaged → forwarded → closed, and a closed one can be opened again", () => {
    expect(reportStatusAfter("triage", "new")).toBe("triaged");
    expect(reportStatusAfter("forward", "triaged")).toBe("forwarded");
    expect(reportStatusAfter("close", "forwarded")).toBe("closed");
    expect(reportStatusAfter("reopen", "closed")).toBe("triaged");
  });

  it("keeps the status for a priority change, a question and a note", () => {
    expect(reportStatusAfter("triage", "triaged")).toBe("triaged");
    expect(reportStatusAfter("triage", "forwarded")).toBe("forwarded");
    expect(reportStatusAfter("ask", "new")).toBe("new");
    expect(reportStatusAfter("note", "closed")).toBe("closed");
  });

  it("refuses what a status does not allow", () => {
    expect(reportStatusAfter("forward", "forwarded")).toBeNull();
    expect(reportStatusAfter("forward", "closed")).toBeNull();
    expect(reportStatusAfter("close", "closed")).toBeNull();
    expect(reportStatusAfter("ask", "closed")).toBeNull();
    expect(reportStatusAfter("reopen", "new")).toBeNull();
    expect(reportStatusAfter("triage", "closed")).toBeNull();
  });

  it("offers on each status exactly the actions it allows", () => {
    expect(availableReportActions("new")).toEqual(["triage", "ask", "forward", "close", "note"]);
    expect(availableReportActions("forwarded")).toEqual(["triage", "ask", "close", "note"]);
    expect(availableReportActions("closed")).toEqual(["reopen", "note"]);
    for (const status of REPORT_STATUSES) expect(availableReportActions(status).length).toBeGreaterThan(0);
  });

  it("is for investigators and supervisors only: never officers, embassy desks or administrators", () => {
    const allowed = ROLES.filter((role) => Object.values(REPORT_ACTIONS).every((rule) => can(role, rule.permission)));
    expect(allowed).toEqual(["supervisor", "investigator"]);
  });
});
