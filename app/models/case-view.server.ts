/**
 * What an officer sees of one case, notes they add, and reassignment. Reading a case is recorded
 * in the audit log by the route, because every look at personal data must be on record.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { ASSIGNABLE_ROLES, CASE_ACTIONS } from "~/domain/case-actions";
import type { ApplicationStatus, Database } from "../../db/schema";
import { listApplicationAddresses, type StoredAddress } from "./application.server";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import { createStoreDocumentStorage } from "./document-storage.server";
import { listDocuments, type DocumentMeta, readDocument } from "./document.server";

export type CaseDetails = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  version: number;
  centerSlug: string;
  assignedTo: string | null;
  assignedName: string | null;
  submittedAt: string;
  language: string;
  applicantType: "self" | "relative";
  relativeName: string | null;
  authorityStatus: "pending" | "confirmed" | null;
  fullName: string;
  fatherName: string;
  dateOfBirth: string;
  gender: string;
  cnic: string;
  passportNumber: string;
  passportCountry: string;
  nationality: string;
  email: string;
  phone: string;
  residenceCountry: string;
  residenceCity: string;
  purpose: string;
  purposeOther: string | null;
  destination: string;
  delivery: "pdf" | "collection";
  collectionCenterSlug: string | null;
  rejectionReason: string | null;
  rejectionNote: string | null;
  addresses: StoredAddress[];
  documents: DocumentMeta[];
  requests: {
    id: string;
    question: string;
    askedAt: string;
    answer: string | null;
    answeredAt: string | null;
    documents: DocumentMeta[];
  }[];
  notes: { id: string; body: string; createdAt: string; author: string }[];
  history: { seq: number; action: string; occurredAt: string; actor: string | null }[];
};

export async function findCaseCenter(
  db: Kysely<Database>,
  id: string,
): Promise<{ centerSlug: string; referralCenterSlug: string | null } | null> {
  const row = await db.selectFrom("application").select(["center_slug", "referral_center_slug"]).where("id", "=", id).executeTakeFirst();
  return row ? { centerSlug: row.center_slug, referralCenterSlug: row.referral_center_slug } : null;
}

export async function getCaseDetails(db: Kysely<Database>, id: string): Promise<CaseDetails | null> {
  const row = await db
    .selectFrom("application")
    .leftJoin("staff_user", "staff_user.id", "application.assigned_to")
    .selectAll("application")
    .select("staff_user.display_name as assigned_name")
    .where("application.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const [addresses, documents, requests, notes, history] = await Promise.all([
    listApplicationAddresses(db, id),
    listDocuments(db, "application", id),
    db.selectFrom("information_request").selectAll().where("application_id", "=", id).orderBy("asked_at").execute(),
    db
      .selectFrom("case_note")
      .innerJoin("staff_user", "staff_user.id", "case_note.author_id")
      .select(["case_note.id", "case_note.body", "case_note.created_at", "staff_user.display_name"])
      .where("case_note.application_id", "=", id)
      .orderBy("case_note.created_at")
      .execute(),
    db
      .selectFrom("audit_event")
      .leftJoin("staff_user", "staff_user.id", "audit_event.actor_id")
      .select(["audit_event.seq", "audit_event.action", "audit_event.occurred_at", "staff_user.display_name"])
      .where("audit_event.entity_type", "=", "application")
      .where("audit_event.entity_id", "=", id)
      .orderBy("audit_event.seq")
      .execute(),
  ]);
  const requestDocuments = await Promise.all(requests.map((r) => listDocuments(db, "information_response", r.id)));
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    version: Number(row.version),
    centerSlug: row.center_slug,
    assignedTo: row.assigned_to,
    assignedName: row.assigned_name,
    submittedAt: row.submitted_at,
    language: row.language,
    applicantType: row.applicant_type,
    relativeName: row.relative_name,
    authorityStatus: row.authority_status,
    fullName: row.full_name,
    fatherName: row.father_name,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    cnic: row.cnic,
    passportNumber: row.passport_number,
    passportCountry: row.passport_country,
    nationality: row.nationality,
    email: row.email,
    phone: row.phone,
    residenceCountry: row.residence_country,
    residenceCity: row.residence_city,
    purpose: row.purpose,
    purposeOther: row.purpose_other,
    destination: row.destination_country,
    delivery: row.delivery,
    collectionCenterSlug: row.collection_center_slug,
    rejectionReason: row.rejection_reason,
    rejectionNote: row.rejection_note,
    addresses,
    documents,
    requests: requests.map((r, i) => ({
      id: r.id,
      question: r.question,
      askedAt: r.asked_at,
      answer: r.answer,
      answeredAt: r.answered_at,
      documents: requestDocuments[i] ?? [],
    })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, createdAt: n.created_at, author: n.display_name })),
    history: history.map((h) => ({ seq: Number(h.seq), action: h.action, occurredAt: h.occurred_at, actor: h.display_name })),
  };
}

export async function recordCaseEvent(db: Kysely<Database>, event: AuditEventInput): Promise<void> {
  await db.transaction().execute((trx) => insertAuditEvent(trx, event));
}

/** A case's document for a staff download, the download on record like every look at a case. */
export async function downloadCaseDocument(
  db: Kysely<Database>,
  documentKey: Uint8Array,
  input: { documentId: string; applicationId: string; actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef"> },
): Promise<{ meta: DocumentMeta; bytes: Uint8Array } | null> {
  const found = await readDocument(db, createStoreDocumentStorage(db, documentKey), input.documentId);
  if (!found) return null;
  await recordCaseEvent(db, {
    ...input.actor,
    action: "document.downloaded",
    entityType: "application",
    entityId: input.applicationId,
    details: { document: found.meta.id, kind: found.meta.kind },
  });
  return found;
}

export async function addCaseNote(
  db: Kysely<Database>,
  input: { applicationId: string; authorId: string; body: string; actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef"> },
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto("case_note")
      .values({ id, application_id: input.applicationId, author_id: input.authorId, body: input.body, created_at: now.toISOString() })
      .execute();
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "case.note_added",
      entityType: "application",
      entityId: input.applicationId,
      details: { note: id },
      occurredAt: now,
    });
  });
}

/** A supervisor moves a case to another officer of the center; the version guards against a stale page. */
export async function reassignCase(
  db: Kysely<Database>,
  input: {
    applicationId: string;
    assignTo: string;
    expectedVersion: number;
    centerSlug: string;
    actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;
  },
  now = new Date(),
): Promise<"ok" | "conflict" | "not_found"> {
  return db.transaction().execute(async (trx) => {
    const officer = await caseworkersOf(trx, input.centerSlug).where("id", "=", input.assignTo).executeTakeFirst();
    if (!officer) return "not_found";
    const updated = await trx
      .updateTable("application")
      .set((eb) => ({ assigned_to: input.assignTo, version: eb("version", "+", 1), updated_at: now.toISOString() }))
      .where("id", "=", input.applicationId)
      .where("version", "=", input.expectedVersion)
      .where("status", "in", CASE_ACTIONS.reassign.from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return "conflict";
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "application.reassign",
      entityType: "application",
      entityId: input.applicationId,
      details: { to: input.assignTo },
      occurredAt: now,
    });
    return "ok";
  });
}

/** The staff a case of this center may be assigned to: its active accounts in an assignable role. */
function caseworkersOf(db: Kysely<Database>, centerSlug: string) {
  return db
    .selectFrom("staff_user")
    .select(["id", "display_name"])
    .where("center_slug", "=", centerSlug)
    .where("role", "in", ASSIGNABLE_ROLES)
    .where("disabled_at", "is", null);
}

export async function listCenterCaseworkers(db: Kysely<Database>, centerSlug: string): Promise<{ id: string; name: string }[]> {
  const rows = await caseworkersOf(db, centerSlug).orderBy("display_name").execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
