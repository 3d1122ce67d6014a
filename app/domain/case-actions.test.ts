import { describe, expect, it } from "vitest";
import { CASE_INTENTS } from "~/schemas/case-action";
import {
  assigneeProblem,
  CASE_ACTION_NAMES,
  CASE_ACTIONS,
  CASE_STEPS,
  checkCaseAction,
  isStatusProblem,
  type CaseAction,
  type CaseActionProblem,
  type CaseFacts,
} from "./case-actions";
import { CLOSED_STATUSES, type Delivery, isTerminal, STATUSES, type Status, TRANSITIONS } from "./lifecycle";
import { ROLES, type Role } from "./permissions";
import { STAFF_ROUTES } from "./staff-routes";

// Written out independently of CASE_ACTIONS (as the case page's rules stood before the table), so a
// slip in the table shows up here.
const PERMISSION: Record<CaseAction, string> = {
  claim: "claim:case:center",
  release: "release:case:center",
  reassign: "reassign:case:center",
  request_information: "request_information:case:center",
  approve: "approve:case:center",
  reject: "reject:case:center",
  mark_collected: "mark_collected:case:center",
  note: "note:case:center",
};
const CASEWORKERS: readonly Role[] = ["officer", "supervisor"];
const HOLDERS: Record<CaseAction, readonly Role[]> = {
  claim: CASEWORKERS,
  release: CASEWORKERS,
  reassign: ["supervisor"],
  request_information: CASEWORKERS,
  approve: CASEWORKERS,
  reject: CASEWORKERS,
  mark_collected: CASEWORKERS,
  note: CASEWORKERS,
};
const FROM: Record<CaseAction, readonly Status[]> = {
  claim: ["submitted"],
  release: ["in_review"],
  reassign: ["in_review", "waiting_for_applicant", "approved"],
  request_information: ["in_review"],
  approve: ["in_review"],
  reject: ["in_review"],
  mark_collected: ["issued"],
  note: STATUSES,
};
const TO: Record<CaseAction, Status | null> = {
  claim: "in_review",
  release: "submitted",
  reassign: null,
  request_information: "waiting_for_applicant",
  approve: "approved",
  reject: "rejected",
  mark_collected: "collected",
  note: null,
};
/** Only the assignee (or a supervisor) works a claimed case. */
const ASSIGNEE_ONLY: readonly CaseAction[] = ["release", "request_information", "approve", "reject", "mark_collected"];

const ME = "me";
const SOMEONE = "someone-else";
const ASSIGNMENTS = [null, ME, SOMEONE] as const;
const DELIVERIES: readonly Delivery[] = ["pdf", "collection"];
const AUTHORITIES = [null, "pending", "confirmed"] as const;

/** Every case a staff member can meet: status × assignee × delivery × the holder's consent. */
const FACTS: CaseFacts[] = STATUSES.flatMap((status) =>
  ASSIGNMENTS.flatMap((assignedTo) =>
    DELIVERIES.flatMap((delivery) => AUTHORITIES.map((authorityStatus) => ({ status, assignedTo, delivery, authorityStatus }))),
  ),
);

/** What the action refused with before anything was written (null: on to the model), from the rules as written above. */
function expectedRefusal(role: Role, action: CaseAction, facts: CaseFacts): CaseActionProblem | null {
  if (!HOLDERS[action].includes(role)) return "forbidden";
  if (action === "claim" && facts.authorityStatus === "pending") return "awaiting_consent";
  if (ASSIGNEE_ONLY.includes(action) && facts.assignedTo !== ME && role !== "supervisor")
    return facts.assignedTo ? "assigned_to_other" : "not_assigned";
  return null;
}

/** Whether the case page offers the action, from the rules as written above. */
function expectedOffer(role: Role, action: CaseAction, facts: CaseFacts): boolean {
  return (
    expectedRefusal(role, action, facts) === null &&
    FROM[action].includes(facts.status) &&
    (action !== "mark_collected" || facts.delivery === "collection")
  );
}

const describeFacts = (f: CaseFacts) => `${f.status}, assigned to ${f.assignedTo ?? "nobody"}, ${f.delivery}, consent ${f.authorityStatus}`;

describe("the case action table", () => {
  it("has a row for every intent the case form accepts, and no other", () => {
    expect([...CASE_ACTION_NAMES].sort()).toEqual([...CASE_INTENTS].sort());
  });

  it.each(CASE_ACTION_NAMES)("%s: permission, statuses and the status it leads to", (action) => {
    const rule = CASE_ACTIONS[action];
    expect(rule.permission).toBe(PERMISSION[action]);
    expect([...(rule.from === "any" ? STATUSES : rule.from)].sort()).toEqual([...FROM[action]].sort());
    expect(rule.to).toBe(TO[action]);
    expect(rule.assignee).toBe(ASSIGNEE_ONLY.includes(action) ? "assignee" : "center");
  });

  it("gives the lifecycle exactly its staff steps", () => {
    expect([...CASE_STEPS].sort()).toEqual(CASE_ACTION_NAMES.filter((a) => TO[a] !== null).sort());
    const staffSteps = TRANSITIONS.filter((t) => t.actor === "staff").map((t) => `${t.from} ${t.action} ${t.to} ${t.permission}`);
    const expected = CASE_STEPS.flatMap((a) => FROM[a].map((from) => `${from} ${a} ${TO[a]} ${PERMISSION[a]}`));
    expect(staffSteps.sort()).toEqual(expected.sort());
  });

  it("gives the route table one row per action, with the action's permission", () => {
    const rows = STAFF_ROUTES.filter((r) => r.path === "/staff/cases/:id" && r.method === "POST");
    expect(rows.map((r) => [r.intent, r.scope, "anyOf" in r ? r.anyOf : null])).toEqual(
      CASE_ACTION_NAMES.map((a) => [a, "center", [PERMISSION[a]]]),
    );
  });
});

describe("checkCaseAction", () => {
  it.each(CASE_ACTION_NAMES.flatMap((action) => ROLES.map((role) => [action, role] as const)))(
    "%s as %s, on every case",
    (action, role) => {
      const actor = { id: ME, role };
      const wrong: string[] = [];
      for (const facts of FACTS) {
        const check = checkCaseAction(actor, action, facts);
        const refusal = check.ok || isStatusProblem(check.problem) ? null : check.problem;
        if (check.ok !== expectedOffer(role, action, facts)) wrong.push(`${describeFacts(facts)}: offered ${check.ok}`);
        if (refusal !== expectedRefusal(role, action, facts)) wrong.push(`${describeFacts(facts)}: refused with ${refusal}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it("names the status problem: illegal from a wrong status, wrong_delivery for a certificate by PDF", () => {
    const facts: CaseFacts = { status: "issued", assignedTo: ME, delivery: "pdf", authorityStatus: null };
    const officer = { id: ME, role: "officer" } as const;
    expect(checkCaseAction(officer, "mark_collected", facts)).toEqual({ ok: false, problem: "wrong_delivery" });
    expect(checkCaseAction(officer, "mark_collected", { ...facts, delivery: "collection" })).toEqual({ ok: true });
    expect(checkCaseAction(officer, "approve", facts)).toEqual({ ok: false, problem: "illegal" });
    expect(checkCaseAction(officer, "mark_collected", { ...facts, status: "collected" })).toEqual({ ok: false, problem: "illegal" });
  });

  it("reports a status problem only once everything about the actor is settled", () => {
    for (const action of CASE_ACTION_NAMES)
      for (const role of ROLES)
        for (const facts of FACTS) {
          const check = checkCaseAction({ id: ME, role }, action, facts);
          if (check.ok || !isStatusProblem(check.problem)) continue;
          // The same actor on the same case, in a status and delivery the action is taken from: allowed.
          const status = FROM[action][0]!;
          expect(checkCaseAction({ id: ME, role }, action, { ...facts, status, delivery: "collection" }), `${action} ${role}`).toEqual({
            ok: true,
          });
        }
  });

  it("lets a supervisor step in on anyone's case, and an officer only on their own", () => {
    expect(assigneeProblem({ id: ME, role: "officer" }, ME)).toBeNull();
    expect(assigneeProblem({ id: ME, role: "officer" }, SOMEONE)).toBe("assigned_to_other");
    expect(assigneeProblem({ id: ME, role: "officer" }, null)).toBe("not_assigned");
    for (const assignedTo of ASSIGNMENTS) expect(assigneeProblem({ id: ME, role: "supervisor" }, assignedTo)).toBeNull();
  });
});

describe("CLOSED_STATUSES", () => {
  it("is the decided statuses: every terminal one, and issued", () => {
    expect([...CLOSED_STATUSES].sort()).toEqual(["collected", "issued", "rejected", "withdrawn"]);
    for (const status of STATUSES.filter(isTerminal)) expect(CLOSED_STATUSES).toContain(status);
  });

  it("leaves nothing for a caseworker to do but a note or a collection", () => {
    const caseworkers = ["officer", "supervisor"] as const;
    for (const status of CLOSED_STATUSES)
      for (const role of caseworkers)
        for (const facts of FACTS.filter((f) => f.status === status && f.assignedTo === ME && f.delivery === "collection")) {
          const offered = CASE_ACTION_NAMES.filter((a) => checkCaseAction({ id: ME, role }, a, facts).ok);
          expect(offered).toEqual(status === "issued" ? ["mark_collected", "note"] : ["note"]);
        }
  });
});
