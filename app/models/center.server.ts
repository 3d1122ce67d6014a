import type { Kysely } from "kysely";
import {
  CENTER_SERVICES,
  type CenterService,
  mapLinks,
  type MapLinks,
  readCodes,
  SPOKEN_LANGUAGES,
  type SpokenLanguage,
  writeCodes,
} from "~/domain/center-page";
import type { Lang } from "~/i18n";
import { readStoredHours, type WeeklyHours, writeStoredHours } from "~/schemas/center-hours";
import type { Center, Database } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";

/** What the public may read about a center: only details an administrator confirmed as official. */
export type CenterDetails = {
  address: string | null;
  hours: WeeklyHours | null;
  phone: string | null;
  email: string | null;
  services: CenterService[];
  languages: SpokenLanguage[];
  map: MapLinks | null;
};

export type CenterListing = {
  slug: string;
  kind: "service_center" | "embassy" | "consulate";
  countryCode: string;
  city: string;
  /** In the reader's language; `names` has all four, for a search in any of them. */
  name: string;
  names: Record<Lang, string>;
  /** Printed on the center's posters; "Apply online" on its page carries it. */
  referralCode: string | null;
  /** Null until confirmed: the page then says so instead of showing unchecked data. */
  details: CenterDetails | null;
};

function toCenterListing(center: CenterRecord, lang: Lang): CenterListing {
  return {
    slug: center.slug,
    kind: center.kind,
    countryCode: center.countryCode,
    city: center.city,
    name: center.names[lang],
    names: center.names,
    referralCode: center.referralCode,
    details: center.detailsConfirmedAt
      ? {
          address: center.address,
          hours: center.weeklyHours,
          phone: center.phone,
          email: center.email,
          services: center.services,
          languages: center.languages,
          map: mapLinks(center.latitude, center.longitude),
        }
      : null,
  };
}

/** PostgreSQL's driver may hand numeric columns back as strings. */
function toNumber(value: number | string | null): number | null {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Active centers, by country and city, named in the reader's language. */
export async function listActiveCenters(db: Kysely<Database>, lang: Lang): Promise<CenterListing[]> {
  const rows = await db
    .selectFrom("center")
    .select(CENTER_COLUMNS)
    .where("active", "=", 1)
    .orderBy("country_code")
    .orderBy("city")
    .orderBy("slug")
    .execute();
  return rows.map((row) => toCenterListing(toCenterRecord(row), lang));
}

/** One active center for its public page; a closed or unknown one is not found. */
export async function findActiveCenter(db: Kysely<Database>, slug: string, lang: Lang): Promise<CenterListing | null> {
  const row = await db.selectFrom("center").select(CENTER_COLUMNS).where("slug", "=", slug).where("active", "=", 1).executeTakeFirst();
  return row ? toCenterListing(toCenterRecord(row), lang) : null;
}

// ---------------------------------------------------------------------------------------------
// The back office: every center, active or not, and its edits (each with its audit row).

export type CenterRecord = {
  slug: string;
  kind: "service_center" | "embassy" | "consulate";
  countryCode: string;
  city: string;
  names: Record<Lang, string>;
  address: string | null;
  weeklyHours: WeeklyHours | null;
  phone: string | null;
  email: string | null;
  services: CenterService[];
  languages: SpokenLanguage[];
  latitude: number | null;
  longitude: number | null;
  detailsConfirmedAt: string | null;
  referralCode: string | null;
  active: boolean;
  updatedAt: string;
};

const CENTER_COLUMNS = [
  "slug",
  "kind",
  "country_code",
  "city",
  "name_en",
  "name_ur",
  "name_el",
  "name_it",
  "address",
  "weekly_hours",
  "phone",
  "email",
  "services",
  "languages_spoken",
  "latitude",
  "longitude",
  "details_confirmed_at",
  "referral_code",
  "active",
  "updated_at",
] as const;

type CenterRow = Pick<Center, (typeof CENTER_COLUMNS)[number]>;

function toCenterRecord(row: CenterRow): CenterRecord {
  return {
    slug: row.slug,
    kind: row.kind,
    countryCode: row.country_code,
    city: row.city,
    names: { en: row.name_en, ur: row.name_ur, el: row.name_el, it: row.name_it },
    address: row.address,
    weeklyHours: readStoredHours(row.weekly_hours),
    phone: row.phone,
    email: row.email,
    services: readCodes(row.services, CENTER_SERVICES),
    languages: readCodes(row.languages_spoken, SPOKEN_LANGUAGES),
    latitude: toNumber(row.latitude),
    longitude: toNumber(row.longitude),
    detailsConfirmedAt: row.details_confirmed_at,
    referralCode: row.referral_code,
    active: Number(row.active) === 1,
    updatedAt: row.updated_at,
  };
}

/** Every center, closed ones too: Pakistan's service centers first, then missions by country and city. */
export async function listAllCenters(db: Kysely<Database>): Promise<CenterRecord[]> {
  const rows = await db.selectFrom("center").select(CENTER_COLUMNS).orderBy("country_code").orderBy("city").orderBy("slug").execute();
  const records = rows.map(toCenterRecord);
  return [...records.filter((c) => c.kind === "service_center"), ...records.filter((c) => c.kind !== "service_center")];
}

export async function findCenter(db: Kysely<Database>, slug: string): Promise<CenterRecord | null> {
  const row = await db.selectFrom("center").select(CENTER_COLUMNS).where("slug", "=", slug).executeTakeFirst();
  return row ? toCenterRecord(row) : null;
}

export type CenterChanges = {
  names: Record<Lang, string>;
  address: string | null;
  weeklyHours: WeeklyHours;
  phone: string | null;
  email: string | null;
  services: readonly CenterService[];
  languages: readonly SpokenLanguage[];
  /** Both or neither: the route checks that. */
  place: { latitude: number; longitude: number } | null;
  referralCode: string | null;
  active: boolean;
};

export type CenterUpdateOutcome =
  | { ok: true; changed: readonly string[] }
  | { ok: false; problem: "not_found" | "referral_taken" | "referral_not_allowed" };

/** What the public page shows once confirmed; changing any of it asks for a new confirmation. */
const DETAIL_COLUMNS = ["address", "weekly_hours", "phone", "email", "services", "languages_spoken", "latitude", "longitude"] as const;

/**
 * Saves a center's edits with an audit row naming the fields that changed (not their values: the
 * record itself shows those). Referral codes belong to embassies and consulates (their posters
 * carry them) and are unique.
 */
export async function updateCenter(
  db: Kysely<Database>,
  input: { slug: string; changes: CenterChanges; actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef"> },
  now = new Date(),
): Promise<CenterUpdateOutcome> {
  const { changes } = input;
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("center").select(CENTER_COLUMNS).where("slug", "=", input.slug).executeTakeFirst();
    if (!row) return { ok: false, problem: "not_found" } as const;
    if (changes.referralCode && row.kind === "service_center") return { ok: false, problem: "referral_not_allowed" } as const;
    if (changes.referralCode) {
      const holder = await trx
        .selectFrom("center")
        .select("slug")
        .where("referral_code", "=", changes.referralCode)
        .where("slug", "<>", input.slug)
        .executeTakeFirst();
      if (holder) return { ok: false, problem: "referral_taken" } as const;
    }
    const next = {
      name_en: changes.names.en,
      name_ur: changes.names.ur,
      name_el: changes.names.el,
      name_it: changes.names.it,
      address: changes.address,
      weekly_hours: writeStoredHours(changes.weeklyHours),
      phone: changes.phone,
      email: changes.email,
      services: writeCodes(changes.services, CENTER_SERVICES),
      languages_spoken: writeCodes(changes.languages, SPOKEN_LANGUAGES),
      latitude: changes.place?.latitude ?? null,
      longitude: changes.place?.longitude ?? null,
      referral_code: changes.referralCode,
      active: changes.active ? 1 : 0,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) =>
      key === "active" || key === "latitude" || key === "longitude" ? toNumber(row[key]) !== next[key] : row[key] !== next[key],
    );
    if (changed.length === 0) return { ok: true, changed } as const;
    // Edited contact details are unchecked again until someone confirms them.
    const unconfirmed = row.details_confirmed_at !== null && changed.some((key) => (DETAIL_COLUMNS as readonly string[]).includes(key));
    await trx
      .updateTable("center")
      .set({ ...next, updated_at: now.toISOString(), ...(unconfirmed ? { details_confirmed_at: null, details_confirmed_by: null } : {}) })
      .where("slug", "=", input.slug)
      .execute();
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "center.updated",
      entityType: "center",
      entityId: input.slug,
      details: {
        changed: changed.join(","),
        ...(changed.includes("active") ? { active: changes.active } : {}),
        ...(unconfirmed ? { detailsUnconfirmed: true } : {}),
      },
      occurredAt: now,
    });
    return { ok: true, changed } as const;
  });
}

export type CenterConfirmOutcome = { ok: true } | { ok: false; problem: "not_found" | "nothing_to_confirm" };

/**
 * An administrator vouches that the center's address, hours, phone and email are official (from
 * the mission or the Ministry of Foreign Affairs). Only then do the public pages show them.
 */
export async function confirmCenterDetails(
  db: Kysely<Database>,
  input: { slug: string; actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef"> },
  now = new Date(),
): Promise<CenterConfirmOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("center").select(DETAIL_COLUMNS).where("slug", "=", input.slug).executeTakeFirst();
    if (!row) return { ok: false, problem: "not_found" } as const;
    if (DETAIL_COLUMNS.every((key) => !row[key])) return { ok: false, problem: "nothing_to_confirm" } as const;
    await trx
      .updateTable("center")
      .set({ details_confirmed_at: now.toISOString(), details_confirmed_by: input.actor.actorId ?? null, updated_at: now.toISOString() })
      .where("slug", "=", input.slug)
      .execute();
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "center.details_confirmed",
      entityType: "center",
      entityId: input.slug,
      occurredAt: now,
    });
    return { ok: true } as const;
  });
}

/** A center's name in every language; the slug itself when the center is unknown. */
export async function findCenterNames(db: Kysely<Database>, slug: string): Promise<Record<Lang, string>> {
  const row = await db
    .selectFrom("center")
    .select(["name_en", "name_ur", "name_el", "name_it"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ? { en: row.name_en, ur: row.name_ur, el: row.name_el, it: row.name_it } : { en: slug, ur: slug, el: slug, it: slug };
}
