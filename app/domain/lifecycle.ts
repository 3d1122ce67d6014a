/**
 * The application lifecycle: which action moves a case from which status to which, and who may take
 * it. The model layer asks here before writing; routes only show what `allowedActions` returns.
 */
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

export const ACTIONS = [
  "claim",
  "release",
  "request_information",
  "applicant_answered",
  "approve",
  "issue",
  "reject",
  "mark_collected",
  "withdraw",
] as const;
export type Action = (typeof ACTIONS)[number];

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

export const TRANSITIONS: readonly Transition[] = [
  { from: "submitted", action: "claim", to: "in_review", permission: "claim:case:center", actor: "staff", assignment: "assign" },
  { from: "in_review", action: "release", to: "submitted", permission: "release:case:center", actor: "staff", assignment: "unassign" },
  {
    from: "in_review",
    action: "request_information",
    to: "waiting_for_applicant",
    permission: "request_information:case:center",
    actor: "staff",
  },
  { from: "waiting_for_applicant", action: "applicant_answered", to: "in_review", permission: null, actor: "applicant" },
  { from: "in_review", action: "approve", to: "approved", permission: "approve:case:center", actor: "staff" },
  { from: "approved", action: "issue", to: "issued", permission: null, actor: "system" },
  { from: "in_review", action: "reject", to: "rejected", permission: "reject:case:center", actor: "staff", needsReason: true },
  {
    from: "issued",
    action: "mark_collected",
    to: "collected",
    permission: "mark_collected:case:center",
    actor: "staff",
    onlyForDelivery: "collection",
  },
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
