/**
 * Status changes of an application ("case" in the back office). Every change checks the lifecycle
 * rules, bumps the version (a second officer acting on a stale page gets a conflict, not an
 * overwrite), records an audit event and queues the applicant's notice, all in one transaction.
 */
import type { Kysely } from "kysely";
import { type Action, checkTransition, type TransitionProblem } from "~/domain/lifecycle";
import type { ApplicationStatus, Database } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import { countStatusChangeWrites } from "./dashboard.server";
import { type ComposedMail, enqueueMail } from "./outbox.server";

export type TransitionOutcome =
  | { ok: true; status: ApplicationStatus; version: number }
  | { ok: false; problem: TransitionProblem | "not_found" | "conflict" };

export type NoticeFor = (application: {
  reference: string;
  language: string;
  email: string;
  status: ApplicationStatus;
}) => ComposedMail | null;

export async function transitionApplication(
  db: Kysely<Database>,
  input: {
    applicationId: string;
    action: Action;
    /** The version the actor saw; omitted for applicant steps, which have no stale page to fear. */
    expectedVersion?: number;
    actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef">;
    reason?: string | null;
    note?: string | null;
    assignTo?: string | null;
    notice?: NoticeFor;
    /** More writes that belong to the same change (an answer, an information request). */
    alongside?: (trx: Kysely<Database>) => Promise<void>;
  },
  now = new Date(),
): Promise<TransitionOutcome> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("application")
      .select(["status", "version", "delivery", "reference", "language", "email", "submitted_at"])
      .where("id", "=", input.applicationId)
      .executeTakeFirst();
    if (!current) return { ok: false, problem: "not_found" } as const;
    if (input.expectedVersion !== undefined && current.version !== input.expectedVersion)
      return { ok: false, problem: "conflict" } as const;
    const check = checkTransition(current.status, input.action, { delivery: current.delivery, reason: input.reason });
    if (!check.ok) return { ok: false, problem: check.problem } as const;
    const to = check.transition.to;
    const stamp = now.toISOString();
    const assignment = check.transition.assignment;
    const updated = await trx
      .updateTable("application")
      .set({
        status: to,
        status_changed_at: stamp,
        updated_at: stamp,
        version: current.version + 1,
        ...(assignment === "assign" ? { assigned_to: input.assignTo ?? input.actor.actorId ?? null } : {}),
        ...(assignment === "unassign" ? { assigned_to: null } : {}),
        ...(input.action === "reject" ? { rejection_reason: input.reason ?? null, rejection_note: input.note ?? null } : {}),
      })
      .where("id", "=", input.applicationId)
      .where("version", "=", current.version) // another writer in between makes this a no-op
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, problem: "conflict" } as const;
    await input.alongside?.(trx);
    await insertAuditEvent(
      trx,
      {
        ...input.actor,
        action: `application.${input.action}`,
        entityType: "application",
        entityId: input.applicationId,
        details: { from: current.status, to, version: current.version + 1 },
        occurredAt: now,
      },
      countStatusChangeWrites(trx, { submittedAt: current.submitted_at, from: current.status, to }),
    );
    const notice = input.notice?.({ reference: current.reference, language: current.language, email: current.email, status: to });
    if (notice) await enqueueMail(trx, { ...notice, to: current.email, language: current.language }, now);
    return { ok: true, status: to, version: current.version + 1 } as const;
  });
}
