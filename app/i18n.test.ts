import { describe, expect, it } from "vitest";
import { languageFromPath, negotiateLanguage, pathInLanguage, textDirection } from "./i18n";

describe("negotiateLanguage", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["el-GR,el;q=0.9,en;q=0.8", "el"],
    ["it-IT", "it"],
    ["ur-PK,ur;q=0.9", "ur"],
    ["fr-FR,fr;q=0.9", "en"],
    ["fr-FR,it;q=0.5,el;q=0.7", "el"],
    ["de;q=1, ur;q=0", "en"],
    ["EL", "el"],
    ["*", "en"],
    ["it;q=abc,el", "el"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe("language in the URL", () => {
  it("reads the prefix", () => {
    expect(languageFromPath("/ur/centers")).toBe("ur");
    expect(languageFromPath("/el")).toBe("el");
    expect(languageFromPath("/xx/centers")).toBeNull();
    expect(languageFromPath("/staff/setup")).toBeNull();
    expect(languageFromPath("/english")).toBeNull();
  });

  it("keeps the page and query when switching", () => {
    expect(pathInLanguage("/ur/centers", "?a=1", "el")).toBe("/el/centers?a=1");
    expect(pathInLanguage("/en", "", "ur")).toBe("/ur");
    expect(pathInLanguage("/staff/setup", "?token=abc", "it")).toBe("/staff/setup?token=abc&lng=it");
    expect(pathInLanguage("/staff/setup", "?lng=el", "ur")).toBe("/staff/setup?lng=ur");
  });

  it("gives Urdu right-to-left and the rest left-to-right", () => {
    expect(textDirection("ur")).toBe("rtl");
    expect(["en", "el", "it"].map((l) => textDirection(l as "en"))).toEqual(["ltr", "ltr", "ltr"]);
  });
});
