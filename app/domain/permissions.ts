/**
 * Who may do what, as data: `action:entity:scope` strings and one table from staff role to
 * permissions. The server decides with requirePermission; `can` only hides buttons. Scopes are matched
 * exactly, not ranked: "any" does not imply "center". A route that serves several scopes asks for each
 * by name, and narrowing records to the user's center is the model's job.
 */

export const ROLES = ["officer", "supervisor", "investigator", "embassy_desk", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** An officer's work on the cases of their own center (a service center, or an embassy handling applications). */
const OFFICER = [
  "read:case:center",
  "note:case:center",
  "claim:case:center",
  "release:case:center",
  "request_information:case:center",
  "approve:case:center",
  "reject:case:center",
  // Handing over a certificate at the counter is done by whoever staffs it.
  "mark_collected:case:center",
] as const;

export const PERMISSIONS = [
  ...OFFICER,
  "reassign:case:center",
  "export:case:center",
  "revoke:certificate:center",
  "read:audit:center",
  // Smuggling reports are not tied to a center: any investigator may take any report.
  "read:report:any",
  "triage:report:any",
  // A cluster as CSV, for the FIA: agent identifiers and report references, never the reporter's contact.
  "export:report:any",
  // An embassy desk answers "where is my application?" without seeing the application.
  "read:case-status:embassy",
  // The desk starts an application for a visitor sitting with them, with the visitor's consent.
  "assist:application:embassy",
  "manage:staff:any",
  "manage:center:any",
  "read:audit:any",
  // Figures across every center (counts, weeks, days to issue), never a case: for whoever oversees the service.
  "read:dashboard:any",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  officer: OFFICER,
  // Supervisors oversee the report work too, so a cluster is never left with one investigator only.
  supervisor: [
    ...OFFICER,
    "reassign:case:center",
    "revoke:certificate:center",
    "export:case:center",
    "read:audit:center",
    "read:report:any",
    "triage:report:any",
    "export:report:any",
    "read:dashboard:any",
  ],
  // Separation of duties: investigating smuggling offers needs no applicant's personal data.
  investigator: ["read:report:any", "triage:report:any", "export:report:any"],
  embassy_desk: ["read:case-status:embassy", "assist:application:embassy"],
  // Runs the system, not the work: no case or report content, so one account cannot read everything.
  admin: ["manage:staff:any", "manage:center:any", "read:audit:any", "read:dashboard:any"],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
