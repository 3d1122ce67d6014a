/**
 * What a draft stores, read back with a schema per page: a page's answers are used only while they
 * still have the shape that page's schema (app/schemas/certificate.ts) produces. Answers saved
 * before a rule changed, or damaged in the store, are dropped and the page is asked again; they
 * never reach a page or a submission unchecked.
 */
import * as z from "zod/mini";
import {
  type AddressAnswer,
  APPLICANT_TYPES,
  type AuthorityAnswers,
  type ContactAnswers,
  DELIVERY_METHODS,
  type DeliveryAnswers,
  GENDERS,
  MAX_ADDRESSES,
  type PersonalAnswers,
  type PurposeAnswers,
  PURPOSES,
  RELATIONSHIPS,
  type WhoAnswers,
} from "./certificate";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const filled = () => z.string().check(z.minLength(1));
const country = () => z.string().check(z.regex(COUNTRY));
const month = () => z.string().check(z.regex(ISO_MONTH));

const STORED = {
  who: z.object({ applicantType: z.enum(APPLICANT_TYPES) }),
  authority: z.object({
    holderName: filled(),
    holderPassport: filled(),
    holderEmail: filled(),
    relativeName: filled(),
    relationship: z.enum(RELATIONSHIPS),
  }),
  personal: z.object({
    fullName: filled(),
    fatherName: filled(),
    dateOfBirth: z.string().check(z.regex(ISO_DAY)),
    gender: z.enum(GENDERS),
    cnic: filled(),
    passportNumber: filled(),
    passportCountry: country(),
    nationality: country(),
  }),
  contact: z.object({ email: filled(), phone: filled(), residenceCountry: country(), residenceCity: filled() }),
  addresses: z
    .array(z.object({ district: filled(), policeStation: filled(), address: filled(), from: month(), to: z.nullable(month()) }))
    .check(z.minLength(1), z.maxLength(MAX_ADDRESSES)),
  purpose: z.object({ purpose: z.enum(PURPOSES), purposeOther: z.nullable(z.string()), destinationCountry: country() }),
  delivery: z.object({ delivery: z.enum(DELIVERY_METHODS), collectionCenter: z.nullable(z.string()) }),
};

/** Each page's stored answers, typed; a page is absent until answered (or when its answers were dropped). */
export type DraftAnswers = {
  /** The embassy whose poster brought the applicant, if any (a center slug). */
  referral?: string | null;
  /** The embassy desk user (staff_user.id) who started this application for a visitor with their consent. */
  assistedBy?: string | null;
  who?: WhoAnswers;
  /** Null for an applicant applying for themselves (what a submission stores). */
  authority?: AuthorityAnswers | null;
  personal?: PersonalAnswers;
  contact?: ContactAnswers;
  addresses?: AddressAnswer[];
  purpose?: PurposeAnswers;
  delivery?: DeliveryAnswers;
};
export type AnswerPage = keyof typeof STORED;
export const ANSWER_PAGES = Object.keys(STORED) as AnswerPage[];

// The stored shapes and the page schemas' outputs must stay the same types: a change to one
// without the other does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type StoredShapes = { [P in AnswerPage]: z.output<(typeof STORED)[P]> };
const SAME_SHAPES: { [P in AnswerPage]: Same<StoredShapes[P], NonNullable<DraftAnswers[P]>> } = {
  who: true,
  authority: true,
  personal: true,
  contact: true,
  addresses: true,
  purpose: true,
  delivery: true,
};
void SAME_SHAPES;

/** The draft's answers as stored (parsed JSON), each page checked; `dropped` lists the pages to ask again. */
export function readDraftAnswers(stored: unknown): { answers: DraftAnswers; dropped: AnswerPage[] } {
  const record = stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const answers: DraftAnswers = {};
  const dropped: AnswerPage[] = [];
  if (typeof record.referral === "string") answers.referral = record.referral;
  if (typeof record.assistedBy === "string") answers.assistedBy = record.assistedBy;
  for (const page of ANSWER_PAGES) {
    if (record[page] === undefined || record[page] === null) continue;
    const parsed = z.safeParse(STORED[page], record[page]);
    if (parsed.success) Object.assign(answers, { [page]: parsed.data });
    else dropped.push(page);
  }
  return { answers, dropped };
}
