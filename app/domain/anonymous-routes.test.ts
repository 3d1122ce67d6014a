import { describe, expect, it } from "vitest";
import { isAnonymousPath } from "./anonymous-routes";

describe("anonymous routes", () => {
  it("covers the report journey and its follow-up in every language", () => {
    for (const lang of ["ur", "en", "el", "it"]) {
      for (const path of [`/${lang}/report`, `/${lang}/report/`, `/${lang}/report.data`, `/${lang}/report/follow-up`]) {
        expect(isAnonymousPath(path), path).toBe(true);
      }
    }
  });

  it("covers the quick exit", () => {
    expect(isAnonymousPath("/exit")).toBe(true);
    expect(isAnonymousPath("/exits")).toBe(false);
  });

  it("leaves other pages alone", () => {
    for (const path of ["/en", "/en/reports", "/en/reporting", "/staff/reports", "/fr/report", "/en/certificate/report"]) {
      expect(isAnonymousPath(path), path).toBe(false);
    }
  });
});
