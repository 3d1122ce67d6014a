import { describe, expect, it } from "vitest";
import { parseForm } from "~/utils/form";
import {
  AgentSchema,
  ContactMeSchema,
  DangerSchema,
  HowSchema,
  MoneySchema,
  OfferSchema,
  readMoneyForm,
  readReportMonth,
  WhenSchema,
} from "./report";

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const HOSTILE = {
  markupIsText: "<script>alert(1)</script>",
  long: "x".repeat(10_000),
  control: "agent\u0000name",
  override: "\u202Emoc.tnega",
  emoji: "😀🚤",
};

describe("report pages", () => {
  it("asks for the emergency country only when someone is in danger", () => {
    expect(parseForm(DangerSchema, form({ someoneInDanger: "no" }))).toEqual({
      ok: true,
      data: { someoneInDanger: false, dangerCountry: null },
    });
    expect(parseForm(DangerSchema, form({ someoneInDanger: "yes" }))).toMatchObject({
      ok: false,
      errors: { dangerCountry: "report:validation.dangerCountryRequired" },
    });
    expect(parseForm(DangerSchema, form({}))).toMatchObject({ ok: false, errors: { someoneInDanger: "report:validation.dangerRequired" } });
  });

  it("needs the other channel named only for 'other'", () => {
    expect(parseForm(HowSchema, form({ channel: "tiktok", channelOther: "ignored" }))).toEqual({
      ok: true,
      data: { channel: "tiktok", channelOther: null },
    });
    expect(parseForm(HowSchema, form({ channel: "other" }))).toMatchObject({
      ok: false,
      errors: { channelOther: "report:validation.channelOtherRequired" },
    });
    expect(parseForm(HowSchema, form({ channel: "carrier pigeon" }))).toMatchObject({
      ok: false,
      errors: { channel: "report:validation.channelRequired" },
    });
  });

  it("takes identifiers one per line, in any form, without duplicates", () => {
    const parsed = parseForm(
      AgentSchema,
      form({ phones: "+92 300 1234567\n\n0300-1234567\n+92 300 1234567\n", profiles: "tiktok.com/@agent", names: "Chaudhry Sahib" }),
    );
    expect(parsed).toEqual({
      ok: true,
      data: { phones: ["+92 300 1234567", "0300-1234567"], profiles: ["tiktok.com/@agent"], names: ["Chaudhry Sahib"], office: "" },
    });
    expect(parseForm(AgentSchema, form({ phones: Array.from({ length: 21 }, (_, i) => `+30690000000${i}`).join("\n") }))).toMatchObject({
      ok: false,
      errors: { phones: { key: "report:validation.tooManyLines", values: { max: 20 } } },
    });
  });

  it("answers hostile text with a message, and keeps markup and emoji as text", () => {
    expect(parseForm(AgentSchema, form({ office: HOSTILE.markupIsText }))).toMatchObject({
      ok: true,
      data: { office: HOSTILE.markupIsText },
    });
    expect(parseForm(AgentSchema, form({ office: HOSTILE.emoji }))).toMatchObject({ ok: true });
    expect(parseForm(AgentSchema, form({ office: HOSTILE.long }))).toMatchObject({
      ok: false,
      errors: { office: { key: "validation:tooLong", values: { max: 300 } } },
    });
    expect(parseForm(AgentSchema, form({ names: HOSTILE.control }))).toMatchObject({
      ok: false,
      errors: { names: "report:validation.controlCharacters" },
    });
    expect(parseForm(AgentSchema, form({ phones: HOSTILE.override }))).toMatchObject({
      ok: false,
      errors: { phones: "report:validation.directionControls" },
    });
    expect(parseForm(AgentSchema, form({ phones: HOSTILE.long }))).toMatchObject({ ok: false });
  });

  it("reads the route's countries by name in any of the four languages", () => {
    const base = { fromCountry: "PK", toCountry: "IT", transport: "sea" };
    expect(parseForm(OfferSchema, form({ ...base, via1: "Iran", via2: "ترکی", via3: "Λιβύη", via4: "libia" }))).toMatchObject({
      ok: true,
      data: { route: ["IR", "TR", "LY", "LY"] },
    });
    expect(parseForm(OfferSchema, form({ ...base, via1: "Atlantis" }))).toMatchObject({
      ok: false,
      errors: { via1: "report:validation.routeCountryUnknown" },
    });
    expect(parseForm(OfferSchema, form({ ...base, peopleOffered: "99999999999999999999" }))).toMatchObject({
      ok: false,
      errors: { peopleOffered: "report:validation.peopleFormat" },
    });
    expect(parseForm(OfferSchema, form({ ...base, peopleOffered: "200.000" }))).toMatchObject({
      ok: false,
      errors: { peopleOffered: "report:validation.peopleRange" },
    });
    expect(parseForm(OfferSchema, form({ ...base, peopleOffered: "12" }))).toMatchObject({ ok: true, data: { peopleOffered: 12 } });
  });

  it("reads amounts with separators, asks the currency, and takes every payment method ticked", () => {
    const parsed = parseForm(
      MoneySchema,
      readMoneyForm(
        form({ amountAsked: "8.000", currency: "EUR", paymentMethods: ["hawala", "guarantor"], paid: "yes", amountPaid: "2,000" }),
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      data: { amountAsked: 8000, currency: "EUR", paymentMethods: ["hawala", "guarantor"], paid: "yes", amountPaid: 2000 },
    });
    expect(parseForm(MoneySchema, readMoneyForm(form({ amountAsked: "8000", paid: "no" })))).toMatchObject({
      ok: false,
      errors: { currency: "report:validation.currencyRequired" },
    });
    expect(parseForm(MoneySchema, readMoneyForm(form({ amountAsked: "1e99", currency: "EUR", paid: "no" })))).toMatchObject({
      ok: false,
      errors: { amountAsked: "report:validation.amountFormat" },
    });
    expect(parseForm(MoneySchema, readMoneyForm(form({ paymentMethods: ["bitcoin"], paid: "no" })))).toMatchObject({
      ok: false,
      errors: { paymentMethods: "report:validation.paymentMethodUnknown" },
    });
  });

  it("takes a month and year, or a year alone, never in the future", () => {
    const today = new Date("2026-12-02T12:00:00Z");
    expect(readReportMonth("3", "2026", today)).toEqual({ ok: true, value: "2026-03" });
    expect(readReportMonth("", "2025", today)).toEqual({ ok: true, value: "2025" });
    expect(readReportMonth("1", "2027", today)).toMatchObject({ ok: false, error: "report:validation.whenFuture" });
    expect(readReportMonth("13", "2026", today)).toMatchObject({ ok: false, error: "report:validation.whenReal" });
    expect(readReportMonth("", "", today)).toMatchObject({ ok: false, error: "report:validation.yearRequired" });
    expect(parseForm(WhenSchema, form({ whenYear: "2026", whenMonth: "1" }))).toMatchObject({
      ok: false,
      errors: { country: "report:validation.whereCountryRequired" },
    });
  });

  it("asks for a way to be contacted only when the reporter wants contact", () => {
    expect(parseForm(ContactMeSchema, form({ contactWanted: "no", contactPhone: "junk" }))).toEqual({
      ok: true,
      data: { contactWanted: false },
    });
    expect(parseForm(ContactMeSchema, form({ contactWanted: "yes" }))).toMatchObject({
      ok: false,
      errors: { contactPhone: "report:validation.contactRequired" },
    });
    expect(parseForm(ContactMeSchema, form({ contactWanted: "yes", contactPhone: "+30 691 234 5678" }))).toEqual({
      ok: true,
      data: { contactWanted: true, name: "", phone: "+306912345678", email: null },
    });
    expect(parseForm(ContactMeSchema, form({ contactWanted: "yes", contactEmail: "not an address" }))).toMatchObject({
      ok: false,
      errors: { contactEmail: "report:validation.contactEmailFormat" },
    });
  });
});
