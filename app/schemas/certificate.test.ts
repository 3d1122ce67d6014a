import { describe, expect, it } from "vitest";
import { fieldErrorKey, parseForm } from "~/utils/form";
import { AddressSchema, ContactSchema, DeliverySchema, PersonalSchema, PurposeSchema, readDate, readMonth } from "./certificate";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

const personal = {
  fullName: "Ali Khan",
  fatherName: "Ahmed Khan",
  dateOfBirthDay: "27",
  dateOfBirthMonth: "3",
  dateOfBirthYear: "1990",
  gender: "male",
  cnic: "35202-1234567-1",
  passportNumber: "ab 1234567",
  passportCountry: "PK",
  nationality: "PK",
};

describe("personal details", () => {
  it("accepts a complete answer and normalises it", () => {
    const parsed = parseForm(PersonalSchema, form(personal));
    expect(parsed).toEqual({
      ok: true,
      data: {
        ...personal,
        passportNumber: "AB1234567",
        cnic: "3520212345671",
        dateOfBirth: "1990-03-27",
        dateOfBirthDay: undefined,
        dateOfBirthMonth: undefined,
        dateOfBirthYear: undefined,
      },
    });
  });

  it("lists every problem of an empty form at once, with the answers kept", () => {
    const parsed = parseForm(PersonalSchema, form({ fullName: "", cnic: "", passportCountry: "PK" }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toMatchObject({
      fullName: "validation:required.fullName",
      fatherName: "validation:required.fatherName",
      dateOfBirth: "validation:date.required",
      gender: "validation:required.gender",
      cnic: "validation:required.cnic",
      passportNumber: "validation:required.passportNumber",
      nationality: "validation:required.nationality",
    });
    expect(parsed.values.passportCountry).toBe("PK");
  });

  it.each([
    [{ fullName: "Ali <script>alert(1)</script>" }, "fullName", "validation:name.characters"],
    [{ fullName: "x".repeat(101) }, "fullName", "validation:tooLong"],
    [{ dateOfBirthDay: "31", dateOfBirthMonth: "2" }, "dateOfBirth", "validation:date.real"],
    [{ dateOfBirthYear: "2990" }, "dateOfBirth", "validation:date.future"],
    [{ dateOfBirthMonth: "" }, "dateOfBirth", "validation:date.incomplete"],
    [{ dateOfBirthYear: "1850" }, "dateOfBirth", "validation:date.tooOld"],
    [{ cnic: "1234" }, "cnic", "validation:cnic.format"],
    [{ cnic: "95202-1234567-1" }, "cnic", "validation:cnic.invalid"],
    [{ cnic: "35202-1234567-2" }, "cnic", "validation:cnic.gender"],
    [{ passportNumber: "1234567AB" }, "passportNumber", "validation:passport.formatPakistan"],
    [{ passportCountry: "GR", passportNumber: "A1" }, "passportNumber", "validation:passport.format"],
  ])("refuses %o", (change, field, key) => {
    const parsed = parseForm(PersonalSchema, form({ ...personal, ...change }));
    const error = parsed.ok ? undefined : parsed.errors[field];
    expect(error && fieldErrorKey(error)).toBe(key);
  });

  it("accepts names in Urdu, Greek and Latin with diacritics", () => {
    for (const fullName of ["علی خان", "Αλή Χαν", "Zoë O’Brien-Müller", "Muhammad A. Khan"]) {
      expect(parseForm(PersonalSchema, form({ ...personal, fullName })).ok).toBe(true);
    }
  });
});

describe("contact", () => {
  const contact = { email: "Ali@Example.com ", phone: "0030 691 234 5678", residenceCountry: "GR", residenceCity: "Athens" };
  it("normalises email and phone", () => {
    expect(parseForm(ContactSchema, form(contact))).toEqual({
      ok: true,
      data: { email: "ali@example.com", phone: "+306912345678", residenceCountry: "GR", residenceCity: "Athens" },
    });
  });
  it.each([
    [{ email: "ali@" }, "email", "validation:email.format"],
    [{ email: "<script>@x.y" }, "email", "validation:email.format"],
    [{ phone: "12" }, "phone", "validation:phone.format"],
    [{ residenceCountry: "Greece" }, "residenceCountry", "validation:required.residenceCountry"],
  ])("refuses %o", (change, field, key) => {
    const parsed = parseForm(ContactSchema, form({ ...contact, ...change }));
    expect(parsed.ok ? null : parsed.errors[field]).toBe(key);
  });
});

describe("addresses, purpose, delivery", () => {
  it("reads a period of residence", () => {
    const parsed = parseForm(
      AddressSchema,
      form({
        district: "Lahore",
        policeStation: "Model Town",
        address: "1 Street",
        fromMonth: "6",
        fromYear: "2015",
        toMonth: "",
        toYear: "",
      }),
    );
    expect(parsed).toMatchObject({ ok: true, data: { from: "2015-06", to: null } });
    const backwards = parseForm(
      AddressSchema,
      form({ district: "Lahore", policeStation: "X", address: "1", fromMonth: "6", fromYear: "2015", toMonth: "1", toYear: "2014" }),
    );
    expect(backwards.ok ? null : backwards.errors.to).toBe("validation:date.toBeforeFrom");
  });

  it("needs the detail for 'something else' and the place for collection", () => {
    const purpose = parseForm(PurposeSchema, form({ purpose: "other", purposeOther: "", destinationCountry: "IT" }));
    expect(purpose.ok ? null : purpose.errors.purposeOther).toBe("validation:required.purposeOther");
    const delivery = parseForm(DeliverySchema, form({ delivery: "collection", collectionCenter: "" }));
    expect(delivery.ok ? null : delivery.errors.collectionCenter).toBe("validation:required.collectionCenter");
    expect(parseForm(DeliverySchema, form({ delivery: "pdf", collectionCenter: "athens" }))).toEqual({
      ok: true,
      data: { delivery: "pdf", collectionCenter: null },
    });
  });
});

describe("date fields", () => {
  const today = new Date("2026-11-28T12:00:00Z");
  it("reads real dates only", () => {
    expect(readDate("29", "2", "2024", today)).toEqual({ ok: true, iso: "2024-02-29" });
    expect(readDate("29", "2", "2023", today)).toEqual({ ok: false, error: "validation:date.real" });
    expect(readDate("28", "11", "2026", today)).toEqual({ ok: true, iso: "2026-11-28" });
    expect(readDate("29", "11", "2026", today)).toEqual({ ok: false, error: "validation:date.future" });
    expect(readDate("1", "1", "90", today)).toEqual({ ok: false, error: "validation:date.real" });
    expect(readMonth("13", "2020", today)).toEqual({ ok: false, error: "validation:date.monthReal" });
    expect(readMonth("12", "2026", today)).toEqual({ ok: false, error: "validation:date.monthFuture" });
  });
});
