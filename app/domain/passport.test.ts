import { describe, expect, it } from "vitest";
import { parsePassportNumber } from "./passport";

describe("Pakistani passports", () => {
  it.each([
    ["AB1234567", "as printed"],
    ["ab1234567", "lower case"],
    [" AB 123 4567 ", "spaces"],
    ["AB-1234567", "a hyphen"],
    ["ＡＢ１２３４５６７", "full-width"],
    ["AB۱۲۳۴۵۶۷", "Urdu digits"],
  ])("reads %j (%s)", (input) => {
    expect(parsePassportNumber(input, "PK")).toEqual({ ok: true, value: "AB1234567" });
  });

  it("takes the country code in either case", () => {
    expect(parsePassportNumber("AB1234567", "pk")).toEqual({ ok: true, value: "AB1234567" });
  });

  it.each([
    ["A1234567", "one letter"],
    ["ABC123456", "three letters"],
    ["AB123456", "six digits"],
    ["AB12345678", "eight digits"],
    ["1234567AB", "letters last"],
    ["AB12345O7", "letter O among the digits"],
    ["AB1234567!", "punctuation"],
    ["", "nothing"],
  ])("refuses %j (%s) with the Pakistani message", (input) => {
    expect(parsePassportNumber(input, "PK")).toEqual({ ok: false, error: "validation:passport.formatPakistan" });
  });
});

describe("other countries' passports", () => {
  it.each([
    ["AB123456", "GR"],
    ["YA1234567", "IT"],
    ["123456789", "GB"],
    ["C01X00T47", "DE"],
    ["x1234567", "FR"],
    ["AB1234567", "AE"],
    ["123456", "US"],
  ])("accepts %j issued by %s", (input, country) => {
    expect(parsePassportNumber(input, country)).toEqual({ ok: true, value: input.toUpperCase() });
  });

  it.each([
    ["12345", "five characters"],
    ["1234567890", "ten characters"],
    ["AB12345/6", "a slash"],
    ["ΑΒ123456", "Greek letters"],
    ["", "nothing"],
    ["A".repeat(100), "absurdly long"],
  ])("refuses %j (%s)", (input) => {
    expect(parsePassportNumber(input, "GR")).toEqual({ ok: false, error: "validation:passport.format" });
  });
});
