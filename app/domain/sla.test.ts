import { describe, expect, it } from "vitest";
import { dueAt, slaState, workingDaysBetween } from "./sla";

describe("service level", () => {
  it("counts Monday to Friday only", () => {
    // Friday 27 Nov 2026 10:00 UTC + 10 working days = Friday 11 Dec 2026 10:00.
    expect(dueAt(new Date("2026-11-27T10:00:00Z")).toISOString()).toBe("2026-12-11T10:00:00.000Z");
    // Saturday submission: the clock starts on Monday.
    expect(dueAt(new Date("2026-11-28T10:00:00Z")).toISOString()).toBe("2026-12-11T10:00:00.000Z");
    expect(workingDaysBetween(new Date("2026-11-27T00:00:00Z"), new Date("2026-11-30T00:00:00Z"))).toBe(1);
    expect(workingDaysBetween(new Date("2026-11-30T00:00:00Z"), new Date("2026-11-27T00:00:00Z"))).toBe(-1);
  });

  it("marks a case late once the due moment has passed", () => {
    expect(slaState("2026-11-27T10:00:00Z", new Date("2026-12-11T09:59:00Z")).late).toBe(false);
    expect(slaState("2026-11-27T10:00:00Z", new Date("2026-12-11T10:01:00Z")).late).toBe(true);
    expect(slaState("2026-11-27T10:00:00Z", new Date("2026-11-27T10:00:00Z")).workingDaysLeft).toBe(10);
  });
});
