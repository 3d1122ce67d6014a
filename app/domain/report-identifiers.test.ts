import { describe, expect, it } from "vitest";
import {
  identifierKey,
  normalizePhone,
  phoneCountries,
  readPhoneIdentifier,
  readProfileIdentifier,
  readSearchIdentifier,
} from "./report-identifiers";

describe("phone numbers in reports", () => {
  it("reads every common way of writing one Pakistani number as one E.164 number", () => {
    for (const written of ["+92 300 1234567", "0300-1234567", "00923001234567", "923001234567", "+92 (300) 123-4567", "۰۳۰۰۱۲۳۴۵۶۷"]) {
      expect(normalizePhone(written, "PK"), written).toBe("+923001234567");
    }
  });

  it("reads local numbers in the country chosen for the offer", () => {
    expect(normalizePhone("6912345678", "GR")).toBe("+306912345678");
    expect(normalizePhone("+39 312 345 6789", "GR")).toBe("+393123456789");
    expect(normalizePhone("312 345 6789", "IT")).toBe("+393123456789");
  });

  it("tries the offer's countries in turn, then Pakistan, for a local number", () => {
    const countries = phoneCountries("GR", "PK");
    expect(readPhoneIdentifier("6912345678", countries)).toMatchObject({ kind: "phone", value: "+306912345678" });
    expect(readPhoneIdentifier("0300-1234567", countries)).toMatchObject({ kind: "phone", value: "+923001234567" });
  });

  it("keeps what is no number as flagged text, never refusing it", () => {
    for (const junk of ["call Bilal after Isha", "12", "<script>", "9".repeat(40)]) {
      const read = readPhoneIdentifier(junk, ["PK"]);
      expect(read.kind, junk).toBe("text");
      expect(read.flagged).toBe(true);
      expect(read.raw).toBe(junk);
    }
  });

  it("takes wa.me links as the phone number they open", () => {
    expect(readPhoneIdentifier("https://wa.me/923001234567", ["PK"])).toMatchObject({ kind: "phone", value: "+923001234567" });
    expect(readProfileIdentifier("wa.me/306912345678?text=hi")).toMatchObject({ kind: "phone", value: "+306912345678" });
  });
});

describe("profiles in reports", () => {
  const handle = (input: string, platform?: Parameters<typeof readProfileIdentifier>[1]) =>
    identifierKey(readProfileIdentifier(input, platform));

  it("reduces Facebook links in all their forms to one handle", () => {
    expect(handle("https://www.facebook.com/Agent.Ali/")).toBe("facebook:agent.ali");
    expect(handle("m.facebook.com/agent.ali?ref=bookmarks")).toBe("facebook:agent.ali");
    expect(handle("fb.com/agent.ali")).toBe("facebook:agent.ali");
    expect(handle("https://www.facebook.com/profile.php?id=100012345678")).toBe("facebook:id:100012345678");
    expect(handle("https://m.facebook.com/profile.php?id=100012345678&mibextid=ZbWKwL")).toBe("facebook:id:100012345678");
  });

  it("reads TikTok, Instagram and Telegram links and handles", () => {
    expect(handle("https://www.tiktok.com/@Europe.Jobs.2026?lang=en")).toBe("tiktok:europe.jobs.2026");
    expect(handle("tiktok.com/@europe.jobs.2026/video/7301234567890")).toBe("tiktok:europe.jobs.2026");
    expect(handle("@Europe.Jobs.2026", "tiktok")).toBe("tiktok:europe.jobs.2026");
    expect(handle("https://instagram.com/visa_italy_fast/")).toBe("instagram:visa_italy_fast");
    expect(handle("t.me/GreeceRouteAgent")).toBe("telegram:greecerouteagent");
  });

  it("keeps an unreadable profile as flagged text", () => {
    expect(readProfileIdentifier("the man from the shop in Gujrat")).toMatchObject({ kind: "text", flagged: true });
    expect(readProfileIdentifier("@name")).toMatchObject({ kind: "text" });
    expect(readProfileIdentifier("https://example.com/agent")).toMatchObject({ kind: "text" });
  });

  it("reads a search the way it reads a report", () => {
    expect(identifierKey(readSearchIdentifier("0300 1234567"))).toBe("phone:+923001234567");
    expect(identifierKey(readSearchIdentifier("https://vm.tiktok.com/@europe.jobs.2026"))).toBe("tiktok:europe.jobs.2026");
  });
});
