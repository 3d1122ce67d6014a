/**
 * What staff may do to a case, as one table: for each action the permission it needs, the statuses
 * it is taken from (and, for a lifecycle step, the status it leads to) and whose case it has to be.
 * The lifecycle (lifecycle.ts) takes its staff steps from here, the route table (staff-routes.ts)
 * its case rows, and the case page both its buttons and its refusals, through `checkCaseAction`.
 */
import { can, type Permission, ROLES, type Role } from "./permissions";
// Types only: lifecycle.ts reads this table when it loads, so a value import back would be a cycle.
import type { Delivery, Status } from "./lifecycle";

/**
 * - center: any caseworker of the case's center (a claim takes an unassigned case; notes are anyone's).
 * - assignee: the staff member the case is assigned to, or one who may override (`OVERRIDE`).
 */
export type AssigneeRule = "center" | "assignee";

export type CaseActionRule = {
  permission: Permission;
  /** The statuses the action is taken in; "any" for one that never depends on the status (a note). */
  from: readonly Status[] | "any";
  /** The status a lifecycle step leads to; null when the status stays (a note, a reassignment). */
  to: Status | null;
  assignee: AssigneeRule;
  assignment?: "assign" | "unassign";
  /** A rejection without a reason cannot be explained to the applicant or defended on appeal. */
  needsReason?: true;
  onlyForDelivery?: Delivery;
  /** A relative's application waits for the holder's consent (e-authority) before anyone takes it on. */
  needsConsent?: true;
};

/** In the order the route table lists them. */
export const CASE_ACTIONS = {
  claim: {
    permission: "claim:case:center",
    from: ["submitted"],
    to: "in_review",
    assignee: "center",
    assignment: "assign",
    needsConsent: true,
  },
  release: { permission: "release:case:center", from: ["in_review"], to: "submitted", assignee: "assignee", assignment: "unassign" },
  // A supervisor hands a case on while it is being worked, or approved and waiting for its certificate.
  reassign: { permission: "reassign:case:center", from: ["in_review", "waiting_for_applicant", "approved"], to: null, assignee: "center" },
  request_information: {
    permission: "request_information:case:center",
    from: ["in_review"],
    to: "waiting_for_applicant",
    assignee: "assignee",
  },
  approve: { permission: "approve:case:center", from: ["in_review"], to: "approved", assignee: "assignee" },
  reject: { permission: "reject:case:center", from: ["in_review"], to: "rejected", assignee: "assignee", needsReason: true },
  mark_collected: {
    permission: "mark_collected:case:center",
    from: ["issued"],
    to: "collected",
    assignee: "assignee",
    onlyForDelivery: "collection",
  },
  note: { permission: "note:case:center", from: "any", to: null, assignee: "center" },
} as const satisfies Record<string, CaseActionRule>;

export type CaseAction = keyof typeof CASE_ACTIONS;
/** The case actions that are lifecycle steps (they move the status). */
export type CaseStep = { [A in CaseAction]: (typeof CASE_ACTIONS)[A]["to"] extends Status ? A : never }[CaseAction];

export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseAction[];
export const CASE_STEPS = CASE_ACTION_NAMES.filter((action): action is CaseStep => CASE_ACTIONS[action].to !== null);

/** The roles a case may be assigned to: those who may take one on (claim it). */
export const ASSIGNABLE_ROLES: readonly Role[] = ROLES.filter((role) => can(role, CASE_ACTIONS.claim.permission));

/** Whoever may reassign a case (a supervisor) may also step in on one assigned to somebody else. */
const OVERRIDE: Permission = "reassign:case:center";

export type CaseActor = { id: string; role: Role };
export type CaseFacts = {
  status: Status;
  assignedTo: string | null;
  delivery: Delivery;
  authorityStatus: "pending" | "confirmed" | null;
};

/**
 * Problems about the actor come first (permission, consent, assignment), then those about the
 * status: the order an officer is told them in, and the split the case page's action relies on.
 */
export type CaseActionProblem = "forbidden" | "awaiting_consent" | "not_assigned" | "assigned_to_other" | "illegal" | "wrong_delivery";
export type CaseActionCheck = { ok: true } | { ok: false; problem: CaseActionProblem };

/** A problem with the case's status or delivery, not with who is acting. */
export function isStatusProblem(problem: CaseActionProblem): problem is "illegal" | "wrong_delivery" {
  return problem === "illegal" || problem === "wrong_delivery";
}

/** Why this actor may not work a case assigned as it is, or null when they may. */
export function assigneeProblem(actor: CaseActor, assignedTo: string | null): "not_assigned" | "assigned_to_other" | null {
  if (assignedTo === actor.id || can(actor.role, OVERRIDE)) return null;
  return assignedTo ? "assigned_to_other" : "not_assigned";
}

/** May this staff member take this action on this case now? Center scope is the caller's (requireCaseAccess). */
export function checkCaseAction(actor: CaseActor, action: CaseAction, facts: CaseFacts): CaseActionCheck {
  const rule: CaseActionRule = CASE_ACTIONS[action];
  if (!can(actor.role, rule.permission)) return { ok: false, problem: "forbidden" };
  if (rule.needsConsent && facts.authorityStatus === "pending") return { ok: false, problem: "awaiting_consent" };
  const assignee = rule.assignee === "assignee" ? assigneeProblem(actor, facts.assignedTo) : null;
  if (assignee) return { ok: false, problem: assignee };
  if (rule.from !== "any" && !rule.from.includes(facts.status)) return { ok: false, problem: "illegal" };
  if (rule.onlyForDelivery && rule.onlyForDelivery !== facts.delivery) return { ok: false, problem: "wrong_delivery" };
  return { ok: true };
}
