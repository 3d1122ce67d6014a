import { describe, expect, it } from "vitest";
import { addDays, defaultPeriod, lateSubmissionWindows, percentile, weekStart, weeksOf, wholeDaysBetween } from "./dashboard";
import { slaState } from "./sla";

describe("percentile", () => {
  it("takes the middle value of an odd count and the mean of the two middle values of an even one", () => {
    // 1, 2, 2, 7, 9 → median 2
    expect(
      percentile(
        [
          [2, 2],
          [9, 1],
          [1, 1],
          [7, 1],
        ],
        0.5,
      ),
    ).toBe(2);
    // 1, 2, 7, 9 → median (2 + 7) / 2
    expect(
      percentile(
        [
          [1, 1],
          [2, 1],
          [7, 1],
          [9, 1],
        ],
        0.5,
      ),
    ).toBe(4.5);
  });

  it("interpolates the 90th percentile between closest ranks", () => {
    // 1..10: rank 0.9 × 9 = 8.1 → 9 + 0.1 × (10 − 9)
    expect(
      percentile(
        Array.from({ length: 10 }, (_, i) => [i + 1, 1] as const),
        0.9,
      ),
    ).toBeCloseTo(9.1, 10);
    // 0, 0, 0, 4, 20: rank 3.6 → 4 + 0.6 × 16
    expect(
      percentile(
        [
          [0, 3],
          [4, 1],
          [20, 1],
        ],
        0.9,
      ),
    ).toBeCloseTo(13.6, 10);
    expect(percentile([[5, 1]], 0.9)).toBe(5);
  });

  it("has nothing to say about no cases", () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([[3, 0]], 0.5)).toBeNull();
  });
});

describe("weeks", () => {
  it("start on Monday, also across a year end", () => {
    expect(weekStart("2027-01-01")).toBe("2026-12-28"); // a Friday
    expect(weekStart("2026-12-28")).toBe("2026-12-28");
    expect(weekStart("2027-01-03")).toBe("2026-12-28"); // Sunday ends the week
    expect(weekStart("2027-01-04")).toBe("2027-01-04");
    expect(weeksOf("2026-12-24", "2027-01-05")).toEqual(["2026-12-21", "2026-12-28", "2027-01-04"]);
  });

  it("make the default period twelve weeks ending today", () => {
    expect(defaultPeriod("2026-12-03")).toEqual({ from: "2026-09-11", to: "2026-12-03" });
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});

describe("whole days to issue", () => {
  it("round down and never go below zero", () => {
    expect(wholeDaysBetween("2026-11-02T10:00:00.000Z", "2026-11-02T18:00:00.000Z")).toBe(0);
    expect(wholeDaysBetween("2026-11-02T10:00:00.000Z", "2026-11-05T09:59:59.000Z")).toBe(2);
    expect(wholeDaysBetween("2026-11-02T10:00:00.000Z", "2026-11-05T10:00:00.000Z")).toBe(3);
  });
});

describe("late submission windows", () => {
  const isLateByWindows = (windows: ReturnType<typeof lateSubmissionWindows>, at: string) =>
    at < windows.allBefore || windows.partial.some((w) => at >= w.from && at < w.to);

  it("say late exactly when the service level says late, for every hour of the last five weeks", () => {
    const holidays = new Set(["2026-12-25", "2026-11-09"]);
    for (const now of ["2026-12-03T10:17:00.000Z", "2026-12-07T01:00:00.000Z", "2026-12-05T20:30:00.000Z", "2027-01-04T18:59:59.000Z"]) {
      const moment = new Date(now);
      const windows = lateSubmissionWindows(moment, holidays);
      for (let hours = 0; hours < 35 * 24; hours += 1) {
        for (const minutes of [0, 37]) {
          const at = new Date(moment.getTime() - hours * 3_600_000 - minutes * 60_000).toISOString();
          expect(isLateByWindows(windows, at), `${at} at ${now}`).toBe(slaState(at, moment, holidays).late);
        }
      }
    }
  });

  it("end the open-ended part on a Pakistan midnight", () => {
    const { allBefore } = lateSubmissionWindows(new Date("2026-12-03T10:17:00.000Z"));
    expect(allBefore.slice(11)).toBe("19:00:00.000Z");
  });
});
