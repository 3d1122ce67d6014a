import { describe, expect, it } from "vitest";
import { groupOpeningHours } from "~/domain/opening-hours";
import { closesField, hoursFormValues, opensField, parseHoursForm, readStoredHours, type Weekday, writeStoredHours } from "./center-hours";

const dayName = (day: Weekday) => ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day]!;

function form(days: Partial<Record<Weekday, [string, string]>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [day, [opens, closes]] of Object.entries(days)) {
    values[opensField(Number(day) as Weekday)] = opens;
    values[closesField(Number(day) as Weekday)] = closes;
  }
  return values;
}

describe("opening hours from the admin form", () => {
  it("reads a time per box; empty days are closed; typed times such as 9.30 are understood", () => {
    expect(parseHoursForm(form({ 1: ["09:00", "13:00"], 2: ["9.30", "14:00"], 3: ["", ""] }), dayName)).toEqual({
      ok: true,
      hours: [
        { day: 1, opens: "09:00", closes: "13:00" },
        { day: 2, opens: "09:30", closes: "14:00" },
      ],
    });
  });

  it("names the day in each message, on the day's first box", () => {
    const parsed = parseHoursForm(
      form({ 1: ["09:00", ""], 3: ["25:00", "26:00"], 5: ["14:00", "09:00"], 6: ["<b>", "x"], 7: ["12:00", "12:00"] }),
      dayName,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        hours1Opens: { key: "staff:validation.hoursBothTimes", values: { day: "Monday" } },
        hours3Opens: { key: "staff:validation.hoursTimeFormat", values: { day: "Wednesday" } },
        hours5Opens: { key: "staff:validation.hoursCloseAfterOpen", values: { day: "Friday" } },
        hours6Opens: { key: "staff:validation.hoursTimeFormat", values: { day: "Saturday" } },
        hours7Opens: { key: "staff:validation.hoursCloseAfterOpen", values: { day: "Sunday" } },
      },
    });
  });

  it("round-trips through the store and back into the form", () => {
    const hours = [
      { day: 5 as const, opens: "10:00", closes: "12:00" },
      { day: 1 as const, opens: "09:00", closes: "13:00" },
    ];
    const stored = writeStoredHours(hours);
    expect(readStoredHours(stored)).toEqual([hours[1], hours[0]]);
    expect(hoursFormValues(readStoredHours(stored))).toMatchObject({ hours1Opens: "09:00", hours1Closes: "13:00", hours2Opens: "" });
    expect(writeStoredHours([])).toBeNull();
  });

  it("shows no hours rather than wrong ones when the stored value is damaged", () => {
    for (const stored of [
      "not json",
      "{}",
      '[{"day":8,"opens":"09:00","closes":"10:00"}]',
      '[{"day":1,"opens":"10:00","closes":"09:00"}]',
      "[]",
    ]) {
      expect(readStoredHours(stored)).toBeNull();
    }
    const twice = JSON.stringify([
      { day: 1, opens: "09:00", closes: "10:00" },
      { day: 1, opens: "11:00", closes: "12:00" },
    ]);
    expect(readStoredHours(twice)).toBeNull();
  });
});

describe("opening hours as a person reads them", () => {
  it("joins consecutive days with the same times and says which days are closed", () => {
    const weekdays = ([1, 2, 3, 4] as const).map((day) => ({ day, opens: "09:00", closes: "13:00" }));
    expect(groupOpeningHours([...weekdays, { day: 5, opens: "09:00", closes: "12:00" }])).toEqual([
      { from: 1, to: 4, times: { opens: "09:00", closes: "13:00" } },
      { from: 5, to: 5, times: { opens: "09:00", closes: "12:00" } },
      { from: 6, to: 7, times: null },
    ]);
    // Monday and Wednesday are not consecutive.
    expect(groupOpeningHours([weekdays[0]!, weekdays[2]!]).map((l) => [l.from, l.to])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 7],
    ]);
  });
});
