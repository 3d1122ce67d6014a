/**
 * Public holidays, kept by administrators, which the service level skips (app/domain/sla.ts).
 * Each addition and removal is audited with the change.
 */
import type { Kysely } from "kysely";
import type { Holidays } from "~/domain/sla";
import type { Database } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";

type Actor = Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;

export type HolidayListing = { day: string; name: string };

/** Holidays on or after `from` (YYYY-MM-DD), earliest first. */
export async function listHolidays(db: Kysely<Database>, from: string): Promise<HolidayListing[]> {
  return db.selectFrom("public_holiday").select(["day", "name"]).where("day", ">=", from).orderBy("day").execute();
}

/**
 * Every holiday, for service-level sums over cases of any age: a country has about twenty a year,
 * so even decades of them are a small set.
 */
export async function loadHolidays(db: Kysely<Database>): Promise<Holidays> {
  const rows = await db.selectFrom("public_holiday").select("day").execute();
  return new Set(rows.map((r) => r.day));
}

export async function addHoliday(
  db: Kysely<Database>,
  input: { day: string; name: string; actor: Actor },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; problem: "exists" }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("public_holiday").select("day").where("day", "=", input.day).executeTakeFirst();
    if (existing) return { ok: false, problem: "exists" } as const;
    await trx
      .insertInto("public_holiday")
      .values({ day: input.day, name: input.name, created_by: input.actor.actorId ?? null, created_at: now.toISOString() })
      .execute();
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "holiday.added",
      entityType: "public_holiday",
      entityId: input.day,
      occurredAt: now,
    });
    return { ok: true } as const;
  });
}

/** False when there was no such holiday (already removed by someone else). */
export async function removeHoliday(db: Kysely<Database>, input: { day: string; actor: Actor }, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom("public_holiday").where("day", "=", input.day).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "holiday.removed",
      entityType: "public_holiday",
      entityId: input.day,
      occurredAt: now,
    });
    return true;
  });
}
