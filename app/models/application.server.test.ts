import { expect, it } from "vitest";
import type { CompleteAnswers } from "~/schemas/certificate";
import { REQUIRED_DOCUMENTS } from "~/domain/certificate-journey";
import { testAnswers } from "../../test/support/application-fixture";
import { describeEachStore } from "../../test/support/stores";
import { seedReferenceData } from "../../db/seed";
import { verifyAuditChain } from "./audit.server";
import { transitionApplication } from "./case.server";
import { createStoreDocumentStorage } from "./document-storage.server";
import { saveDocument } from "./document.server";
import { createDraft, type OpenDraft, openDraft } from "./draft.server";
import {
  confirmAuthority,
  draftReadiness,
  findByTrackSecret,
  findForTracking,
  findPendingAuthority,
  submitApplication,
} from "./application.server";

const answers = testAnswers({ referral: "athens" });

const mails = {
  receipt: (reference: string, token: string) => ({ subject: `received ${reference}`, text: `track ${token}` }),
  authority: (reference: string, token: string) => ({ subject: `confirm ${reference}`, text: `consent ${token}` }),
};

/** What "check your answers" does on Submit: ask where the draft stands, then send it or show its confirmation. */
async function submitFromCheckPage(db: Parameters<typeof draftReadiness>[0], draft: OpenDraft): Promise<string> {
  const readiness = await draftReadiness(db, draft);
  if (readiness.state === "submitted") return readiness.reference;
  if (readiness.state === "incomplete") return `redirect to ${readiness.step}`;
  return (await submitApplication(db, { draftId: draft.id, language: draft.language, answers: readiness.answers }, mails)).reference;
}

describeEachStore("applications", (store) => {
  it("submits once however often the submission is replayed, with audit event and receipt", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const { draft } = await createDraft(db, "el");
    const results = await Promise.all([1, 2, 3].map(() => submitApplication(db, { draftId: draft.id, language: "el", answers }, mails)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => !r.replay)).toHaveLength(1);
    const rows = await db
      .selectFrom("application")
      .select(["reference", "center_slug", "status", "language", "referral_center_slug"])
      .where("draft_id", "=", draft.id)
      .execute();
    expect(rows).toEqual([
      { reference: results[0]!.reference, center_slug: "sialkot", status: "submitted", language: "el", referral_center_slug: "athens" },
    ]);
    const outbox = await db.selectFrom("mail_outbox").select(["to_address", "subject", "language"]).execute();
    expect(outbox.filter((m) => m.subject === `received ${results[0]!.reference}`)).toEqual([
      { to_address: "ali@example.com", subject: `received ${results[0]!.reference}`, language: "el" },
    ]);
    const events = await db.selectFrom("audit_event").select("action").where("entity_type", "=", "application").execute();
    expect(events.map((e) => e.action)).toEqual(["application.submitted"]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const draftRow = await db.selectFrom("draft").select("answers").where("id", "=", draft.id).executeTakeFirstOrThrow();
    expect(draftRow.answers).toBe("{}");
  });

  it("is found by reference with the right date of birth only, and by the emailed secret", async () => {
    const { db } = store();
    const { draft } = await createDraft(db, "en");
    let trackToken = "";
    const { reference } = await submitApplication(
      db,
      { draftId: draft.id, language: "en", answers },
      { ...mails, receipt: (ref, token) => ((trackToken = token), mails.receipt(ref, token)) },
    );
    expect((await findForTracking(db, reference, "1990-03-27"))?.reference).toBe(reference);
    expect(await findForTracking(db, reference, "1990-03-28")).toBeNull();
    expect(await findForTracking(db, "PCC-7K3M-9Q2V", "1990-03-27")).toBeNull();
    expect((await findByTrackSecret(db, trackToken))?.reference).toBe(reference);
    expect(await findByTrackSecret(db, `${trackToken.slice(0, -1)}${trackToken.endsWith("A") ? "B" : "A"}`)).toBeNull();
  });

  it("keeps a relative's application from staff until the holder confirms, once", async () => {
    const { db } = store();
    const { draft } = await createDraft(db, "ur");
    let consent = "";
    const relative: CompleteAnswers = {
      ...answers,
      who: { applicantType: "relative" },
      authority: {
        holderName: "Ali Khan",
        holderPassport: "AB1234567",
        holderEmail: "ali@example.com",
        relativeName: "Bilal Khan",
        relationship: "sibling",
      },
      contact: { ...answers.contact, email: "bilal@example.com" },
    };
    const { reference } = await submitApplication(
      db,
      { draftId: draft.id, language: "ur", answers: relative },
      { ...mails, authority: (ref, token) => ((consent = token), mails.authority(ref, token)) },
    );
    const mail = await db.selectFrom("mail_outbox").select("to_address").where("subject", "=", `confirm ${reference}`).execute();
    expect(mail).toEqual([{ to_address: "ali@example.com" }]);
    expect((await findPendingAuthority(db, consent))?.relativeName).toBe("Bilal Khan");
    expect(await confirmAuthority(db, consent)).toBe(reference);
    expect(await confirmAuthority(db, consent)).toBeNull();
    const row = await db
      .selectFrom("application")
      .select(["authority_status", "applicant_type"])
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ authority_status: "confirmed", applicant_type: "relative" });
  });

  it("refuses illegal steps and a stale version, and records each change", async () => {
    const { db } = store();
    const { draft } = await createDraft(db, "it");
    const { reference } = await submitApplication(db, { draftId: draft.id, language: "it", answers }, mails);
    const app = await db.selectFrom("application").select(["id", "version"]).where("reference", "=", reference).executeTakeFirstOrThrow();
    const actor = { actorType: "staff" as const, actorId: null };
    expect(await transitionApplication(db, { applicationId: app.id, action: "approve", actor })).toEqual({ ok: false, problem: "illegal" });
    const claimed = await transitionApplication(db, { applicationId: app.id, action: "claim", expectedVersion: app.version, actor });
    expect(claimed).toEqual({ ok: true, status: "in_review", version: app.version + 1 });
    expect(await transitionApplication(db, { applicationId: app.id, action: "release", expectedVersion: app.version, actor })).toEqual({
      ok: false,
      problem: "conflict",
    });
    expect(await transitionApplication(db, { applicationId: app.id, action: "reject", expectedVersion: app.version + 1, actor })).toEqual({
      ok: false,
      problem: "reason_required",
    });
    const notice = { subject: "update", text: "changed" };
    const rejected = await transitionApplication(db, {
      applicationId: app.id,
      action: "reject",
      expectedVersion: app.version + 1,
      actor,
      reason: "incomplete",
      note: "Missing scan",
      notice: () => notice,
    });
    expect(rejected).toMatchObject({ ok: true, status: "rejected" });
    const sent = await db.selectFrom("mail_outbox").select(["subject", "language"]).where("subject", "=", "update").execute();
    expect(sent).toEqual([{ subject: "update", language: "it" }]);
    const events = await db.selectFrom("audit_event").select("action").where("entity_id", "=", app.id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["application.submitted", "application.claim", "application.reject"]);
  });
});

// Its own store: the "submits once" test above counts every submission event in its store.
describeEachStore("double-clicked Submit", (store) => {
  // Issue #9 item 25: the second request of a double click may have read the draft before the first
  // committed, and its documents after (they have moved to the application by then).
  it("sends a double-clicked Submit once: a stale copy of the draft and two requests at once land on the same confirmation", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const storage = createStoreDocumentStorage(db, new Uint8Array(32).fill(7));
    const withDocuments = async () => {
      const { key } = await createDraft(db, "ur", { ...answers });
      const draft = (await openDraft(db, key))!;
      for (const kind of REQUIRED_DOCUMENTS) {
        await saveDocument(db, storage, {
          ownerType: "draft",
          ownerId: draft.id,
          kind,
          contentType: "application/pdf",
          bytes: new TextEncoder().encode(`%PDF-1.4 ${kind}`),
        });
      }
      return { key, draft };
    };

    const { key, draft: stale } = await withDocuments();
    const first = await submitFromCheckPage(db, (await openDraft(db, key))!);
    expect(first).toMatch(/^PCC-/);
    expect(await submitFromCheckPage(db, stale)).toBe(first);
    expect(await draftReadiness(db, stale)).toEqual({ state: "submitted", reference: first });

    const { draft: twice } = await withDocuments();
    const both = await Promise.all([submitFromCheckPage(db, twice), submitFromCheckPage(db, twice)]);
    expect(both[0]).toMatch(/^PCC-/);
    expect(both[1]).toBe(both[0]);
    const rows = await db.selectFrom("application").select("reference").where("draft_id", "=", twice.id).execute();
    expect(rows).toEqual([{ reference: both[0] }]);
  });
});
