import { describe, expect, it } from "vitest";
import { dueAt, pakistanDate, slaState, workingDaysBetween } from "./sla";

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

  it("does not count public holidays", () => {
    // Quaid-e-Azam Day, Friday 25 Dec 2026, pushes a case due that day to Monday 28 Dec.
    const holidays = new Set(["2026-12-25"]);
    expect(dueAt(new Date("2026-12-11T10:00:00Z")).toISOString()).toBe("2026-12-25T10:00:00.000Z");
    expect(dueAt(new Date("2026-12-11T10:00:00Z"), holidays).toISOString()).toBe("2026-12-28T10:00:00.000Z");
    // A holiday on a weekend changes nothing; one after the due date neither.
    expect(dueAt(new Date("2026-11-27T10:00:00Z"), new Set(["2026-11-28", "2026-12-14"])).toISOString()).toBe("2026-12-11T10:00:00.000Z");
    expect(workingDaysBetween(new Date("2026-12-24T10:00:00Z"), new Date("2026-12-28T10:00:00Z"), holidays)).toBe(1);
    expect(slaState("2026-12-11T10:00:00Z", new Date("2026-12-26T10:00:00Z"), holidays)).toMatchObject({ late: false, workingDaysLeft: 1 });
    expect(slaState("2026-12-11T10:00:00Z", new Date("2026-12-26T10:00:00Z")).late).toBe(true);
  });

  it("counts days on Pakistan's calendar, not UTC's", () => {
    // 20:00 UTC on Thursday 24 Dec is already Friday 25 Dec, 01:00, in Lahore.
    expect(pakistanDate(new Date("2026-12-24T20:00:00Z"))).toBe("2026-12-25");
    expect(pakistanDate(new Date("2026-12-24T18:59:59Z"))).toBe("2026-12-24");
    // Submitted Friday 22:00 UTC, Saturday 03:00 in Pakistan: the clock starts on Monday there, so it is
    // due Friday 11 Dec at 03:00 in Pakistan (counted in UTC days it would be a day later).
    expect(dueAt(new Date("2026-11-27T22:00:00Z")).toISOString()).toBe("2026-12-10T22:00:00.000Z");
    // A holiday named by its Pakistani date covers the UTC evening before it.
    expect(workingDaysBetween(new Date("2026-12-23T20:00:00Z"), new Date("2026-12-24T20:00:00Z"), new Set(["2026-12-25"]))).toBe(0);
  });
});
