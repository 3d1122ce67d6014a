import { expect, it } from "vitest";
import { formatDate, formatDay, formatMoment, formatNumber, formatRupees, joinParts, LONG_MOMENT } from "./format";

const at = "2026-11-28T09:05:00.000Z";

it("writes dates, moments and numbers as each language does, whatever was formatted before", () => {
  // Twice over, in turns: a formatter made for one language or style must never serve another.
  for (let round = 0; round < 2; round += 1) {
    expect(formatDate("en", at)).toBe("28 November 2026");
    expect(formatDate("el", at)).toBe("28 Νοεμβρίου 2026");
    expect(formatDate("it", at)).toBe("28 novembre 2026");
    expect(formatDate("ur", at)).toMatch(/^28 نومبر، 2026$/);
    expect(formatMoment("en", at)).toBe("28 Nov 2026, 09:05");
    expect(formatMoment("en", at, { timeStyle: "medium" })).toBe("28 Nov 2026, 09:05:00");
    expect(formatMoment("en", at, LONG_MOMENT)).toBe("28 November 2026 at 09:05:00 UTC");
    expect(formatMoment("it", new Date(at), LONG_MOMENT)).toBe("28 novembre 2026 alle ore 09:05:00 UTC");
    expect(formatDay("en", "2026-12-25")).toBe("Friday, 25 December 2026");
    expect(formatDay("it", "2026-12-25")).toBe("venerdì 25 dicembre 2026");
    expect(formatNumber("en", 12500)).toBe("12,500");
    expect(formatNumber("el", 12500)).toBe("12.500");
  }
});

it("reads a stored ISO time as UTC, not as the server's zone", () => {
  expect(formatDate("en", "2026-11-28T23:30:00.000Z")).toBe("28 November 2026");
  expect(formatMoment("en", "2026-11-28T23:30:00.000Z")).toBe("28 Nov 2026, 23:30");
});

it("names the rupee in the reader's language, not with a sign or a code", () => {
  expect(formatRupees("en", 500)).toBe("500 Pakistani rupees");
  expect(formatRupees("it", 500)).toBe("500 rupie pakistane");
  expect(formatRupees("el", 500)).toBe("500 ρουπίες Πακιστάν");
  expect(formatRupees("ur", 500)).toBe("500 پاکستانی روپیہ");
});

it("joins the parts of an address with each language's own comma", () => {
  expect(joinParts("ur", ["لاہور", "ماڈل ٹاؤن"])).toBe("لاہور، ماڈل ٹاؤن");
  expect(joinParts("en", ["Lahore", "Model Town"])).toBe("Lahore, Model Town");
  expect(joinParts("el", ["Λαχόρη", "Model Town"])).toBe("Λαχόρη, Model Town");
  expect(joinParts("it", ["Lahore", "Model Town"])).toBe("Lahore, Model Town");
});
