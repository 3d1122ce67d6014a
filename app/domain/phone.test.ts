import { describe, expect, it } from "vitest";
import { parsePhone } from "./phone";

describe("parsePhone", () => {
  it.each([
    ["+30 691 234 5678", undefined, "+306912345678"],
    ["+306912345678", undefined, "+306912345678"],
    ["0030 691 234 5678", undefined, "+306912345678"],
    ["00306912345678", "IT", "+306912345678"],
    ["0030 691 234 5678", "US", "+306912345678"],
    ["(+30) 691 234 5678", undefined, "+306912345678"],
    ["(0030) 691-234-5678", undefined, "+306912345678"],
    ["+30-691-234-5678", undefined, "+306912345678"],
    ["+30 (691) 234 5678", undefined, "+306912345678"],
    ["+30\u00a0691\u00a0234\u00a05678", undefined, "+306912345678"],
    ["＋３０ ６９１ ２３４ ５６７８", undefined, "+306912345678"],
    ["+۳۰ ۶۹۱ ۲۳۴ ۵۶۷۸", undefined, "+306912345678"],
    ["691 234 5678", "GR", "+306912345678"],
    ["691 234 5678", "gr", "+306912345678"],
    ["0300 1234567", "PK", "+923001234567"],
    ["+92 300 1234567", "GR", "+923001234567"],
    ["0092 300 1234567", "GR", "+923001234567"],
    ["+39 312 345 6789", undefined, "+393123456789"],
    ["+44 (0) 7911 123456", undefined, "+447911123456"],
    ["011 30 691 234 5678", "US", "+306912345678"],
  ])("reads %j (default country %s) as %s", (input, country, e164) => {
    expect(parsePhone(input, country)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ["691 234 5678", undefined, "a national number with no country to go by"],
    ["691 234 5678", "XX", "an unknown default country"],
    ["+30 691 234", undefined, "too short"],
    ["+30 691 234 56789", undefined, "too long"],
    ["+30 191 234 5678", undefined, "not a Greek number"],
    ["03001234567", "GR", "a Pakistani national number read as Greek"],
    ["+30 691 234 5678 ext. 12", undefined, "an extension"],
    ["call +30 691 234 5678", undefined, "text around the number"],
    ["++30 691 234 5678", undefined, "doubled plus"],
    ["+30 691 234 567a", undefined, "a letter"],
    ["", undefined, "nothing"],
    [`+30 691 234 5678${" ".repeat(100)}`, undefined, "absurdly long"],
  ])("refuses %j (default country %s): %s", (input, country, _why) => {
    expect(parsePhone(input, country)).toEqual({ ok: false, error: "validation:phone.format" });
  });
});
