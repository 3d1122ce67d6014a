/**
 * Reading the audit log in the back office: filtered, newest first, a page at a time (keyset on
 * seq, so the thousandth page costs what the first does), and narrowed to what the reader may see.
 * Administrators see everything. A supervisor sees the events about applications of their center,
 * and the other events of staff of their center; an event about another center's application
 * never reaches them, whoever made it. Reading the log is itself recorded.
 */
import type { Kysely } from "kysely";
import { isValidReference, normalizeReference } from "~/domain/reference";
import type { ChainReport } from "./audit.server";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import type { AuditEventTable, Database } from "../../db/schema";

export const AUDIT_PAGE_SIZE = 50;

export type AuditScope = { kind: "any" } | { kind: "center"; centerSlug: string };

/** Who did it: "system", "applicant", "reporter", or a staff account's id. */
export type AuditActorFilter = string;

export type AuditFilter = {
  action: string | null;
  entityType: string | null;
  /** Already resolved (see resolveAuditEntity). */
  entityId: string | null;
  actor: AuditActorFilter | null;
  /** Dates (YYYY-MM-DD), in UTC, both included. */
  from: string | null;
  to: string | null;
};

export const NO_FILTER: AuditFilter = { action: null, entityType: null, entityId: null, actor: null, from: null, to: null };

export type AuditLogEntry = {
  seq: number;
  occurredAt: string;
  actorType: AuditEventTable["actor_type"];
  actorId: string | null;
  /** The staff member's display name when a staff member acted. */
  actorName: string | null;
  sessionRef: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** A name people recognise: the application's reference, the staff member's display name. */
  entityLabel: string | null;
  details: Record<string, string | number | boolean | null>;
};

export type AuditPage = { entries: AuditLogEntry[]; nextBefore: number | null };

const NON_STAFF_ACTORS = new Set(["system", "applicant", "reporter"]);

function parseDetails(text: string): AuditLogEntry["details"] {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    const details: AuditLogEntry["details"] = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") details[key] = v;
    }
    return details;
  } catch {
    return {};
  }
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/**
 * What people type to name a record: an application reference (`PCC-…`, any case or spacing)
 * becomes that application's id; anything else is taken as an id as it is.
 */
export async function resolveAuditEntity(db: Kysely<Database>, input: string): Promise<{ entityId: string; reference: string | null }> {
  const typed = input.trim();
  const reference = /^\s*pcc/i.test(typed) ? normalizeReference(typed) : null;
  if (!reference || !isValidReference(reference, "application")) return { entityId: typed, reference: null };
  const row = await db.selectFrom("application").select("id").where("reference", "=", reference).executeTakeFirst();
  // An unknown reference matches no event rather than every event.
  return { entityId: row?.id ?? reference, reference };
}

export async function listAuditEvents(
  db: Kysely<Database>,
  scope: AuditScope,
  filter: AuditFilter,
  { before = null, limit = AUDIT_PAGE_SIZE }: { before?: number | null; limit?: number } = {},
): Promise<AuditPage> {
  let query = db
    .selectFrom("audit_event")
    .leftJoin("staff_user as actor", (join) =>
      join.onRef("actor.id", "=", "audit_event.actor_id").on("audit_event.actor_type", "=", "staff"),
    )
    .leftJoin("application", (join) =>
      join.onRef("application.id", "=", "audit_event.entity_id").on("audit_event.entity_type", "=", "application"),
    )
    .leftJoin("staff_user as subject", (join) =>
      join.onRef("subject.id", "=", "audit_event.entity_id").on("audit_event.entity_type", "=", "staff_user"),
    )
    .select([
      "audit_event.seq",
      "audit_event.occurred_at",
      "audit_event.actor_type",
      "audit_event.actor_id",
      "audit_event.session_ref",
      "audit_event.action",
      "audit_event.entity_type",
      "audit_event.entity_id",
      "audit_event.details",
      "actor.display_name as actor_name",
      "application.reference as application_reference",
      "subject.display_name as subject_name",
    ]);

  if (scope.kind === "center") {
    const center = scope.centerSlug;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb("audit_event.entity_type", "=", "application"), eb("application.center_slug", "=", center)]),
        eb.and([eb("audit_event.entity_type", "<>", "application"), eb("actor.center_slug", "=", center)]),
      ]),
    );
  }
  if (filter.action) query = query.where("audit_event.action", "=", filter.action);
  if (filter.entityType) query = query.where("audit_event.entity_type", "=", filter.entityType);
  if (filter.entityId) query = query.where("audit_event.entity_id", "=", filter.entityId);
  if (filter.actor) {
    query = NON_STAFF_ACTORS.has(filter.actor)
      ? query.where("audit_event.actor_type", "=", filter.actor as AuditEventTable["actor_type"])
      : query.where("audit_event.actor_type", "=", "staff").where("audit_event.actor_id", "=", filter.actor);
  }
  // Times are ISO-8601 UTC text on both dialects, so text order is time order.
  if (filter.from) query = query.where("audit_event.occurred_at", ">=", `${filter.from}T00:00:00.000Z`);
  if (filter.to) query = query.where("audit_event.occurred_at", "<", nextDay(filter.to));
  if (before !== null) query = query.where("audit_event.seq", "<", before);

  const rows = await query
    .orderBy("audit_event.seq", "desc")
    .limit(limit + 1)
    .execute();
  const entries = rows.slice(0, limit).map(
    (row): AuditLogEntry => ({
      seq: Number(row.seq),
      occurredAt: row.occurred_at,
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorName: row.actor_name ?? null,
      sessionRef: row.session_ref,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      entityLabel: row.application_reference ?? row.subject_name ?? null,
      details: parseDetails(row.details),
    }),
  );
  return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.seq : null };
}

export type AuditActorOption = { id: string; displayName: string };

/** Staff whose events the reader may filter by: everyone, or the staff of the supervisor's center. */
export async function listAuditActors(db: Kysely<Database>, scope: AuditScope): Promise<AuditActorOption[]> {
  let query = db.selectFrom("staff_user").select(["id", "display_name"]);
  if (scope.kind === "center") query = query.where("center_slug", "=", scope.centerSlug);
  const rows = await query.orderBy("display_name").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

type StaffAuditActor = Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;

/** Records that someone read the log, and with which filter (ids and dates only). */
export async function recordAuditView(
  db: Kysely<Database>,
  input: { actor: StaffAuditActor; scope: AuditScope; filter: AuditFilter; before: number | null; shown: number },
  now = new Date(),
): Promise<void> {
  const { filter } = input;
  await db.transaction().execute((trx) =>
    insertAuditEvent(trx, {
      ...input.actor,
      action: "audit.viewed",
      entityType: "audit_event",
      entityId: null,
      details: {
        scope: input.scope.kind === "any" ? "any" : `center:${input.scope.centerSlug}`,
        action: filter.action,
        entityType: filter.entityType,
        entityId: filter.entityId,
        actor: filter.actor,
        from: filter.from,
        to: filter.to,
        before: input.before,
        shown: input.shown,
      },
      occurredAt: now,
    }),
  );
}

/** Records a check of the hash chain and what it found. */
export async function recordChainVerification(
  db: Kysely<Database>,
  input: { actor: StaffAuditActor; report: ChainReport },
  now = new Date(),
): Promise<void> {
  const { report } = input;
  await db.transaction().execute((trx) =>
    insertAuditEvent(trx, {
      ...input.actor,
      action: "audit.chain_verified",
      entityType: "audit_event",
      entityId: null,
      details: report.ok ? { intact: true, checked: report.checked } : { intact: false, checked: report.checked, brokenSeq: report.seq },
      occurredAt: now,
    }),
  );
}
