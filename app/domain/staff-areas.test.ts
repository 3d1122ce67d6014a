import { expect, it } from "vitest";
import { ROLES } from "./permissions";
import { currentStaffArea, staffAreas } from "./staff-areas";

it("shows each role the areas it may open, each once", () => {
  const paths = Object.fromEntries(ROLES.map((role) => [role, staffAreas(role).map((a) => a.path)]));
  expect(paths).toEqual({
    officer: ["/staff/queue", "/staff/disputes"],
    supervisor: ["/staff/queue", "/staff/disputes", "/staff/dashboard", "/staff/reports", "/staff/audit"],
    investigator: ["/staff/reports"],
    embassy_desk: ["/staff/referrals", "/staff/assisted"],
    admin: [
      "/staff/dashboard",
      "/staff/admin/accounts",
      "/staff/admin/centers",
      "/staff/admin/holidays",
      "/staff/admin/emergency-contacts",
      "/staff/admin/legal-migration",
      "/staff/admin/report-retention",
      "/staff/audit",
    ],
  });
});

it("marks the area a page belongs to", () => {
  const areas = staffAreas("supervisor");
  expect(currentStaffArea(areas, "/staff/queue")).toBe("/staff/queue");
  expect(currentStaffArea(areas, "/staff/cases/0b6f")).toBe("/staff/queue");
  expect(currentStaffArea(areas, "/staff/certificates/PCC-C-1")).toBe("/staff/queue");
  expect(currentStaffArea(areas, "/staff/audit")).toBe("/staff/audit");
  expect(currentStaffArea(areas, "/staff/reports/0b6f/cluster")).toBe("/staff/reports");
  expect(currentStaffArea(areas, "/staff")).toBeNull();
  expect(currentStaffArea(areas, "/staff/queuex")).toBeNull();
  expect(currentStaffArea(staffAreas("admin"), "/staff/admin/accounts/42")).toBe("/staff/admin/accounts");
  expect(currentStaffArea(staffAreas("admin"), "/staff/admin/legal-migration/pk-beoe-site")).toBe("/staff/admin/legal-migration");
});
