/**
 * The application lifecycle: which action moves a case from which status to which, and who may take
 * it. The staff steps come from the case action table (case-actions.ts); the applicant's and the
 * system's are here. The model layer asks here before writing.
 */
import { CASE_ACTIONS, CASE_STEPS, type CaseActionRule, type CaseStep } from "./case-actions";
import type { Permission } from "./permissions";

export const STATUSES = [
  "submitted",
  "in_review",
  "waiting_for_applicant",
  "approved",
  "issued",
  "rejected",
  "collected",
  "withdrawn",
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Closed from the office's side: decided, so off the working tabs and the service-level clock.
 * `issued` is closed though not terminal: handing over a certificate for collection is no casework.
 */
export const CLOSED_STATUSES: readonly Status[] = ["issued", "rejected", "collected", "withdrawn"];

const OTHER_STEPS = ["applicant_answered", "issue", "withdraw"] as const;
export type Action = CaseStep | (typeof OTHER_STEPS)[number];
export const ACTIONS: readonly Action[] = [...CASE_STEPS, ...OTHER_STEPS];

export type Delivery = "pdf" | "collection";

export type Transition = {
  from: Status;
  action: Action;
  to: Status;
  /** What staff need; null when the actor is not staff. */
  permission: Permission | null;
  /**
   * The applicant proves who they are with the tracking secret, not a role. "system" is the
   * certificate issuer, which runs after an approval: approving is the human decision, issuing only
   * produces the number, verification code and PDF, so no role holds an "issue" permission.
   */
  actor: "staff" | "applicant" | "system";
  assignment?: "assign" | "unassign";
  /** A rejection without a reason cannot be explained to the applicant or defended on appeal. */
  needsReason?: true;
  onlyForDelivery?: Delivery;
};

const WITHDRAWABLE = ["submitted", "in_review", "waiting_for_applicant"] as const satisfies readonly Status[];

function staffTransitions(action: CaseStep): Transition[] {
  const { permission, from, to, assignment, needsReason, onlyForDelivery }: CaseActionRule = CASE_ACTIONS[action];
  return from.map((status) => ({
    from: status,
    action,
    to,
    permission,
    actor: "staff",
    ...(assignment ? { assignment } : {}),
    ...(needsReason ? { needsReason } : {}),
    ...(onlyForDelivery ? { onlyForDelivery } : {}),
  }));
}

export const TRANSITIONS: readonly Transition[] = [
  ...CASE_STEPS.flatMap(staffTransitions),
  { from: "waiting_for_applicant", action: "applicant_answered", to: "in_review", permission: null, actor: "applicant" },
  { from: "approved", action: "issue", to: "issued", permission: null, actor: "system" },
  ...WITHDRAWABLE.map((from): Transition => ({ from, action: "withdraw", to: "withdrawn", permission: null, actor: "applicant" })),
];

export function findTransition(current: Status, action: Action): Transition | null {
  return TRANSITIONS.find((t) => t.from === current && t.action === action) ?? null;
}

/** The status an action leads to, or null when the action is not allowed from `current`. */
export function nextStatus(current: Status, action: Action): Status | null {
  return findTransition(current, action)?.to ?? null;
}

export function allowedActions(status: Status): Action[] {
  return TRANSITIONS.filter((t) => t.from === status).map((t) => t.action);
}

/** Nothing leads out. `issued` is not terminal: a certificate for collection still moves on. */
export function isTerminal(status: Status): boolean {
  return allowedActions(status).length === 0;
}

export type TransitionProblem = "illegal" | "reason_required" | "wrong_delivery";
export type TransitionCheck = { ok: true; transition: Transition } | { ok: false; problem: TransitionProblem };

/**
 * The whole rule for one step, conditions included; permission is checked separately (`can`), since
 * applicants and the system hold none.
 */
export function checkTransition(current: Status, action: Action, context: { delivery: Delivery; reason?: string | null }): TransitionCheck {
  const transition = findTransition(current, action);
  if (!transition) return { ok: false, problem: "illegal" };
  if (transition.needsReason && !context.reason?.trim()) return { ok: false, problem: "reason_required" };
  if (transition.onlyForDelivery && transition.onlyForDelivery !== context.delivery) return { ok: false, problem: "wrong_delivery" };
  return { ok: true, transition };
}

/** The tracking page's "what happens next" text for each status: translation keys, not text. */
export const STATUS_NEXT_STEP = Object.fromEntries(STATUSES.map((status) => [status, { nextStepKey: `track:status.${status}.next` }])) as {
  readonly [S in Status]: { readonly nextStepKey: `track:status.${S}.next` };
};
