import { describe, expect, it } from "vitest";
import { readFactValue } from "~/domain/legal-fact";
import { parseForm } from "~/utils/form";
import { LEGAL_FACT_FORM } from "../../test/support/legal-fact-fixture";
import { legalFactSchema } from "./legal-fact";

const TODAY = "2026-12-03";
const GOOD = LEGAL_FACT_FORM;

function parse(values: Record<string, string>, withKey = true) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return parseForm(legalFactSchema(TODAY, { withKey }), data);
}

describe("a fact's value, read by its kind", () => {
  it("keeps well-formed https links and refuses every other scheme and shape", () => {
    expect(readFactValue("link", " https://beoe.gov.pk ", "PK")).toEqual({ ok: true, value: "https://beoe.gov.pk/" });
    expect(readFactValue("link", "https://www.interno.gov.it/it/temi/immigrazione", "IT")).toMatchObject({ ok: true });
    for (const url of [
      "http://beoe.gov.pk/",
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<b>x</b>",
      "ftp://beoe.gov.pk/",
    ])
      expect(readFactValue("link", url, "PK")).toEqual({ ok: false, error: "staff:validation.legalUrlHttps" });
    for (const url of [
      "beoe.gov.pk",
      "https://",
      "https://localhost/",
      "https://10.0.0.1/",
      "https://user:pw@beoe.gov.pk/",
      "https://beoe.gov.pk:8443/",
      'https://beoe.gov.pk/"><script>',
      "https://beoe .gov.pk/",
    ])
      expect(readFactValue("link", url, "PK")).toEqual({ ok: false, error: "staff:validation.legalUrlFormat" });
    expect(readFactValue("link", `https://beoe.gov.pk/${"a".repeat(500)}`, "PK")).toEqual({
      ok: false,
      error: "staff:validation.legalUrlFormat",
    });
  });

  it("reads a fee as an amount and an ISO currency, either way round, with a decimal point or comma", () => {
    expect(readFactValue("fee", "90 eur", "GR")).toEqual({ ok: true, value: "90 EUR" });
    expect(readFactValue("fee", "EUR 116,5", "IT")).toEqual({ ok: true, value: "116.50 EUR" });
    expect(readFactValue("fee", "4500 PKR", "PK")).toEqual({ ok: true, value: "4500 PKR" });
    for (const fee of ["90", "ninety EUR", "90 XYZ", "90.123 EUR", "-5 EUR", "90 € "])
      expect(readFactValue("fee", fee, "GR")).toEqual({ ok: false, error: "staff:validation.legalFeeFormat" });
  });

  it("reads a phone number in the destination's format as E.164 and refuses a wrong one", () => {
    expect(readFactValue("phone", "210 672 9700", "GR")).toEqual({ ok: true, value: "+302106729700" });
    expect(readFactValue("phone", "+92 51 111 222 333", "GR")).toMatchObject({ ok: true });
    for (const phone of ["12345", "call us", "+30 210 672 9700 ext. 4"])
      expect(readFactValue("phone", phone, "GR")).toEqual({ ok: false, error: "staff:validation.legalPhoneFormat" });
  });
});

describe("the legal-fact form", () => {
  it("gives the stored shape for good input", () => {
    expect(parse(GOOD)).toEqual({
      ok: true,
      data: {
        key: "gr-migration-ministry",
        destination: "GR",
        kind: "link",
        value: "https://migration.gov.gr/",
        labels: { ur: GOOD.labelUr, en: GOOD.labelEn, el: GOOD.labelEl, it: GOOD.labelIt },
        source: GOOD.source,
        checkedOn: "2026-12-02",
      },
    });
  });

  it("names every missing answer at once", () => {
    expect(parse({})).toMatchObject({
      ok: false,
      errors: {
        key: "staff:validation.legalKeyRequired",
        destination: "staff:validation.legalDestinationRequired",
        kind: "staff:validation.legalKindRequired",
        value: "staff:validation.legalValueRequired",
        labelUr: "staff:validation.legalLabelUrRequired",
        labelEn: "staff:validation.legalLabelEnRequired",
        labelEl: "staff:validation.legalLabelElRequired",
        labelIt: "staff:validation.legalLabelItRequired",
        source: "staff:validation.legalSourceRequired",
        checkedOn: "staff:validation.legalCheckedRequired",
      },
    });
  });

  it("refuses markup, 10,000 characters, javascript: and http: links, a bad phone and impossible dates", () => {
    expect(parse({ ...GOOD, labelEn: "<script>alert(1)</script>" })).toMatchObject({
      ok: false,
      errors: { labelEn: "staff:validation.legalNoMarkup" },
    });
    expect(parse({ ...GOOD, source: "Ministry <b>of</b> Migration" })).toMatchObject({
      ok: false,
      errors: { source: "staff:validation.legalNoMarkup" },
    });
    const long = "a".repeat(10_000);
    expect(parse({ ...GOOD, labelUr: long, source: long, value: long, key: long })).toMatchObject({
      ok: false,
      errors: {
        key: { key: "staff:validation.legalKeyFormat", values: { max: 60 } },
        labelUr: { key: "staff:validation.legalLabelTooLong", values: { max: 150 } },
        source: { key: "staff:validation.legalSourceTooLong", values: { max: 150 } },
        value: { key: "staff:validation.legalValueTooLong", values: { max: 500 } },
      },
    });
    expect(parse({ ...GOOD, value: "javascript:alert(document.cookie)" })).toMatchObject({
      ok: false,
      errors: { value: "staff:validation.legalUrlHttps" },
    });
    expect(parse({ ...GOOD, value: "http://migration.gov.gr/" })).toMatchObject({
      ok: false,
      errors: { value: "staff:validation.legalUrlHttps" },
    });
    expect(parse({ ...GOOD, kind: "phone", value: "0000" })).toMatchObject({
      ok: false,
      errors: { value: "staff:validation.legalPhoneFormat" },
    });
    expect(parse({ ...GOOD, kind: "fee", value: "some money" })).toMatchObject({
      ok: false,
      errors: { value: "staff:validation.legalFeeFormat" },
    });
    expect(parse({ ...GOOD, key: "Bad Key!" })).toMatchObject({ ok: false, errors: { key: "staff:validation.legalKeyFormat" } });
    expect(parse({ ...GOOD, destination: "FR", kind: "email" })).toMatchObject({
      ok: false,
      errors: { destination: "staff:validation.legalDestinationRequired", kind: "staff:validation.legalKindRequired" },
    });
    expect(parse({ ...GOOD, checkedOnDay: "31", checkedOnMonth: "2" })).toMatchObject({
      ok: false,
      errors: { checkedOn: "validation:date.real" },
    });
    expect(parse({ ...GOOD, checkedOnDay: "4" })).toMatchObject({
      ok: false,
      errors: { checkedOn: "staff:validation.legalCheckedFuture" },
    });
    expect(parse({ ...GOOD, checkedOnYear: "1999" })).toMatchObject({ ok: false, errors: { checkedOn: "validation:date.real" } });
  });

  it("ignores a key on an edit: the fact keeps its own", () => {
    expect(parse({ ...GOOD, key: "<anything>" }, false)).toMatchObject({ ok: true });
  });
});
