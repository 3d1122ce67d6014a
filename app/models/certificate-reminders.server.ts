/** Expiry reminders to holders, and applying again from the reminder's single-use link. */
import { timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { reminderHorizon } from "~/domain/certificate";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import { readDraftAnswers } from "~/schemas/draft-answers";
import type { Database } from "../../db/schema";
import { listApplicationAddresses } from "./application.server";
import { insertAuditEvent } from "./audit.server";
import { createDraft } from "./draft.server";
import { enqueueMail } from "./outbox.server";
import { type CertificateMails } from "./certificate.server";

export function reapplyLink(publicUrl: string, language: string, token: string): string {
  return `${publicUrl}/${language}/certificate/reapply?token=${token}`;
}

/**
 * Mails every holder whose certificate expires within EXPIRY_REMINDER_DAYS (and is neither revoked
 * nor expired) once, with a single-use link to apply again. Several instances may run this at the
 * same time: the update that marks a certificate reminded is what entitles one of them to mail.
 */
export async function sendExpiryReminders(
  db: Kysely<Database>,
  input: { publicUrl: string; mails: Pick<CertificateMails, "reminder"> },
  now = new Date(),
  limit = 200,
): Promise<number> {
  const due = await db
    .selectFrom("certificate")
    .innerJoin("application", "application.id", "certificate.application_id")
    .select([
      "certificate.id",
      "certificate.number",
      "certificate.expires_at",
      "certificate.application_id",
      "application.language",
      "application.email",
    ])
    .where("certificate.expiry_reminder_sent_at", "is", null)
    .where("certificate.revoked_at", "is", null)
    .where("certificate.expires_at", ">", now.toISOString())
    .where("certificate.expires_at", "<=", reminderHorizon(now).toISOString())
    .orderBy("certificate.expires_at")
    .limit(limit)
    .execute();
  let sent = 0;
  for (const certificate of due) {
    const { token, tokenHash } = newSecretToken();
    const mailed = await db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable("certificate")
        .set({ expiry_reminder_sent_at: now.toISOString(), reapply_token_hash: tokenHash })
        .where("id", "=", certificate.id)
        .where("expiry_reminder_sent_at", "is", null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) return false;
      const mail = input.mails.reminder({
        language: certificate.language,
        number: certificate.number,
        expiresAt: certificate.expires_at,
        link: reapplyLink(input.publicUrl, certificate.language, token),
      });
      await enqueueMail(trx, { to: certificate.email, language: certificate.language, ...mail }, now);
      await insertAuditEvent(trx, {
        actorType: "system",
        action: "certificate.expiry_reminder_sent",
        entityType: "application",
        entityId: certificate.application_id,
        details: { certificate: certificate.id },
        occurredAt: now,
      });
      return true;
    });
    if (mailed) sent += 1;
  }
  return sent;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,64}$/;

/** The certificate a reminder's link is for, while the link is unused. */
export async function findReapply(db: Kysely<Database>, token: string | null): Promise<{ number: string } | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const row = await db
    .selectFrom("certificate")
    .select("number")
    .where("reapply_token_hash", "=", hashToken(token))
    .where("reapply_used_at", "is", null)
    .executeTakeFirst();
  return row ? { number: row.number } : null;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(16, " "));
  const y = Buffer.from(b.padEnd(16, " "));
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * After the holder confirms with their date of birth: a new draft holding the previous
 * application's answers (who, personal details, contact, addresses, purpose, delivery; never the
 * documents, which must be current), and the link stops working. Null for a wrong date or a spent link.
 */
export async function redeemReapply(
  db: Kysely<Database>,
  input: { token: string; dateOfBirth: string; language: string },
  now = new Date(),
): Promise<{ draftKey: string } | null> {
  if (!TOKEN_SHAPE.test(input.token)) return null;
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom("certificate")
      .innerJoin("application", "application.id", "certificate.application_id")
      .select(["certificate.id as certificateId", "application.id as applicationId"])
      .select([
        "application.applicant_type",
        "application.full_name",
        "application.father_name",
        "application.date_of_birth",
        "application.gender",
        "application.cnic",
      ])
      .select([
        "application.passport_number",
        "application.passport_country",
        "application.nationality",
        "application.email",
        "application.phone",
      ])
      .select([
        "application.residence_country",
        "application.residence_city",
        "application.purpose",
        "application.purpose_other",
        "application.destination_country",
      ])
      .select(["application.delivery", "application.collection_center_slug"])
      .where("certificate.reapply_token_hash", "=", hashToken(input.token))
      .where("certificate.reapply_used_at", "is", null)
      .executeTakeFirst();
    if (!sameText(found?.date_of_birth ?? "0000-00-00", input.dateOfBirth) || !found) return null;
    const addresses = await listApplicationAddresses(trx, found.applicationId);
    const answers = {
      // A relative's earlier application needs a fresh e-authority, so "who" is asked again.
      ...(found.applicant_type === "self" ? { who: { applicantType: "self" } } : {}),
      personal: {
        fullName: found.full_name,
        fatherName: found.father_name,
        dateOfBirth: found.date_of_birth,
        gender: found.gender,
        cnic: found.cnic,
        passportNumber: found.passport_number,
        passportCountry: found.passport_country,
        nationality: found.nationality,
      },
      contact: { email: found.email, phone: found.phone, residenceCountry: found.residence_country, residenceCity: found.residence_city },
      addresses,
      purpose: { purpose: found.purpose, purposeOther: found.purpose_other, destinationCountry: found.destination_country },
      delivery: { delivery: found.delivery, collectionCenter: found.collection_center_slug },
    };
    // Checked like any stored draft: a value the page schemas would not produce is asked again.
    const { key } = await createDraft(trx, input.language, readDraftAnswers(answers).answers, now);
    await trx
      .updateTable("certificate")
      .set({ reapply_used_at: now.toISOString(), reapply_token_hash: null })
      .where("id", "=", found.certificateId)
      .execute();
    await insertAuditEvent(trx, {
      actorType: "applicant",
      action: "certificate.reapply_started",
      entityType: "application",
      entityId: found.applicationId,
      details: { certificate: found.certificateId },
      occurredAt: now,
    });
    return { draftKey: key };
  });
}
