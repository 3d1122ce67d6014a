/**
 * Emergency contacts per country, kept by administrators and shown to a reporter who says that
 * someone is in danger right now. Each addition and removal is audited.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { EmergencyContactInput, EmergencyContactKind } from "~/schemas/emergency-contact";
import type { Database } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";

type Actor = Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;

export type EmergencyContactListing = { id: string; countryCode: string; kind: EmergencyContactKind; phone: string };

const KIND_ORDER: Record<EmergencyContactKind, number> = { police: 0, embassy: 1, fia: 2 };

function byKind(a: EmergencyContactListing, b: EmergencyContactListing): number {
  return a.countryCode.localeCompare(b.countryCode) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.phone.localeCompare(b.phone);
}

/** Every contact, or one country's, by country and then police, embassy, FIA. */
export async function listEmergencyContacts(db: Kysely<Database>, countryCode?: string): Promise<EmergencyContactListing[]> {
  let query = db.selectFrom("emergency_contact").select(["id", "country_code", "kind", "phone"]);
  if (countryCode) query = query.where("country_code", "=", countryCode);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, countryCode: r.country_code, kind: r.kind, phone: r.phone })).sort(byKind);
}

export async function addEmergencyContact(
  db: Kysely<Database>,
  input: EmergencyContactInput & { actor: Actor },
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; problem: "exists" }> {
  const id = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("emergency_contact")
        .values({
          id,
          country_code: input.countryCode,
          kind: input.kind,
          phone: input.phone,
          created_by: input.actor.actorId ?? null,
          created_at: now.toISOString(),
        })
        .execute();
      await insertAuditEvent(trx, {
        ...input.actor,
        action: "emergency_contact.added",
        entityType: "emergency_contact",
        entityId: id,
        // An official number, not personal data: the record shows what was published.
        details: { country: input.countryCode, kind: input.kind, phone: input.phone },
        occurredAt: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: "exists" };
    throw error;
  }
  return { ok: true, id };
}

/** False when there was no such contact (already removed by someone else). */
export async function removeEmergencyContact(
  db: Kysely<Database>,
  input: { id: string; actor: Actor },
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("emergency_contact")
      .where("id", "=", input.id)
      .returning(["country_code", "kind", "phone"])
      .executeTakeFirst();
    if (!removed) return false;
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "emergency_contact.removed",
      entityType: "emergency_contact",
      entityId: input.id,
      details: { country: removed.country_code, kind: removed.kind, phone: removed.phone },
      occurredAt: now,
    });
    return true;
  });
}
