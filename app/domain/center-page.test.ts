import { describe, expect, it } from "vitest";
import {
  CENTER_SERVICES,
  centerPageLanguage,
  foldForSearch,
  isCenterSlug,
  mapLinks,
  matchesCenterSearch,
  readCodes,
  SPOKEN_LANGUAGES,
  writeCodes,
} from "./center-page";

describe("the language a center's link opens in", () => {
  it("is the country's language where the portal speaks it, Urdu in Pakistan, English elsewhere", () => {
    expect(["GR", "IT", "PK", "ES", "FR", "GB"].map(centerPageLanguage)).toEqual(["el", "it", "ur", "en", "en", "en"]);
  });
});

describe("finding a center by what a visitor types", () => {
  const athens = ["Embassy of Pakistan, Athens", "سفارت خانہ پاکستان، ایتھنز", "Πρεσβεία του Πακιστάν, Αθήνα", "Ελλάδα", "Greece"];

  it("ignores case, accents and punctuation", () => {
    expect(foldForSearch("  ΑΘΉΝΑ, Grèce! ")).toBe("αθηνα grece");
    expect(matchesCenterSearch("αθηνα", athens)).toBe(true);
    expect(matchesCenterSearch("ATHENS", athens)).toBe(true);
    expect(matchesCenterSearch("greece embassy", athens)).toBe(true);
  });

  it("finds Urdu text whether or not it carries diacritics", () => {
    expect(matchesCenterSearch("ایتھنز", athens)).toBe(true);
    expect(matchesCenterSearch("اَیتھنز", athens)).toBe(true);
  });

  it("needs every word, and an empty query shows everything", () => {
    expect(matchesCenterSearch("athens rome", athens)).toBe(false);
    expect(matchesCenterSearch("   ", athens)).toBe(true);
    expect(matchesCenterSearch("<script>", athens)).toBe(false);
  });
});

describe("codes stored in one column", () => {
  it("keeps known codes in the listed order and drops unknown ones", () => {
    expect(readCodes("report_help,nonsense,certificate_help", CENTER_SERVICES)).toEqual(["certificate_help", "report_help"]);
    expect(readCodes(null, SPOKEN_LANGUAGES)).toEqual([]);
    expect(writeCodes(["es", "ur", "ur"], SPOKEN_LANGUAGES)).toBe("ur,es");
    expect(writeCodes([], SPOKEN_LANGUAGES)).toBeNull();
  });
});

describe("map links", () => {
  it("are plain links to the phone's map app and to OpenStreetMap, or none without both coordinates", () => {
    expect(mapLinks(37.98381, 23.727539)).toEqual({
      geo: "geo:37.983810,23.727539",
      openStreetMap: "https://www.openstreetmap.org/?mlat=37.983810&mlon=23.727539#map=18/37.983810/23.727539",
    });
    expect(mapLinks(37.9, null)).toBeNull();
  });
});

describe("center slugs", () => {
  it("are lower-case words joined by hyphens", () => {
    expect(["athens", "dera-ghazi-khan", "x1"].every(isCenterSlug)).toBe(true);
    expect(["Athens", "-athens", "athens-", "a--b", "../etc", "a b", "", "a".repeat(65), 7].some(isCenterSlug)).toBe(false);
  });
});
