/**
 * What investigators may do to a smuggling report, as one table: for each action the permission it
 * needs, the statuses it is taken from and the status it leads to. The report page takes its
 * buttons and its refusals from here, the route table (staff-routes.ts) its rows.
 *
 * new → triaged (a priority set) → forwarded (to the FIA, with its reference) → closed (a reason).
 * A report can be closed from any open status, and opened again when the reporter adds something.
 */
import type { Permission } from "./permissions";
import type { ReportStatus } from "../../db/schema";

export const REPORT_STATUSES = ["new", "triaged", "forwarded", "closed"] as const satisfies readonly ReportStatus[];

export const REPORT_PRIORITIES = ["urgent", "high", "normal", "low"] as const;
export type ReportPriority = (typeof REPORT_PRIORITIES)[number];

export const CLOSE_REASONS = ["not_smuggling", "duplicate", "not_enough", "dealt_with", "other"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export type ReportActionRule = {
  permission: Permission;
  from: readonly ReportStatus[];
  /** The status the action leads to; null when the status stays. */
  to: ReportStatus | null;
};

const OPEN = ["new", "triaged", "forwarded"] as const satisfies readonly ReportStatus[];

export const REPORT_ACTIONS = {
  // Triage sets or changes the priority; a forwarded report keeps its status.
  triage: { permission: "triage:report:any", from: OPEN, to: null },
  ask: { permission: "triage:report:any", from: OPEN, to: null },
  forward: { permission: "triage:report:any", from: ["new", "triaged"], to: "forwarded" },
  close: { permission: "triage:report:any", from: OPEN, to: "closed" },
  reopen: { permission: "triage:report:any", from: ["closed"], to: "triaged" },
  // Notes are internal and may be written at any time, a closed report included.
  note: { permission: "triage:report:any", from: REPORT_STATUSES, to: null },
} as const satisfies Record<string, ReportActionRule>;

export type ReportAction = keyof typeof REPORT_ACTIONS;
export const REPORT_ACTION_NAMES = Object.keys(REPORT_ACTIONS) as ReportAction[];

/** The status after `action`, or null when the action cannot be taken from `status`. */
export function reportStatusAfter(action: ReportAction, status: ReportStatus): ReportStatus | null {
  const rule: ReportActionRule = REPORT_ACTIONS[action];
  if (!rule.from.includes(status)) return null;
  // Triage of a new report makes it triaged; of a triaged or forwarded one, keeps it.
  if (action === "triage" && status === "new") return "triaged";
  return rule.to ?? status;
}

/** The actions that can be taken on a report in `status`, in the order the page offers them. */
export function availableReportActions(status: ReportStatus): ReportAction[] {
  return REPORT_ACTION_NAMES.filter((action) => reportStatusAfter(action, status) !== null);
}
