import { describe, expect, expectTypeOf, it } from "vitest";
import type { ApplicationStatus } from "../../db/schema";
import {
  ACTIONS,
  STATUSES,
  STATUS_NEXT_STEP,
  TRANSITIONS,
  allowedActions,
  checkTransition,
  isTerminal,
  nextStatus,
  type Action,
  type Status,
} from "./lifecycle";
import { ROLES, can } from "./permissions";

// Written out independently of TRANSITIONS, so a slip in the table shows up here.
const LEGAL: Record<string, Status> = {
  "submitted claim": "in_review",
  "in_review release": "submitted",
  "in_review request_information": "waiting_for_applicant",
  "waiting_for_applicant applicant_answered": "in_review",
  "in_review approve": "approved",
  "approved issue": "issued",
  "in_review reject": "rejected",
  "issued mark_collected": "collected",
  "submitted withdraw": "withdrawn",
  "in_review withdraw": "withdrawn",
  "waiting_for_applicant withdraw": "withdrawn",
};

describe("transition table", () => {
  it("uses the status names the database stores", () => {
    expectTypeOf<Status>().toEqualTypeOf<ApplicationStatus>();
  });

  it.each(STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action] as const)))("%s × %s", (status, action) => {
    expect(nextStatus(status, action)).toBe(LEGAL[`${status} ${action}`] ?? null);
  });

  it("has exactly the legal transitions, each once", () => {
    const keys = TRANSITIONS.map((t) => `${t.from} ${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.keys(LEGAL).sort());
  });

  it("lists the allowed actions of each status", () => {
    expect(allowedActions("submitted").sort()).toEqual(["claim", "withdraw"]);
    expect(allowedActions("in_review").sort()).toEqual(["approve", "reject", "release", "request_information", "withdraw"]);
    expect(allowedActions("waiting_for_applicant").sort()).toEqual(["applicant_answered", "withdraw"]);
    expect(allowedActions("approved")).toEqual(["issue"]);
    expect(allowedActions("issued")).toEqual(["mark_collected"]);
    for (const status of ["rejected", "collected", "withdrawn"] as const) expect(allowedActions(status)).toEqual([]);
  });

  it("ends in rejected, collected and withdrawn only", () => {
    expect(STATUSES.filter(isTerminal).sort()).toEqual(["collected", "rejected", "withdrawn"]);
  });

  it("reaches every status from submitted", () => {
    const reached = new Set<Status>(["submitted"]);
    let size = 0;
    while (reached.size > size) {
      size = reached.size;
      for (const t of TRANSITIONS) if (reached.has(t.from)) reached.add(t.to);
    }
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });

  it("assigns on claim and unassigns on release, and nowhere else", () => {
    const assigning = TRANSITIONS.filter((t) => t.assignment).map((t) => [t.action, t.assignment]);
    expect(assigning).toEqual([
      ["claim", "assign"],
      ["release", "unassign"],
    ]);
  });
});

describe("who takes each step", () => {
  it("leaves withdrawing and answering to the applicant and issuing to the system", () => {
    const byActor = (actor: string) => [...new Set(TRANSITIONS.filter((t) => t.actor === actor).map((t) => t.action))].sort();
    expect(byActor("applicant")).toEqual(["applicant_answered", "withdraw"]);
    expect(byActor("system")).toEqual(["issue"]);
  });

  it("names a permission for every staff step and none for the others", () => {
    for (const t of TRANSITIONS) expect(t.permission === null).toBe(t.actor !== "staff");
  });

  it("lets officers and supervisors take every staff step, and no other role any", () => {
    for (const t of TRANSITIONS) {
      if (!t.permission) continue;
      for (const role of ROLES) expect(can(role, t.permission)).toBe(role === "officer" || role === "supervisor");
    }
  });
});

describe("checkTransition", () => {
  const pdf = { delivery: "pdf" } as const;
  const collection = { delivery: "collection" } as const;

  it("refuses what the table does not allow", () => {
    expect(checkTransition("submitted", "approve", pdf)).toEqual({ ok: false, problem: "illegal" });
    expect(checkTransition("withdrawn", "withdraw", pdf)).toEqual({ ok: false, problem: "illegal" });
  });

  it("needs a reason to reject", () => {
    expect(checkTransition("in_review", "reject", pdf)).toEqual({ ok: false, problem: "reason_required" });
    expect(checkTransition("in_review", "reject", { ...pdf, reason: "   " })).toEqual({ ok: false, problem: "reason_required" });
    expect(checkTransition("in_review", "reject", { ...pdf, reason: null })).toEqual({ ok: false, problem: "reason_required" });
    const ok = checkTransition("in_review", "reject", { ...pdf, reason: "police_record" });
    expect(ok.ok && ok.transition.to).toBe("rejected");
  });

  it("marks only certificates for collection as collected", () => {
    expect(checkTransition("issued", "mark_collected", pdf)).toEqual({ ok: false, problem: "wrong_delivery" });
    const ok = checkTransition("issued", "mark_collected", collection);
    expect(ok.ok && ok.transition.to).toBe("collected");
  });

  it("agrees with nextStatus whenever no condition applies", () => {
    for (const status of STATUSES) {
      for (const action of ACTIONS as readonly Action[]) {
        const check = checkTransition(status, action, { ...collection, reason: "a reason" });
        expect(check.ok ? check.transition.to : null).toBe(nextStatus(status, action));
      }
    }
  });
});

describe("STATUS_NEXT_STEP", () => {
  it("names a track: key for every status", () => {
    expect(Object.keys(STATUS_NEXT_STEP).sort()).toEqual([...STATUSES].sort());
    for (const status of STATUSES) expect(STATUS_NEXT_STEP[status].nextStepKey).toBe(`track:status.${status}.next`);
  });
});
