/**
 * The smuggling report's questions, one schema per page (app/domain/report-journey.ts gives the
 * order). Messages are translation keys. Everything but where it happened is optional: a reporter
 * who knows only a phone number should still be able to report it. Nothing here refuses an
 * identifier for its format: numbers and profiles are normalised later, and junk is kept as text.
 */
import * as z from "zod/mini";
import { parsePhone } from "~/domain/phone";
import { parseReference } from "~/domain/reference";
import { readTypedSecret } from "~/domain/report-secret";
import { countryCodeFromName } from "~/utils/countries";
import { contactEmail } from "./email";

/** Controls other than line breaks and tabs; they hide text or break it apart on screen. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Embeddings, overrides and isolates can make a number or name read differently from what is stored. */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

export const REPORT_TEXT_MAX = 200;
export const REPORT_DETAILS_MAX = 5000;
export const MAX_LIST_ITEMS = 20;
export const MAX_ROUTE_LEGS = 5;
export const MAX_AMOUNT = 1_000_000_000;
export const MAX_PEOPLE = 100_000;

const ALWAYS = { when: () => true };
type Issue = { message: string; path: string[] };
function addIssue(ctx: { value: unknown; issues: z.core.$ZodRawIssue[] }, issue: Issue) {
  ctx.issues.push({ code: "custom", input: ctx.value, message: issue.message, path: issue.path });
}

/** Free text that may stay empty: trimmed, limited, and without invisible controls. */
const optionalText = (max = REPORT_TEXT_MAX) =>
  z._default(z.string(), "").check(
    z.trim(),
    z.maxLength(max, "validation:tooLong"),
    z.refine((v) => !CONTROL_CHARACTERS.test(v), "report:validation.controlCharacters"),
    z.refine((v) => !DIRECTION_CONTROLS.test(v), "report:validation.directionControls"),
  );

const choice = <T extends readonly [string, ...string[]]>(values: T, requiredKey: string) => z.enum(values, { error: () => requiredKey });

const YES_NO = ["yes", "no"] as const;

/**
 * Several answers typed one per line (phone numbers, profiles, names). Each line is checked like
 * any text; the list is capped so one field cannot carry a whole file.
 */
const lineList = (lineMax: number) =>
  z.pipe(
    z.pipe(
      optionalText(MAX_LIST_ITEMS * (lineMax + 2)).check(
        z.refine((v) => lines(v).every((line) => line.length <= lineMax), "report:validation.lineTooLong"),
      ),
      z.transform((v) => [...new Set(lines(v))]),
    ),
    // An array's own limit, so the message shows the number the schema holds.
    z.array(z.string()).check(z.maxLength(MAX_LIST_ITEMS, "report:validation.tooManyLines")),
  );

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** A whole number typed with or without separators (5000, 5.000, 5,000, 5 000); null when empty. */
export function readWholeNumber(text: string): number | null | "invalid" {
  const compact = text.replace(/[\s.,'’]/g, "");
  if (compact === "") return null;
  if (!/^\d{1,12}$/.test(compact)) return "invalid";
  return Number(compact);
}

// No length limit of its own: anything that is not up to 12 digits gets the number's message.
const wholeNumber = (max: number, invalidKey: string, tooBigKey: string) =>
  z.pipe(
    z._default(z.string(), "").check(
      z.trim(),
      z.refine((v) => readWholeNumber(v) !== "invalid", invalidKey),
      z.refine((v) => {
        const n = readWholeNumber(v);
        return typeof n !== "number" || (n >= 1 && n <= max);
      }, tooBigKey),
    ),
    z.transform((v) => readWholeNumber(v) as number | null),
  );

const COUNTRY_CODE = /^[A-Z]{2}$/;
const countryCode = (requiredKey: string) =>
  z.string({ error: () => requiredKey }).check(z.trim(), z.minLength(1, requiredKey), z.regex(COUNTRY_CODE, requiredKey));

// 1. Someone in danger right now: the emergency contacts come first.
export const DangerSchema = z.pipe(
  z
    .object({
      someoneInDanger: choice(YES_NO, "report:validation.dangerRequired"),
      dangerCountry: z._default(z.string(), ""),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.someoneInDanger === "yes" && !COUNTRY_CODE.test(v.dangerCountry ?? "")) {
          addIssue(ctx, { message: "report:validation.dangerCountryRequired", path: ["dangerCountry"] });
        }
      }, ALWAYS),
    ),
  z.transform((v) => ({
    someoneInDanger: v.someoneInDanger === "yes",
    dangerCountry: v.someoneInDanger === "yes" ? v.dangerCountry : null,
  })),
);
export type DangerAnswers = z.output<typeof DangerSchema>;

// 2. How the offer came.
export const CHANNELS = [
  "in_person",
  "phone_call",
  "sms",
  "whatsapp",
  "facebook",
  "tiktok",
  "instagram",
  "telegram",
  "relative",
  "other",
] as const;
export type Channel = (typeof CHANNELS)[number];
export const HowSchema = z.pipe(
  z.object({ channel: choice(CHANNELS, "report:validation.channelRequired"), channelOther: optionalText(100) }).check(
    z.superRefine((v, ctx) => {
      if (v.channel === "other" && !v.channelOther)
        addIssue(ctx, { message: "report:validation.channelOtherRequired", path: ["channelOther"] });
    }, ALWAYS),
  ),
  z.transform((v) => ({ channel: v.channel, channelOther: v.channel === "other" ? v.channelOther : null })),
);
export type HowAnswers = z.output<typeof HowSchema>;

// 3. The agent: whatever the reporter knows, in any form.
export const AgentSchema = z.object({
  phones: lineList(40),
  profiles: lineList(300),
  names: lineList(100),
  office: optionalText(300),
});
export type AgentAnswers = z.output<typeof AgentSchema>;

// 4. The offer.
export const TRANSPORTS = ["sea", "land", "air", "mixed", "unknown"] as const;
export const ROUTE_FIELDS = Array.from({ length: MAX_ROUTE_LEGS }, (_, i) => `via${i + 1}`);
const routeShape = Object.fromEntries(ROUTE_FIELDS.map((field) => [field, optionalText(100)])) as Record<
  string,
  ReturnType<typeof optionalText>
>;
export const OfferSchema = z.pipe(
  z
    .object({
      fromCountry: countryCode("report:validation.fromCountryRequired"),
      toCountry: countryCode("report:validation.toCountryRequired"),
      ...routeShape,
      transport: choice(TRANSPORTS, "report:validation.transportRequired"),
      promise: optionalText(500),
      peopleOffered: wholeNumber(MAX_PEOPLE, "report:validation.peopleFormat", "report:validation.peopleRange"),
    })
    .check(
      z.superRefine((v, ctx) => {
        for (const field of ROUTE_FIELDS) {
          const typed = (v as Record<string, unknown>)[field];
          if (typeof typed === "string" && typed !== "" && countryCodeFromName(typed) === null) {
            addIssue(ctx, { message: "report:validation.routeCountryUnknown", path: [field] });
          }
        }
      }, ALWAYS),
    ),
  z.transform((v) => ({
    fromCountry: v.fromCountry,
    toCountry: v.toCountry,
    route: ROUTE_FIELDS.map((field) => (v as unknown as Record<string, string | undefined>)[field] ?? "")
      .filter((typed) => typed !== "")
      .map((typed) => countryCodeFromName(typed)!),
    transport: v.transport,
    promise: v.promise,
    peopleOffered: v.peopleOffered,
  })),
);
export type OfferAnswers = z.output<typeof OfferSchema>;

// 5. Money.
export const CURRENCIES = ["EUR", "PKR", "USD", "GBP", "AED", "SAR", "other"] as const;
export const PAYMENT_METHODS = ["cash", "hawala", "bank_transfer", "mobile_wallet", "guarantor", "on_arrival", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAID = ["yes", "no", "not_yet"] as const;
const amount = () => wholeNumber(MAX_AMOUNT, "report:validation.amountFormat", "report:validation.amountRange");
export const MoneySchema = z.pipe(
  z
    .object({
      amountAsked: amount(),
      currency: z._default(z.string(), ""),
      currencyOther: optionalText(64).check(z.toUpperCase()),
      // Checkboxes: the page passes every checked value, joined by commas (see readMoneyForm).
      paymentMethods: z._default(z.string(), ""),
      paid: choice(PAID, "report:validation.paidRequired"),
      amountPaid: amount(),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (typeof v.amountAsked === "number" && !(CURRENCIES as readonly string[]).includes(v.currency ?? "")) {
          addIssue(ctx, { message: "report:validation.currencyRequired", path: ["currency"] });
        }
        if (v.currency === "other" && !/^[A-Z]{3}$/.test(v.currencyOther ?? "")) {
          addIssue(ctx, { message: "report:validation.currencyOtherFormat", path: ["currencyOther"] });
        }
        const methods = (v.paymentMethods ?? "").split(",").filter(Boolean);
        if (!methods.every((m) => (PAYMENT_METHODS as readonly string[]).includes(m))) {
          addIssue(ctx, { message: "report:validation.paymentMethodUnknown", path: ["paymentMethods"] });
        }
      }, ALWAYS),
    ),
  z.transform((v) => ({
    amountAsked: v.amountAsked,
    currency: v.amountAsked === null ? null : v.currency === "other" ? v.currencyOther : v.currency,
    paymentMethods: [...new Set(v.paymentMethods.split(",").filter(Boolean))] as PaymentMethod[],
    paid: v.paid,
    amountPaid: v.paid === "yes" ? v.amountPaid : null,
  })),
);
export type MoneyAnswers = z.output<typeof MoneySchema>;

/** FormData holds one value per checked box; the schema takes them joined. */
export function readMoneyForm(formData: FormData): FormData {
  const copy = new FormData();
  for (const [key, value] of formData) if (key !== "paymentMethods" && typeof value === "string") copy.append(key, value);
  copy.set(
    "paymentMethods",
    formData
      .getAll("paymentMethods")
      .filter((v) => typeof v === "string")
      .join(","),
  );
  return copy;
}

// 6. When and where.
export const WhenSchema = z.pipe(
  z
    .object({
      // DateInput's names: `when` is the month field's id, where the error summary links.
      whenMonth: optionalText(2),
      whenYear: optionalText(4),
      country: countryCode("report:validation.whereCountryRequired"),
      city: optionalText(100),
      homeDistrict: optionalText(100),
      details: optionalText(REPORT_DETAILS_MAX),
    })
    .check(
      z.superRefine((v, ctx) => {
        const when = readReportMonth(v.whenMonth ?? "", v.whenYear ?? "");
        if (!when.ok) addIssue(ctx, { message: when.error, path: ["when"] });
      }, ALWAYS),
    ),
  z.transform((v) => ({
    month: (readReportMonth(v.whenMonth, v.whenYear) as { value: string }).value,
    country: v.country,
    city: v.city,
    homeDistrict: v.homeDistrict,
    details: v.details,
  })),
);
export type WhenAnswers = z.output<typeof WhenSchema>;

/** `YYYY-MM`, or `YYYY` when the reporter remembers only the year; never in the future, not before 2000. */
export function readReportMonth(
  month: string,
  year: string,
  today = new Date(),
): { ok: true; value: string } | { ok: false; error: string } {
  const [m, y] = [month.trim(), year.trim()];
  if (y === "") return { ok: false, error: "report:validation.yearRequired" };
  if (!/^\d{4}$/.test(y) || (m !== "" && (!/^\d{1,2}$/.test(m) || Number(m) < 1 || Number(m) > 12))) {
    return { ok: false, error: "report:validation.whenReal" };
  }
  const value = m === "" ? y : `${y}-${m.padStart(2, "0")}`;
  if (Number(y) < 2000) return { ok: false, error: "report:validation.whenTooOld" };
  if (value > today.toISOString().slice(0, value.length)) return { ok: false, error: "report:validation.whenFuture" };
  return { ok: true, value };
}

// 8. Contact, only if the reporter wants it.
export const ContactMeSchema = z.pipe(
  z
    .object({
      contactWanted: choice(YES_NO, "report:validation.contactWantedRequired"),
      contactName: optionalText(100),
      contactPhone: optionalText(64),
      contactEmail: z._default(z.string(), ""),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.contactWanted !== "yes") return;
        const phone = v.contactPhone ?? "";
        const email = (v.contactEmail ?? "").trim();
        if (phone === "" && email === "") {
          addIssue(ctx, { message: "report:validation.contactRequired", path: ["contactPhone"] });
          return;
        }
        if (phone !== "" && !parsePhone(phone).ok)
          addIssue(ctx, { message: "report:validation.contactPhoneFormat", path: ["contactPhone"] });
        if (email !== "" && !z.safeParse(contactEmail("report:validation.contactEmailFormat"), email).success) {
          addIssue(ctx, { message: "report:validation.contactEmailFormat", path: ["contactEmail"] });
        }
      }, ALWAYS),
    ),
  z.transform((v) =>
    v.contactWanted === "yes"
      ? {
          contactWanted: true as const,
          name: v.contactName,
          phone: v.contactPhone === "" ? null : (parsePhone(v.contactPhone) as { value: string }).value,
          email: v.contactEmail.trim() === "" ? null : v.contactEmail.trim().toLowerCase(),
        }
      : { contactWanted: false as const },
  ),
);
export type ContactMeAnswers = z.output<typeof ContactMeSchema>;

/** Every page's answers: what check answers shows and what a report stores. */
export type ReportAnswers = {
  danger: DangerAnswers;
  how: HowAnswers;
  agent: AgentAnswers;
  offer: OfferAnswers;
  money: MoneyAnswers;
  when: WhenAnswers;
  contact: ContactMeAnswers;
};

export const REPORT_PAGE_SCHEMAS = {
  danger: DangerSchema,
  how: HowSchema,
  agent: AgentSchema,
  offer: OfferSchema,
  money: MoneySchema,
  when: WhenSchema,
  contact: ContactMeSchema,
} as const;

// Following a report up: reference and secret open it; then the reporter adds to it.
export const FOLLOW_UP_FIELDS = ["reference", "secret"] as const;
export const FollowUpOpenSchema = z.pipe(
  z.object({
    reference: z._default(z.string(), "").check(
      z.trim(),
      z.minLength(1, "report:validation.referenceRequired"),
      z.maxLength(64, "report:validation.referenceFormat"),
      z.refine((v) => parseReference(v, "report") !== null, "report:validation.referenceFormat"),
    ),
    secret: z._default(z.string(), "").check(
      z.trim(),
      z.minLength(1, "report:validation.secretRequired"),
      z.maxLength(64, "report:validation.secretFormat"),
      z.refine((v) => readTypedSecret(v) !== null, "report:validation.secretFormat"),
    ),
  }),
  z.transform((v) => ({ reference: parseReference(v.reference, "report")!, secret: readTypedSecret(v.secret)! })),
);

export const FollowUpMessageSchema = z.object({ message: optionalText(REPORT_DETAILS_MAX) });
