import { expect, it } from "vitest";
import { parseForm } from "~/utils/form";
import { dashboardQuerySchema } from "./dashboard";

const parse = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  return parseForm(dashboardQuerySchema("2026-12-03"), form);
};

it("falls back to the twelve weeks ending today, end by end", () => {
  expect(parse({})).toEqual({ ok: true, data: { from: "2026-09-11", to: "2026-12-03" } });
  expect(parse({ from: "2026-11-01" })).toEqual({ ok: true, data: { from: "2026-11-01", to: "2026-12-03" } });
  expect(parse({ from: " 2025-12-04 ", to: "2026-12-03" })).toEqual({ ok: true, data: { from: "2025-12-04", to: "2026-12-03" } });
});

it("names what is wrong with each date, keeping what was typed", () => {
  expect(parse({ from: "2026-02-30", to: "2026-03-01" })).toEqual({
    ok: false,
    errors: { from: "staff:validation.dateFormat" },
    values: { from: "2026-02-30", to: "2026-03-01" },
  });
  expect(parse({ from: "1926-01-01" })).toMatchObject({ ok: false, errors: { from: "staff:validation.dashboardDateBounds" } });
  expect(parse({ to: "2027-01-01" })).toMatchObject({ ok: false, errors: { to: "staff:validation.dashboardDateBounds" } });
  expect(parse({ from: "20266-01-01" })).toMatchObject({ ok: false, errors: { from: "staff:validation.dateFormat" } });
  expect(parse({ from: "2026-11-10", to: "2026-11-09" })).toMatchObject({ ok: false, errors: { to: "staff:validation.dateOrder" } });
  // Two years at most: 1 December 2024 to 1 December 2026 is 731 days, both ends included; a day more is too long.
  expect(parse({ from: "2024-12-01", to: "2026-12-01" })).toEqual({ ok: true, data: { from: "2024-12-01", to: "2026-12-01" } });
  expect(parse({ from: "2024-11-30", to: "2026-12-01" })).toMatchObject({
    ok: false,
    errors: { from: "staff:validation.dashboardPeriodTooLong" },
  });
});
