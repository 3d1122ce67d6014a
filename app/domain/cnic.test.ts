import { describe, expect, it } from "vitest";
import { cnicGenderDigitMatches, formatCnic, parseCnic } from "./cnic";

describe("parseCnic", () => {
  it.each([
    ["3520212345671", "13 digits"],
    ["35202-1234567-1", "as printed"],
    [" 35202 1234567 1 ", "spaces"],
    ["35202 - 1234567 - 1", "spaces around hyphens"],
    ["35202–1234567–1", "en dashes"],
    ["۳۵۲۰۲-۱۲۳۴۵۶۷-۱", "Urdu digits"],
    ["٣٥٢٠٢١٢٣٤٥٦٧١", "Arabic-Indic digits"],
    ["３５２０２－１２３４５６７－１", "full-width"],
  ])("reads %j (%s)", (input) => {
    expect(parseCnic(input)).toEqual({ ok: true, value: "3520212345671" });
  });

  it.each([
    ["352021234567", "12 digits"],
    ["35202123456712", "14 digits"],
    ["3520-21234567-1", "hyphens in the wrong places"],
    ["35202-1234567", "last group missing"],
    ["35202-12345671", "one hyphen only"],
    ["35202--1234567-1", "doubled hyphen"],
    ["35202.1234567.1", "dots"],
    ["3520212345b71", "a letter"],
    ["", "nothing"],
    ["3".repeat(100), "absurdly long"],
  ])("says format for %j (%s)", (input) => {
    expect(parseCnic(input)).toEqual({ ok: false, error: "validation:cnic.format" });
  });

  it("accepts every region digit from 1 (Khyber Pakhtunkhwa) to 8 (Azad Jammu and Kashmir)", () => {
    for (const region of "12345678") expect(parseCnic(`${region}1302-1234567-1`).ok).toBe(true);
  });

  it.each([
    ["0520212345671", "region 0"],
    ["9520212345671", "region 9"],
    ["1111111111111", "all ones"],
    ["33333-3333333-3", "all threes"],
    ["8888888888888", "all eights"],
  ])("says invalid for %j (%s)", (input) => {
    expect(parseCnic(input)).toEqual({ ok: false, error: "validation:cnic.invalid" });
  });

  it("refuses every number made of one digit", () => {
    for (const d of "0123456789") expect(parseCnic(d.repeat(13)).ok).toBe(false);
  });
});

describe("formatCnic", () => {
  it("groups 5-7-1", () => {
    expect(formatCnic("3520212345671")).toBe("35202-1234567-1");
    expect(formatCnic(" 35202 1234567 1")).toBe("35202-1234567-1");
  });

  it("shows an unreadable value as it was", () => {
    expect(formatCnic("12345")).toBe("12345");
  });
});

describe("cnicGenderDigitMatches", () => {
  it("expects an odd last digit for men and an even one for women", () => {
    for (const d of "0123456789") {
      const cnic = `35202-1234567-${d}`;
      const odd = Number(d) % 2 === 1;
      expect(cnicGenderDigitMatches(cnic, "male")).toBe(odd);
      expect(cnicGenderDigitMatches(cnic, "female")).toBe(!odd);
    }
  });

  it("flags nothing for other genders or for an unreadable CNIC", () => {
    expect(cnicGenderDigitMatches("35202-1234567-2", "other")).toBe(true);
    expect(cnicGenderDigitMatches("35202-1234567-1", "x")).toBe(true);
    expect(cnicGenderDigitMatches("not a cnic", "male")).toBe(true);
  });
});
