import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/form";
import { AuditQuerySchema } from "./audit";
import { ISO_DATE_PATTERN, isIsoDate, readCalendarDate } from "./date";

const query = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe("isIsoDate", () => {
  it.each(["2026-11-28", "2024-02-29", "2000-01-01"])("takes %s", (value) => {
    expect(isIsoDate(value)).toBe(true);
  });
  it.each(["2023-02-29", "2026-13-01", "2026-11-31", "2026-1-5", "26-11-28", "2026-11-28T00:00", " 2026-11-28", ""])(
    "refuses %j",
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
  it("is stricter than the shape alone", () => {
    expect(ISO_DATE_PATTERN.test("2026-02-30")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
  });
});

describe("readCalendarDate", () => {
  it("reads the day, month and year fields", () => {
    expect(readCalendarDate(" 5", "3 ", "2027", "staff:validation.holidayDateRequired")).toEqual({ ok: true, iso: "2027-03-05" });
  });
  it.each([
    [["", "", ""], "staff:validation.holidayDateRequired"],
    [["5", "", "2027"], "validation:date.incomplete"],
    [["31", "4", "2027"], "validation:date.real"],
    [["5", "3", "27"], "validation:date.real"],
    [["five", "3", "2027"], "validation:date.real"],
  ] as const)("refuses %j with %s", ([d, m, y], key) => {
    expect(readCalendarDate(d, m, y, "staff:validation.holidayDateRequired")).toEqual({ ok: false, error: key });
  });
});

describe("the audit log's date filters", () => {
  it("take real dates, in order", () => {
    expect(parseForm(AuditQuerySchema, query({ from: "2026-11-01", to: "2026-11-28" }))).toMatchObject({
      ok: true,
      data: { from: "2026-11-01", to: "2026-11-28" },
    });
    expect(parseForm(AuditQuerySchema, query({ from: "2026-02-30" }))).toMatchObject({
      ok: false,
      errors: { from: "staff:validation.dateFormat" },
    });
    expect(parseForm(AuditQuerySchema, query({ from: "2026-11-28", to: "2026-11-01" }))).toMatchObject({
      ok: false,
      errors: { to: "staff:validation.dateOrder" },
    });
  });
  it("do not also complain about the order of a date that is not real", () => {
    const parsed = parseForm(AuditQuerySchema, query({ from: "2026-11-28", to: "2026-11-31" }));
    expect(parsed.ok ? null : parsed.errors).toEqual({ to: "staff:validation.dateFormat" });
  });
});
