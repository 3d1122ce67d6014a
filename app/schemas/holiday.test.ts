import * as z from "zod/mini";
import { expect, it } from "vitest";
import { holidaySchema } from "./holiday";

const today = "2026-11-28";
const parse = (values: Record<string, string>) => {
  const result = z.safeParse(holidaySchema(today), values);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message])) };
};

it("takes a date from today on with a name", () => {
  expect(parse({ dateDay: "25", dateMonth: "12", dateYear: "2026", name: "  Quaid-e-Azam Day " })).toEqual({
    ok: true,
    data: { day: "2026-12-25", name: "Quaid-e-Azam Day" },
  });
  expect(parse({ dateDay: "28", dateMonth: "11", dateYear: "2026", name: "Today" })).toMatchObject({
    ok: true,
    data: { day: "2026-11-28" },
  });
});

it("says what is wrong with each field at once", () => {
  expect(parse({ dateDay: "", dateMonth: "", dateYear: "", name: "" })).toEqual({
    ok: false,
    errors: { name: "staff:validation.holidayNameRequired", date: "staff:validation.holidayDateRequired" },
  });
  expect(parse({ dateDay: "27", dateMonth: "11", dateYear: "2026", name: "x" })).toMatchObject({
    errors: { date: "staff:validation.holidayPast" },
  });
  expect(parse({ dateDay: "29", dateMonth: "11", dateYear: "2029", name: "x" })).toMatchObject({
    errors: { date: "staff:validation.holidayTooFar" },
  });
  expect(parse({ dateDay: "28", dateMonth: "11", dateYear: "2029", name: "x" })).toMatchObject({ ok: true });
  expect(parse({ dateDay: "31", dateMonth: "2", dateYear: "2027", name: "x" })).toMatchObject({ errors: { date: "validation:date.real" } });
  expect(parse({ dateDay: "5", dateMonth: "", dateYear: "2027", name: "x" })).toMatchObject({
    errors: { date: "validation:date.incomplete" },
  });
  expect(parse({ dateDay: "5", dateMonth: "2", dateYear: "2027", name: "x".repeat(101) })).toMatchObject({
    errors: { name: "staff:validation.holidayNameTooLong" },
  });
});
