/**
 * An embassy desk starts an application for a visitor sitting with them: the visitor's consent
 * (the declaration the desk read to them, which they accepted) goes into the audit chain with the
 * desk user, the center and the time, in the same transaction as the draft it opens. The draft
 * carries the center as its referral and the desk user as `assistedBy`, both stored with the
 * application when it is sent.
 */
import type { Kysely } from "kysely";
import type { Lang } from "~/i18n";
import type { Database } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent } from "./audit.server";
import { createDraft } from "./draft.server";

export async function startAssistedApplication(
  db: Kysely<Database>,
  input: { centerSlug: string; language: Lang; actor: Pick<AuditEventInput, "actorType" | "actorId" | "sessionRef"> },
  now = new Date(),
): Promise<{ draftId: string; key: string }> {
  return db.transaction().execute(async (trx) => {
    const { draft, key } = await createDraft(
      trx,
      input.language,
      { referral: input.centerSlug, assistedBy: input.actor.actorId ?? null },
      now,
    );
    await insertAuditEvent(trx, {
      ...input.actor,
      action: "application.assisted_consent",
      entityType: "draft",
      entityId: draft.id,
      details: { center: input.centerSlug, language: input.language },
      occurredAt: now,
    });
    return { draftId: draft.id, key };
  });
}
