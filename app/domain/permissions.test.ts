import { describe, expect, expectTypeOf, it } from "vitest";
import type { StaffUserTable } from "../../db/schema";
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS, can, type Permission, type Role } from "./permissions";

const SHAPE = /^[a-z-_]+:[a-z-_]+:(own|center|embassy|any)$/;
const entity = (p: Permission) => p.split(":")[1];
const entities = (role: Role) => ROLE_PERMISSIONS[role].map(entity);

describe("permission table", () => {
  it("has the roles the database stores", () => {
    expectTypeOf<Role>().toEqualTypeOf<StaffUserTable["role"]>();
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it("writes every permission as action:entity:scope", () => {
    for (const p of PERMISSIONS) expect(p).toMatch(SHAPE);
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(p).toMatch(SHAPE);
  });

  it("lists each permission once, and gives every permission to some role", () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const role of ROLES) expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
    const granted = new Set(ROLES.flatMap((role) => ROLE_PERMISSIONS[role]));
    expect([...granted].sort()).toEqual([...PERMISSIONS].sort());
  });

  it("gives officers the case work of their center", () => {
    expect([...ROLE_PERMISSIONS.officer].sort()).toEqual(
      [
        "read:case:center",
        "claim:case:center",
        "release:case:center",
        "request_information:case:center",
        "approve:case:center",
        "reject:case:center",
        "note:case:center",
        "mark_collected:case:center",
      ].sort(),
    );
  });

  it("gives supervisors all of an officer's and their own on top", () => {
    for (const p of ROLE_PERMISSIONS.officer) expect(can("supervisor", p)).toBe(true);
    const extra = ROLE_PERMISSIONS.supervisor.filter((p) => !can("officer", p));
    expect(extra.sort()).toEqual([
      "export:case:center",
      "export:report:any",
      "read:audit:center",
      "read:dashboard:any",
      "read:report:any",
      "reassign:case:center",
      "revoke:certificate:center",
      "triage:report:any",
    ]);
  });

  it("keeps admins and investigators away from cases", () => {
    for (const role of ["admin", "investigator"] as const) {
      expect(entities(role)).not.toContain("case");
      expect(entities(role)).not.toContain("case-status");
      expect(entities(role)).not.toContain("certificate");
    }
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual(["manage:center:any", "manage:staff:any", "read:audit:any", "read:dashboard:any"]);
    expect([...ROLE_PERMISSIONS.investigator].sort()).toEqual(["export:report:any", "read:report:any", "triage:report:any"]);
  });

  it("lets only investigators and supervisors near reports", () => {
    for (const role of ROLES) expect(entities(role).includes("report")).toBe(role === "investigator" || role === "supervisor");
  });

  it("lets the embassy desk see a case's status and start an assisted application, and nothing else", () => {
    expect(ROLE_PERMISSIONS.embassy_desk).toEqual(["read:case-status:embassy", "assist:application:embassy"]);
    expect(ROLES.filter((role) => can(role, "assist:application:embassy"))).toEqual(["embassy_desk"]);
  });
});

describe("can", () => {
  it("matches the table for every role and permission", () => {
    for (const role of ROLES) for (const p of PERMISSIONS) expect(can(role, p)).toBe(ROLE_PERMISSIONS[role].includes(p));
  });

  it("matches scopes exactly: any does not stand in for center", () => {
    expect(can("admin", "read:audit:any")).toBe(true);
    expect(can("admin", "read:audit:center")).toBe(false);
    expect(can("supervisor", "read:audit:any")).toBe(false);
  });
});
