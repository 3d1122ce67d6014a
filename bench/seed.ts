/**
 * Bench data written straight into the store: complete drafts ready to submit, and applications by
 * the million. Drafts go through the app's own schemas and models, so they hold exactly what the
 * question pages would have saved; applications are bulk rows shaped like submitApplication's
 * (without addresses, documents or audit events, which a tracking lookup never reads).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { type Kysely, sql } from "kysely";
import { refreshPlannerStatistics } from "../db/dialect";
import * as z from "zod/mini";
import { REQUIRED_DOCUMENTS } from "~/domain/certificate-journey";
import { newReference } from "~/domain/reference.server";
import { LANGUAGES } from "~/i18n";
import { createStoreDocumentStorage } from "~/models/document-storage.server";
import { saveDocument } from "~/models/document.server";
import { createDraft } from "~/models/draft.server";
import {
  AddressSchema,
  type CompleteAnswers,
  ContactSchema,
  DeliverySchema,
  PersonalSchema,
  PurposeSchema,
  WhoSchema,
} from "~/schemas/certificate";
import type { ApplicationStatus, Database, NewApplication } from "../db/schema";

/**
 * One applicant's answers, produced by the question pages' schemas from what a person would type,
 * so a change to a schema's output shape reaches the bench instead of drifting from it.
 */
export function completeAnswers(): CompleteAnswers {
  return {
    referral: null,
    who: z.parse(WhoSchema, { applicantType: "self" }),
    // Only a relative applying for someone else gives an e-authority.
    authority: null,
    personal: z.parse(PersonalSchema, {
      fullName: "Ayesha Khan",
      fatherName: "Imran Khan",
      dateOfBirthDay: "14",
      dateOfBirthMonth: "3",
      dateOfBirthYear: "1990",
      gender: "female",
      cnic: "35202-1234567-4",
      passportNumber: "AB1234567",
      passportCountry: "PK",
      nationality: "PK",
    }),
    contact: z.parse(ContactSchema, {
      email: "ayesha.khan@example.com",
      phone: "+30 691 234 5678",
      residenceCountry: "GR",
      residenceCity: "Athens",
    }),
    addresses: [
      z.parse(AddressSchema, {
        district: "Lahore",
        policeStation: "Model Town",
        address: "House 12, Street 4, Model Town",
        fromMonth: "1",
        fromYear: "1990",
        toMonth: "6",
        toYear: "2015",
      }),
      z.parse(AddressSchema, {
        district: "Gujrat",
        policeStation: "Civil Lines",
        address: "Flat 3, Block B, Civil Lines",
        fromMonth: "7",
        fromYear: "2015",
        toMonth: "",
        toYear: "",
      }),
    ],
    purpose: z.parse(PurposeSchema, { purpose: "work_visa", destinationCountry: "GR" }),
    delivery: z.parse(DeliverySchema, { delivery: "pdf" }),
  };
}

// A 1×1 PNG: documents are checked on upload, not on submission, so their size does not matter here.
const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/**
 * Complete drafts, each with the four required documents (encrypted with the app's key), in one
 * transaction. Returns the draft keys (`<id>.<secret>`) a browser would hold in its cookie.
 */
export async function seedCompleteDrafts(db: Kysely<Database>, documentKey: Uint8Array, count: number): Promise<string[]> {
  const answers = completeAnswers();
  return db.transaction().execute(async (trx) => {
    // Built on the transaction: on SQLite a storage on the outer db would wait for this connection.
    const storage = createStoreDocumentStorage(trx, documentKey);
    const keys: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const { draft, key } = await createDraft(trx, "en", answers);
      for (const kind of REQUIRED_DOCUMENTS) {
        await saveDocument(trx, storage, { ownerType: "draft", ownerId: draft.id, kind, contentType: "image/png", bytes: TINY_PNG });
      }
      keys.push(key);
    }
    return keys;
  });
}

const FIRST_NAMES = [
  "Muhammad",
  "Ayesha",
  "Ali",
  "Fatima",
  "Hassan",
  "Zainab",
  "Usman",
  "Maryam",
  "Bilal",
  "Sana",
  "Imran",
  "Hina",
  "Ahmed",
  "Amna",
  "Hamza",
  "Khadija",
  "Omar",
  "Iqra",
  "Asad",
  "Rabia",
  "Tariq",
  "Saima",
  "Waqas",
  "Nadia",
];
const FAMILY_NAMES = [
  "Khan",
  "Ahmed",
  "Butt",
  "Chaudhry",
  "Malik",
  "Raza",
  "Iqbal",
  "Hussain",
  "Sheikh",
  "Mirza",
  "Qureshi",
  "Siddiqui",
  "Bhatti",
  "Awan",
  "Cheema",
  "Gondal",
  "Warraich",
  "Javed",
  "Aslam",
  "Rana",
];
/**
 * Service centers by share of the work: Lahore, the largest, handles two cases in five, so the
 * officer whose queue is measured works through a long one.
 */
const SERVICE_CENTERS: readonly [slug: string, weight: number][] = [
  ["lahore", 40],
  ["rawalpindi", 25],
  ["gujrat", 20],
  ["sialkot", 15],
];
/** Where applicants live, with the mission that serves them (collection, referral posters). */
const RESIDENCES: readonly [country: string, city: string, mission: string][] = [
  ["GR", "Athens", "athens"],
  ["IT", "Rome", "rome"],
  ["IT", "Milan", "milan"],
  ["ES", "Madrid", "madrid"],
  ["ES", "Barcelona", "barcelona"],
];
/** Most certificates go to the country of residence; the rest to countries people move on to. */
const ONWARD_DESTINATIONS = ["GB", "DE", "CA", "SA", "AE", "US", "AU", "PT"];
export const BENCH_DESTINATIONS = ["GR", "IT", "ES", ...ONWARD_DESTINATIONS] as const;
const PURPOSES: readonly [purpose: string, weight: number][] = [
  ["work_visa", 40],
  ["residence_permit", 30],
  ["immigration", 15],
  ["employment", 12],
  ["other", 3],
];
/**
 * A quarter of the store is still being worked on: each queue tab of the measured center then
 * has more than a page of cases even at a thousand applications, so the comparison with a million
 * is about the size of the store, not of the page. The open ones are recent; the rest spread over
 * three years, finished.
 */
const OPEN_STATUSES: readonly [ApplicationStatus, number][] = [
  ["submitted", 9],
  ["in_review", 9],
  ["waiting_for_applicant", 3],
  ["approved", 4],
];
const CLOSED_STATUSES: readonly [ApplicationStatus, number][] = [
  ["issued", 45],
  ["collected", 15],
  ["rejected", 12],
  ["withdrawn", 8],
];
const ASSIGNED: ReadonlySet<ApplicationStatus> = new Set(["in_review", "waiting_for_applicant", "approved"]);
/** Caseworkers (officers and supervisors) per service center, to whom cases in progress are assigned. */
const CASEWORKERS_PER_CENTER = 12;
const DAY_MS = 24 * 60 * 60 * 1000;
const BIRTH_FROM = Date.UTC(1950, 0, 1);
const BIRTH_SPAN_DAYS = 55 * 365;
const OPEN_SPAN_MS = 45 * DAY_MS;
const SUBMITTED_SPAN_MS = 3 * 365 * DAY_MS;

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

function pickWeighted<T>(list: readonly (readonly [T, number])[]): T {
  let left = Math.random() * list.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of list) {
    left -= weight;
    if (left < 0) return value;
  }
  return list[list.length - 1]![0];
}

function digits(count: number): string {
  let text = "";
  for (let i = 0; i < count; i += 1) text += Math.floor(Math.random() * 10);
  return text;
}

/** Case workers by service center, for `seedApplications` to assign cases in progress to. */
export type Caseworkers = Readonly<Record<string, readonly string[]>>;

/**
 * Officers and a supervisor for every service center (accounts without a password: nobody signs in
 * as them), as the queue shows who holds each case.
 */
export async function seedCaseworkers(db: Kysely<Database>): Promise<Caseworkers> {
  const stamp = new Date().toISOString();
  const byCenter: Record<string, string[]> = {};
  const rows = SERVICE_CENTERS.flatMap(([center]) =>
    Array.from({ length: CASEWORKERS_PER_CENTER }, (_, i) => {
      const id = randomUUID();
      (byCenter[center] ??= []).push(id);
      return {
        id,
        email: `caseworker.${center}.${i}.${randomUUID().slice(0, 8)}@police.example.pk`,
        display_name: `${pick(FIRST_NAMES)} ${pick(FAMILY_NAMES)}`,
        password_hash: null,
        role: i === 0 ? ("supervisor" as const) : ("officer" as const),
        center_slug: center,
        totp_secret: null,
        disabled_at: null,
        created_at: stamp,
        updated_at: stamp,
      };
    }),
  );
  await db.insertInto("staff_user").values(rows).execute();
  return byCenter;
}

/** Bench data, not secrets: Math.random is enough everywhere except the reference, which is the app's own. */
function applicationRow(now: number, caseworkers: Caseworkers): NewApplication {
  const male = Math.random() < 0.5;
  const fullName = `${pick(FIRST_NAMES)} ${pick(FAMILY_NAMES)}`;
  const open = Math.random() < 0.25;
  const status = pickWeighted(open ? OPEN_STATUSES : CLOSED_STATUSES);
  const submittedAt = new Date(now - Math.floor(Math.random() * (open ? OPEN_SPAN_MS : SUBMITTED_SPAN_MS))).toISOString();
  const collection = status === "collected" || Math.random() < 0.3;
  const [residenceCountry, residenceCity, mission] = pick(RESIDENCES);
  const center = pickWeighted(SERVICE_CENTERS);
  // One in twenty is a relative applying for the holder; a few still wait for the holder's consent.
  const relative = Math.random() < 0.05;
  const authorityPending = relative && status === "submitted" && Math.random() < 0.3;
  return {
    id: randomUUID(),
    reference: newReference("application"),
    draft_id: randomUUID(),
    status,
    status_changed_at: submittedAt,
    language: pick(LANGUAGES),
    applicant_type: relative ? "relative" : "self",
    full_name: fullName,
    name_search: fullName.toLocaleLowerCase(),
    father_name: `${pick(FIRST_NAMES)} ${pick(FAMILY_NAMES)}`,
    date_of_birth: new Date(BIRTH_FROM + Math.floor(Math.random() * BIRTH_SPAN_DAYS) * DAY_MS).toISOString().slice(0, 10),
    gender: male ? "male" : "female",
    // Region 3 (Punjab); the last digit is odd for men and even for women.
    cnic: `3${digits(11)}${2 * Math.floor(Math.random() * 5) + (male ? 1 : 0)}`,
    passport_number: `A${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${digits(7)}`,
    passport_country: "PK",
    nationality: "PK",
    email: `applicant.${digits(9)}@example.com`,
    phone: `+3069${digits(8)}`,
    residence_country: residenceCountry,
    residence_city: residenceCity,
    purpose: pickWeighted(PURPOSES),
    purpose_other: null,
    destination_country: Math.random() < 0.6 ? residenceCountry : pick(ONWARD_DESTINATIONS),
    delivery: collection ? "collection" : "pdf",
    collection_center_slug: collection ? mission : null,
    // A fifth came through an embassy's poster.
    referral_center_slug: Math.random() < 0.2 ? mission : null,
    center_slug: center,
    assigned_to: ASSIGNED.has(status) ? pick(caseworkers[center] ?? [null]) : null,
    relative_name: relative ? `${pick(FIRST_NAMES)} ${pick(FAMILY_NAMES)}` : null,
    authority_status: relative ? (authorityPending ? "pending" : "confirmed") : null,
    authority_token_hash: authorityPending ? randomBytes(32).toString("hex") : null,
    authority_confirmed_at: relative && !authorityPending ? submittedAt : null,
    // The stored form of a tracking secret is a SHA-256 in hex; nobody will use these links.
    track_secret_hash: randomBytes(32).toString("hex"),
    submitted_at: submittedAt,
    updated_at: submittedAt,
  };
}

export type SeedOptions = {
  /** Rows per INSERT statement: about 30 parameters a row, so 500 rows stay well under SQLite's 32,766. */
  rowsPerStatement?: number;
  /** Rows per transaction; progress is reported after each commit. */
  rowsPerTransaction?: number;
  onProgress?: (inserted: number, elapsedMs: number) => void;
  /** Cases in progress are assigned to these (seedCaseworkers); without them, to nobody. */
  caseworkers?: Caseworkers;
  /** Checked after each transaction: past it the load stops with an error. */
  timeLimitMs?: number;
};

/**
 * Adds `count` applications in large transactions of multi-row inserts. A row whose random
 * reference (or other unique value) is already taken is skipped and drawn again, so exactly
 * `count` rows are added: at a million, about two dozen references collide.
 */
export async function seedApplications(db: Kysely<Database>, count: number, options: SeedOptions = {}): Promise<number> {
  const perStatement = options.rowsPerStatement ?? 500;
  const perTransaction = options.rowsPerTransaction ?? 50_000;
  const started = performance.now();
  let inserted = 0;
  while (inserted < count) {
    const target = Math.min(count, inserted + perTransaction);
    await db.transaction().execute(async (trx) => {
      while (inserted < target) {
        const now = Date.now();
        const rows = Array.from({ length: Math.min(perStatement, target - inserted) }, () =>
          applicationRow(now, options.caseworkers ?? {}),
        );
        const result = await trx
          .insertInto("application")
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
    });
    const elapsedMs = performance.now() - started;
    options.onProgress?.(inserted, elapsedMs);
    if (inserted < count && elapsedMs > (options.timeLimitMs ?? Infinity)) {
      throw new Error(`Seeding stopped after ${Math.round(elapsedMs / 1000)} s with ${inserted} of ${count} applications`);
    }
  }
  return inserted;
}

export type Durability = { synchronous: number; journalMode: string };

export async function readDurability(db: Kysely<Database>): Promise<Durability> {
  const { rows: sync } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
  const { rows: journal } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
  return { synchronous: sync[0]?.synchronous ?? -1, journalMode: journal[0]?.journal_mode ?? "unknown" };
}

/** SQLite's numbering of PRAGMA synchronous. */
export const SYNCHRONOUS_NAMES: Record<number, string> = { 0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA" };

/**
 * Runs a bulk load on a SQLite store with synchronous=OFF and a large page cache (nobody is served
 * meanwhile, and a crash would only lose bench data), then checkpoints the WAL into the database
 * and puts synchronous and the cache back as they were, whatever happened. Returns what the store
 * reports afterwards, so the report can show that measurements ran with FULL again.
 */
export async function withFastBulkLoad<T>(db: Kysely<Database>, load: () => Promise<T>): Promise<{ result: T; after: Durability }> {
  const before = await readDurability(db);
  const { rows } = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  const cacheSize = rows[0]?.cache_size ?? -2000;
  await sql`PRAGMA synchronous = OFF`.execute(db);
  // Negative means KiB: 1 GiB keeps the random-key indexes of a million rows in memory.
  await sql`PRAGMA cache_size = -1048576`.execute(db);
  let result: T;
  try {
    result = await load();
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    // As the server does at every start (server/index.ts): planner statistics for the data loaded.
    await refreshPlannerStatistics(db);
  } finally {
    await sql.raw(`PRAGMA synchronous = ${Number(before.synchronous)}`).execute(db);
    await sql.raw(`PRAGMA cache_size = ${Number(cacheSize)}`).execute(db);
  }
  return { result, after: await readDurability(db) };
}

export type TrackingKey = { reference: string; dateOfBirth: string };

/** Applications drawn uniformly from the whole table, so lookups touch old rows as well as new ones. */
export async function sampleTrackingKeys(db: Kysely<Database>, count: number): Promise<TrackingKey[]> {
  const rows = await db
    .selectFrom("application")
    .select(["reference", "date_of_birth"])
    .orderBy(sql`random()`)
    .limit(count)
    .execute();
  return rows.map((r) => ({ reference: r.reference, dateOfBirth: r.date_of_birth }));
}
