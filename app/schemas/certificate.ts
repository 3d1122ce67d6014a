/**
 * The certificate application's questions, one schema per page. Messages are translation keys;
 * the shapes they produce are what drafts store and submission reads.
 */
import * as z from "zod/mini";
import { cnicGenderDigitMatches, parseCnic } from "~/domain/cnic";
import { parsePassportNumber } from "~/domain/passport";
import { parsePhone } from "~/domain/phone";
import { readCalendarDate } from "./date";
import type { DraftAnswers } from "./draft-answers";
import { contactEmail } from "./email";

export const GENDERS = ["male", "female", "transgender"] as const;
export const PURPOSES = ["work_visa", "residence_permit", "immigration", "employment", "other"] as const;
export const DELIVERY_METHODS = ["pdf", "collection"] as const;
export const NAME_MAX = 100;
export const TEXT_MAX = 200;

// Letters and marks of any script (Urdu, Greek, Latin with diacritics), spaces, hyphens, apostrophes, dots.
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}\s'’.-]*$/u;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

const text = (requiredKey: string, max = TEXT_MAX) =>
  z.string({ error: () => requiredKey }).check(z.trim(), z.minLength(1, requiredKey), z.maxLength(max, "validation:tooLong"));
const personName = (requiredKey: string) => text(requiredKey, NAME_MAX).check(z.regex(NAME_PATTERN, "validation:name.characters"));
const country = (requiredKey: string) =>
  z.string({ error: () => requiredKey }).check(z.trim(), z.minLength(1, requiredKey), z.regex(COUNTRY_PATTERN, requiredKey));
const oneOf = <T extends readonly [string, ...string[]]>(values: T, requiredKey: string) => z.enum(values, { error: () => requiredKey });

/**
 * Cross-field rules run even when another field has already failed (zod skips them by default),
 * so the page lists every problem at once. They must cope with missing fields.
 */
const ALWAYS = { when: () => true };

type Issue = { message: string; path: string[] };
function addIssue(ctx: { value: unknown; issues: z.core.$ZodRawIssue[] }, issue: Issue) {
  ctx.issues.push({ code: "custom", input: ctx.value, message: issue.message, path: issue.path });
}

/** A date of birth from day/month/year fields, or the key of what is wrong with it. */
export function readDate(
  day: string,
  month: string,
  year: string,
  today = new Date(),
): { ok: true; iso: string } | { ok: false; error: string } {
  const date = readCalendarDate(day, month, year, "validation:date.required");
  if (!date.ok) return date;
  if (date.iso < "1900-01-01") return { ok: false, error: "validation:date.tooOld" };
  if (Date.parse(date.iso) > today.getTime()) return { ok: false, error: "validation:date.future" };
  return date;
}

/** The three fields of the date-of-birth DateInput, each "" when absent; read with `readDateOfBirth`. */
export const DATE_OF_BIRTH_FIELDS = {
  dateOfBirthDay: z._default(z.string(), ""),
  dateOfBirthMonth: z._default(z.string(), ""),
  dateOfBirthYear: z._default(z.string(), ""),
};
type DateOfBirthParts = { dateOfBirthDay?: string; dateOfBirthMonth?: string; dateOfBirthYear?: string };

export function readDateOfBirth(v: DateOfBirthParts): ReturnType<typeof readDate> {
  return readDate(v.dateOfBirthDay ?? "", v.dateOfBirthMonth ?? "", v.dateOfBirthYear ?? "");
}

/** The date of birth as YYYY-MM-DD, in a transform that runs once the check has accepted it. */
export function dateOfBirthIso(v: DateOfBirthParts): string {
  return (readDateOfBirth(v) as { iso: string }).iso;
}

/** A month from month/year fields as `YYYY-MM`. */
export function readMonth(month: string, year: string, today = new Date()): { ok: true; value: string } | { ok: false; error: string } {
  const [m, y] = [month.trim(), year.trim()];
  if (m === "" && y === "") return { ok: false, error: "validation:date.monthRequired" };
  if (!/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y) || Number(m) < 1 || Number(m) > 12 || Number(y) < 1900)
    return { ok: false, error: "validation:date.monthReal" };
  const value = `${y}-${m.padStart(2, "0")}`;
  if (value > today.toISOString().slice(0, 7)) return { ok: false, error: "validation:date.monthFuture" };
  return { ok: true, value };
}

export const APPLICANT_TYPES = ["self", "relative"] as const;
export const RELATIONSHIPS = ["parent", "spouse", "sibling", "child", "other"] as const;

export const WhoSchema = z.object({ applicantType: oneOf(APPLICANT_TYPES, "validation:required.applicantType") });
export type WhoAnswers = z.output<typeof WhoSchema>;

/** The e-authority: who the relative applies for, and where that person confirms it. */
export const AuthoritySchema = z.pipe(
  z
    .object({
      holderName: personName("validation:required.holderName"),
      holderPassport: text("validation:required.holderPassport", 64),
      holderEmail: contactEmail("validation:required.holderEmail"),
      relativeName: personName("validation:required.relativeName"),
      relationship: oneOf(RELATIONSHIPS, "validation:required.relationship"),
    })
    .check(
      z.superRefine((v, ctx) => {
        // The country of issue comes later; any ICAO-shaped number is accepted here.
        const passport = parsePassportNumber(v.holderPassport ?? "", "ZZ");
        if (!passport.ok) addIssue(ctx, { message: "validation:passport.format", path: ["holderPassport"] });
      }, ALWAYS),
    ),
  z.transform((v) => ({
    ...v,
    holderEmail: v.holderEmail.toLowerCase(),
    holderPassport: (parsePassportNumber(v.holderPassport, "ZZ") as { value: string }).value,
  })),
);
export type AuthorityAnswers = z.output<typeof AuthoritySchema>;

export const PersonalSchema = z.pipe(
  z
    .object({
      fullName: personName("validation:required.fullName"),
      fatherName: personName("validation:required.fatherName"),
      ...DATE_OF_BIRTH_FIELDS,
      gender: oneOf(GENDERS, "validation:required.gender"),
      cnic: text("validation:required.cnic", 64),
      passportNumber: text("validation:required.passportNumber", 64),
      passportCountry: country("validation:required.passportCountry"),
      nationality: country("validation:required.nationality"),
    })
    .check(
      z.superRefine((v, ctx) => {
        const date = readDateOfBirth(v);
        if (!date.ok) addIssue(ctx, { message: date.error, path: ["dateOfBirth"] });
        const cnic = parseCnic(v.cnic ?? "");
        if (!cnic.ok) addIssue(ctx, { message: cnic.error, path: ["cnic"] });
        else if (!cnicGenderDigitMatches(cnic.value, v.gender)) addIssue(ctx, { message: "validation:cnic.gender", path: ["cnic"] });
        const passport = parsePassportNumber(v.passportNumber ?? "", v.passportCountry || "PK");
        if (!passport.ok) addIssue(ctx, { message: passport.error, path: ["passportNumber"] });
      }, ALWAYS),
    ),
  z.transform((v) => ({
    fullName: v.fullName,
    fatherName: v.fatherName,
    dateOfBirth: dateOfBirthIso(v),
    gender: v.gender,
    cnic: (parseCnic(v.cnic) as { value: string }).value,
    passportNumber: (parsePassportNumber(v.passportNumber, v.passportCountry) as { value: string }).value,
    passportCountry: v.passportCountry,
    nationality: v.nationality,
  })),
);
export type PersonalAnswers = z.output<typeof PersonalSchema>;

export const ContactSchema = z.pipe(
  z
    .object({
      email: contactEmail("validation:required.email"),
      phone: text("validation:required.phone", 64),
      residenceCountry: country("validation:required.residenceCountry"),
      residenceCity: text("validation:required.residenceCity", NAME_MAX),
    })
    .check(
      z.superRefine((v, ctx) => {
        const phone = parsePhone(v.phone ?? "", v.residenceCountry);
        if (!phone.ok) addIssue(ctx, { message: phone.error, path: ["phone"] });
      }, ALWAYS),
    ),
  z.transform((v) => ({
    email: v.email.toLowerCase(),
    phone: (parsePhone(v.phone, v.residenceCountry) as { value: string }).value,
    residenceCountry: v.residenceCountry,
    residenceCity: v.residenceCity,
  })),
);
export type ContactAnswers = z.output<typeof ContactSchema>;

export const AddressSchema = z.pipe(
  z
    .object({
      district: text("validation:required.district", NAME_MAX),
      policeStation: text("validation:required.policeStation", NAME_MAX),
      address: text("validation:required.address"),
      fromMonth: z._default(z.string(), ""),
      fromYear: z._default(z.string(), ""),
      toMonth: z._default(z.string(), ""),
      toYear: z._default(z.string(), ""),
    })
    .check(
      z.superRefine((v, ctx) => {
        const from = readMonth(v.fromMonth ?? "", v.fromYear ?? "");
        if (!from.ok) addIssue(ctx, { message: from.error, path: ["from"] });
        if ((v.toMonth ?? "").trim() === "" && (v.toYear ?? "").trim() === "") return;
        const to = readMonth(v.toMonth ?? "", v.toYear ?? "");
        if (!to.ok) addIssue(ctx, { message: to.error, path: ["to"] });
        else if (from.ok && to.value < from.value) addIssue(ctx, { message: "validation:date.toBeforeFrom", path: ["to"] });
      }, ALWAYS),
    ),
  z.transform((v) => {
    const to = v.toMonth.trim() === "" && v.toYear.trim() === "" ? null : readMonth(v.toMonth, v.toYear);
    return {
      district: v.district,
      policeStation: v.policeStation,
      address: v.address,
      from: (readMonth(v.fromMonth, v.fromYear) as { value: string }).value,
      to: to && to.ok ? to.value : null,
    };
  }),
);
export type AddressAnswer = z.output<typeof AddressSchema>;
export const MAX_ADDRESSES = 10;

export const PurposeSchema = z.pipe(
  z
    .object({
      purpose: oneOf(PURPOSES, "validation:required.purpose"),
      purposeOther: z._default(z.string().check(z.trim(), z.maxLength(TEXT_MAX, "validation:tooLong")), ""),
      destinationCountry: country("validation:required.destinationCountry"),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.purpose === "other" && v.purposeOther === "")
          addIssue(ctx, { message: "validation:required.purposeOther", path: ["purposeOther"] });
      }, ALWAYS),
    ),
  z.transform((v) => ({ ...v, purposeOther: v.purpose === "other" ? v.purposeOther : null })),
);
export type PurposeAnswers = z.output<typeof PurposeSchema>;

export const DeliverySchema = z.pipe(
  z
    .object({
      delivery: oneOf(DELIVERY_METHODS, "validation:required.delivery"),
      collectionCenter: z._default(z.string().check(z.trim(), z.maxLength(64)), ""),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.delivery === "collection" && v.collectionCenter === "")
          addIssue(ctx, { message: "validation:required.collectionCenter", path: ["collectionCenter"] });
      }, ALWAYS),
    ),
  z.transform((v) => ({ delivery: v.delivery, collectionCenter: v.delivery === "collection" ? v.collectionCenter : null })),
);
export type DeliveryAnswers = z.output<typeof DeliverySchema>;

export const DeclarationSchema = z.object({
  declaration: z.literal("yes", { error: () => "validation:required.declaration" }),
});

/** Everything a submission needs, read from a draft's stored answers. */
export type CompleteAnswers = {
  /** The embassy whose poster brought the applicant, if any (a center slug). */
  referral: string | null;
  /** The embassy desk user who took the application with the visitor, if any. */
  assistedBy?: string | null;
  who: WhoAnswers;
  authority: AuthorityAnswers | null;
  personal: PersonalAnswers;
  contact: ContactAnswers;
  addresses: AddressAnswer[];
  purpose: PurposeAnswers;
  delivery: DeliveryAnswers;
};

/**
 * The stored answers when every question page is answered, else the pages still to answer.
 * The answers were checked page by page when the draft was read (app/schemas/draft-answers.ts).
 */
export function readAnswers(answers: DraftAnswers): { complete: true; answers: CompleteAnswers } | { complete: false; missing: string[] } {
  const { who, authority, personal, contact, addresses, purpose, delivery } = answers;
  const missing: string[] = [];
  if (!who) missing.push("who");
  else if (who.applicantType === "relative" && !authority) missing.push("authority");
  if (!personal) missing.push("personal");
  if (!contact) missing.push("contact");
  if (!addresses || addresses.length === 0) missing.push("addresses");
  if (!purpose) missing.push("purpose");
  if (!delivery) missing.push("delivery");
  if (!who || !personal || !contact || !addresses || addresses.length === 0 || !purpose || !delivery || missing.length > 0)
    return { complete: false, missing };
  return {
    complete: true,
    answers: {
      referral: answers.referral ?? null,
      assistedBy: answers.assistedBy ?? null,
      who,
      authority: who.applicantType === "relative" ? (authority ?? null) : null,
      personal,
      contact,
      addresses,
      purpose,
      delivery,
    },
  };
}
