/**
 * Facts on the legal-migration page that change (official links, fees, helplines), kept by
 * administrators. The public page reads only confirmed facts; an edit takes the confirmation away
 * until someone confirms the fact again. Each change is audited in its own transaction, naming the
 * fields that changed, not their values (the record itself shows those).
 */
import type { Kysely } from "kysely";
import type { LegalFactDestination, LegalFactKind } from "~/domain/legal-fact";
import type { Lang } from "~/i18n";
import type { LegalFactInput } from "~/schemas/legal-fact";
import type { Database } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";

type Actor = Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;

export type LegalFact = {
  key: string;
  destination: LegalFactDestination;
  kind: LegalFactKind;
  value: string;
  labels: Record<Lang, string>;
  source: string;
  checkedOn: string | null;
  confirmedAt: string | null;
};

/** What the public page shows of a confirmed fact, in one language. */
export type PublicLegalFact = Omit<LegalFact, "labels" | "confirmedAt" | "checkedOn"> & { label: string; checkedOn: string };

const COLUMNS = [
  "key",
  "destination",
  "kind",
  "value",
  "label_ur",
  "label_en",
  "label_el",
  "label_it",
  "source",
  "checked_on",
  "confirmed_at",
] as const;

type Row = Pick<Database["legal_fact"], (typeof COLUMNS)[number]>;

function toFact(row: Row): LegalFact {
  return {
    key: row.key,
    destination: row.destination,
    kind: row.kind,
    value: row.value,
    labels: { ur: row.label_ur, en: row.label_en, el: row.label_el, it: row.label_it },
    source: row.source,
    checkedOn: row.checked_on,
    confirmedAt: row.confirmed_at,
  };
}

function toColumns(input: Omit<LegalFactInput, "key">) {
  return {
    destination: input.destination,
    kind: input.kind,
    value: input.value,
    label_ur: input.labels.ur,
    label_en: input.labels.en,
    label_el: input.labels.el,
    label_it: input.labels.it,
    source: input.source,
    checked_on: input.checkedOn,
  };
}

/** Every fact, by destination and key, for the back office. */
export async function listLegalFacts(db: Kysely<Database>): Promise<LegalFact[]> {
  const rows = await db.selectFrom("legal_fact").select(COLUMNS).orderBy("destination").orderBy("key").execute();
  return rows.map(toFact);
}

/** Confirmed facts only, in one language: an unconfirmed fact never reaches the public. */
export async function listConfirmedLegalFacts(db: Kysely<Database>, lang: Lang): Promise<PublicLegalFact[]> {
  const rows = await db
    .selectFrom("legal_fact")
    .select(COLUMNS)
    .where("confirmed_at", "is not", null)
    .where("checked_on", "is not", null)
    .orderBy("destination")
    .orderBy("key")
    .execute();
  return rows.map(toFact).map(({ labels, confirmedAt: _confirmed, checkedOn, ...fact }) => ({
    ...fact,
    label: labels[lang],
    checkedOn: checkedOn!,
  }));
}

export async function findLegalFact(db: Kysely<Database>, key: string): Promise<LegalFact | null> {
  const row = await db.selectFrom("legal_fact").select(COLUMNS).where("key", "=", key).executeTakeFirst();
  return row ? toFact(row) : null;
}

export async function addLegalFact(
  db: Kysely<Database>,
  input: LegalFactInput & { actor: Actor },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; problem: "exists" }> {
  const stamp = now.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("legal_fact")
        .values({
          key: input.key,
          ...toColumns(input),
          confirmed_by: null,
          confirmed_at: null,
          updated_by: input.actor.actorId ?? null,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
      await insertAuditEvent(trx, {
        ...input.actor,
        action: "legal_fact.added",
        entityType: "legal_fact",
        entityId: input.key,
        details: { destination: input.destination, kind: input.kind },
        occurredAt: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: "exists" };
    throw error;
  }
  return { ok: true };
}

export type LegalFactUpdateOutcome = { ok: true; changed: readonly string[] } | { ok: false; problem: "not_found" };

/** Saves an edit; any change makes the fact unconfirmed again, so the public page stops showing it. */
export async function updateLegalFact(
  db: Kysely<Database>,
  input: Omit<LegalFactInput, "key"> & { key: string; actor: Actor },
  now = new Date(),
): Promise<LegalFactUpdateOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("legal_fact").selectAll().where("key", "=", input.key).executeTakeFirst();
    if (!row) return { ok: false, problem: "not_found" } as const;
    const next = toColumns(input);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((column) => row[column] !== next[column]);
    if (changed.length === 0) return { ok: true, changed } as const;
    const unconfirmed = row.confirmed_at !== null;
    await trx
      .updateTable("legal_fact")
      .set({
        ...next,
        updated_by: input.actor.actorId ?? null,
        updated_at: now.toISOString(),
        ...(unconfirmed ? { confirmed_at: null, confirmed_by: null } : {}),
      })
      .where("key", "=", input.key)
      .execute();
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "legal_fact.updated",
      entityType: "legal_fact",
      entityId: input.key,
      details: { changed: changed.join(","), ...(unconfirmed ? { unconfirmed: true } : {}) },
      occurredAt: now,
    });
    return { ok: true, changed } as const;
  });
}

export type LegalFactConfirmOutcome = { ok: true } | { ok: false; problem: "not_found" | "not_checked" };

/**
 * An administrator vouches that the value is what the source publishes, as checked on the date
 * recorded. A fact nobody has checked (a seeded one) cannot be confirmed until it has that date.
 */
export async function confirmLegalFact(
  db: Kysely<Database>,
  input: { key: string; actor: Actor },
  now = new Date(),
): Promise<LegalFactConfirmOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("legal_fact").select(["checked_on"]).where("key", "=", input.key).executeTakeFirst();
    if (!row) return { ok: false, problem: "not_found" } as const;
    if (!row.checked_on) return { ok: false, problem: "not_checked" } as const;
    await trx
      .updateTable("legal_fact")
      .set({ confirmed_at: now.toISOString(), confirmed_by: input.actor.actorId ?? null, updated_at: now.toISOString() })
      .where("key", "=", input.key)
      .execute();
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "legal_fact.confirmed",
      entityType: "legal_fact",
      entityId: input.key,
      occurredAt: now,
    });
    return { ok: true } as const;
  });
}
