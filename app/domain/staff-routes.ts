/**
 * Who may reach each staff route, as data: every path (as Remix matches it) and method, and for
 * actions that do several things every `intent`, with the permission it needs and its scope. The
 * route × role matrix test (server/route-matrix.test.ts) calls each entry as every role, as an
 * anonymous visitor, and for cases with one of the staff member's own center and one of another,
 * and expects what `expectedAccess` derives from this table and app/domain/permissions.ts.
 *
 * The routes themselves still call their guards (requireStaff, requirePermission,
 * requireCaseAccess): this table describes what those guards must add up to, and the test holds
 * the two together. A new staff route module fails that test until it has its rows here.
 */
import { CASE_ACTION_NAMES, CASE_ACTIONS, type CaseAction } from "./case-actions";
import { REPORT_ACTION_NAMES, REPORT_ACTIONS, type ReportAction } from "./report-actions";
import { can, type Permission, type Role } from "./permissions";

/**
 * - public: anyone, signed in or not (sign-in, first-administrator setup, accepting an invitation).
 * - sign-in: the second-factor pages. They serve a sign-in in progress; without any session they
 *   send the visitor to sign in, and a finished sign-in is sent on to the staff pages.
 * - any-staff: any role with a full session.
 * - permission: a full session whose role holds one of `anyOf`.
 * - center: as permission, for one case; a case of another center is not found (404), so that its
 *   existence leaks nothing.
 */
export type StaffRouteScope = "public" | "sign-in" | "any-staff" | "permission" | "center";

type Open = { scope: "public" } | { scope: "sign-in" } | { scope: "any-staff" };
type Guarded = { scope: "permission" | "center"; anyOf: readonly [Permission, ...Permission[]] };

export type StaffRouteRule = {
  /** The path pattern as Remix matches it, e.g. "/staff/cases/:id". */
  path: string;
  method: "GET" | "POST";
  /** The form's `intent` field, for an action that does several things. */
  intent?: string;
} & (Open | Guarded);

/** One row per case action, with the permission the case action table (case-actions.ts) gives it. */
const caseAction = (intent: CaseAction): StaffRouteRule => ({
  path: "/staff/cases/:id",
  method: "POST",
  intent,
  scope: "center",
  anyOf: [CASE_ACTIONS[intent].permission],
});

/** One row per report action, with the permission the report action table (report-actions.ts) gives it. */
const reportAction = (intent: ReportAction): StaffRouteRule => ({
  path: "/staff/reports/:id",
  method: "POST",
  intent,
  scope: "permission",
  anyOf: [REPORT_ACTIONS[intent].permission],
});

const accountAction = (intent: string): StaffRouteRule => ({
  path: "/staff/admin/accounts/:id",
  method: "POST",
  intent,
  scope: "permission",
  anyOf: ["manage:staff:any"],
});

export const STAFF_ROUTES: readonly StaffRouteRule[] = [
  { path: "/staff", method: "GET", scope: "any-staff" },

  // Signing in and out.
  { path: "/staff/login", method: "GET", scope: "public" },
  { path: "/staff/login", method: "POST", scope: "public" },
  { path: "/staff/totp", method: "GET", scope: "sign-in" },
  { path: "/staff/totp", method: "POST", scope: "sign-in" },
  { path: "/staff/totp/setup", method: "GET", scope: "sign-in" },
  { path: "/staff/totp/setup", method: "POST", scope: "sign-in" },
  { path: "/staff/totp/recovery-codes", method: "GET", scope: "any-staff" },
  // Only a POST signs out; a GET (an <img>, a prefetcher) is sent to the staff home page.
  { path: "/staff/logout", method: "GET", scope: "public" },
  { path: "/staff/logout", method: "POST", scope: "public" },
  { path: "/staff/setup", method: "GET", scope: "public" },
  { path: "/staff/setup", method: "POST", scope: "public" },
  { path: "/staff/invite", method: "GET", scope: "public" },
  { path: "/staff/invite", method: "POST", scope: "public" },

  // Case work, narrowed to the staff member's own center.
  { path: "/staff/queue", method: "GET", scope: "permission", anyOf: ["read:case:center"] },
  { path: "/staff/queue/export.csv", method: "GET", scope: "permission", anyOf: ["export:case:center"] },
  { path: "/staff/cases/:id", method: "GET", scope: "center", anyOf: ["read:case:center"] },
  ...CASE_ACTION_NAMES.map(caseAction),
  { path: "/staff/documents/:documentId", method: "GET", scope: "center", anyOf: ["read:case:center"] },

  // Certificates of the center: the record for anyone working its cases, revocation for supervisors.
  { path: "/staff/certificates/:number", method: "GET", scope: "center", anyOf: ["read:case:center"] },
  { path: "/staff/certificates/:number", method: "POST", scope: "center", anyOf: ["revoke:certificate:center"] },
  // Holders' disputes of the center's certificates: read by caseworkers, decided by supervisors.
  { path: "/staff/disputes", method: "GET", scope: "permission", anyOf: ["read:case:center"] },
  { path: "/staff/disputes", method: "POST", intent: "uphold", scope: "permission", anyOf: ["revoke:certificate:center"] },
  { path: "/staff/disputes", method: "POST", intent: "dismiss", scope: "permission", anyOf: ["revoke:certificate:center"] },

  // The embassy desk: the status of applications its posters referred, never their content.
  { path: "/staff/referrals", method: "GET", scope: "permission", anyOf: ["read:case-status:embassy"] },
  { path: "/staff/assisted", method: "GET", scope: "permission", anyOf: ["assist:application:embassy"] },
  { path: "/staff/assisted", method: "POST", scope: "permission", anyOf: ["assist:application:embassy"] },

  // Figures across every center for those who oversee the service: counts only, no case.
  { path: "/staff/dashboard", method: "GET", scope: "permission", anyOf: ["read:dashboard:any"] },

  // Smuggling reports: investigators and supervisors, any report (reports belong to no center).
  { path: "/staff/reports", method: "GET", scope: "permission", anyOf: ["read:report:any"] },
  { path: "/staff/reports/identifier", method: "GET", scope: "permission", anyOf: ["read:report:any"] },
  { path: "/staff/reports/:id", method: "GET", scope: "permission", anyOf: ["read:report:any"] },
  ...REPORT_ACTION_NAMES.map(reportAction),
  { path: "/staff/reports/:id/cluster", method: "GET", scope: "permission", anyOf: ["read:report:any"] },
  { path: "/staff/reports/:id/cluster.csv", method: "GET", scope: "permission", anyOf: ["export:report:any"] },
  { path: "/staff/reports/evidence/:documentId", method: "GET", scope: "permission", anyOf: ["read:report:any"] },

  // One page, two scopes: the whole log, or the supervisor's own center. Verifying the chain reads all of it.
  { path: "/staff/audit", method: "GET", scope: "permission", anyOf: ["read:audit:any", "read:audit:center"] },
  { path: "/staff/audit", method: "POST", scope: "permission", anyOf: ["read:audit:any"] },

  // Running the system.
  // Public holidays, which the service level skips: kept with the centers.
  { path: "/staff/admin/holidays", method: "GET", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/holidays", method: "POST", intent: "add", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/holidays", method: "POST", intent: "remove", scope: "permission", anyOf: ["manage:center:any"] },
  // Whom a reporter in danger is told to call, per country: kept with the centers.
  { path: "/staff/admin/emergency-contacts", method: "GET", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/emergency-contacts", method: "POST", intent: "add", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/emergency-contacts", method: "POST", intent: "remove", scope: "permission", anyOf: ["manage:center:any"] },
  // Official links, fees and helplines on the public legal-migration page: kept with the centers.
  { path: "/staff/admin/legal-migration", method: "GET", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/legal-migration", method: "POST", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/legal-migration/:key", method: "GET", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/legal-migration/:key", method: "POST", intent: "save", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/legal-migration/:key", method: "POST", intent: "confirm", scope: "permission", anyOf: ["manage:center:any"] },
  // How long closed reports keep their evidence.
  { path: "/staff/admin/report-retention", method: "GET", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/report-retention", method: "POST", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/accounts", method: "GET", scope: "permission", anyOf: ["manage:staff:any"] },
  { path: "/staff/admin/accounts/new", method: "GET", scope: "permission", anyOf: ["manage:staff:any"] },
  { path: "/staff/admin/accounts/new", method: "POST", scope: "permission", anyOf: ["manage:staff:any"] },
  { path: "/staff/admin/accounts/:id", method: "GET", scope: "permission", anyOf: ["manage:staff:any"] },
  accountAction("role"),
  accountAction("disable"),
  accountAction("enable"),
  accountAction("unlock"),
  accountAction("reset_totp"),
  accountAction("reinvite"),
  { path: "/staff/admin/centers", method: "GET", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/centers/:slug", method: "GET", scope: "permission", anyOf: ["manage:center:any"] },
  { path: "/staff/admin/centers/:slug", method: "POST", scope: "permission", anyOf: ["manage:center:any"] },
];

/** How a request should end: served, refused (403), not found (404), or sent to sign in. */
export type Access = "allow" | "forbidden" | "not-found" | "sign-in";

/** The entries a route takes a case in: called for a case of the staff member's own center and of another. */
export function takesCase(rule: StaffRouteRule): boolean {
  return rule.scope === "center";
}

/**
 * What a request should get, from the table and the role table alone. `role` null is an anonymous
 * visitor; `caseCenter` says whose case a "center" route was called for.
 */
export function expectedAccess(rule: StaffRouteRule, role: Role | null, caseCenter: "own" | "other" | null = null): Access {
  if (rule.scope === "public") return "allow";
  if (role === null) return "sign-in";
  if (rule.scope === "sign-in" || rule.scope === "any-staff") return "allow";
  // The permission is checked before the case is looked up: a role without it learns nothing about the case.
  if (!rule.anyOf.some((permission) => can(role, permission))) return "forbidden";
  if (rule.scope === "center" && caseCenter !== "own") return "not-found";
  return "allow";
}

/** "POST /staff/cases/:id claim": one name per entry, for reports. */
export function describeRule(rule: Pick<StaffRouteRule, "method" | "path" | "intent">): string {
  return `${rule.method} ${rule.path}${rule.intent ? ` ${rule.intent}` : ""}`;
}
