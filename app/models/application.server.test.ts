import { expect, it } from "vitest";
import type { CompleteAnswers } from "~/schemas/certificate";
import { describeEachStore } from "../../db/test-stores";
import { seedReferenceData } from "../../db/seed";
import { verifyAuditChain } from "./audit.server";
import { transitionApplication } from "./case.server";
import { createDraft } from "./draft.server";
import { confirmAuthority, findByTrackSecret, findForTracking, findPendingAuthority, submitApplication } from "./application.server";

const answers: CompleteAnswers = {
  referral: "athens",
  who: { applicantType: "self" },
  authority: null,
  personal: { fullName: "Ali Khan", fatherName: "Ahmed Khan", dateOfBirth: "1990-03-27", gender: "male", cnic: "3520212345671", passportNumber: "AB1234567", passportCountry: "PK", nationality: "PK" },
  contact: { email: "ali@example.com", phone: "+306912345678", residenceCountry: "GR", residenceCity: "Athens" },
  addresses: [{ district: "Sialkot", policeStation: "Civil Lines", address: "House 1", from: "2010-01", to: null }],
  purpose: { purpose: "work_visa", purposeOther: null, destinationCountry: "IT" },
  delivery: { delivery: "pdf", collectionCenter: null },
};

const mails = {
  receipt: (reference: string, token: string) => ({ subject: `received ${reference}`, text: `track ${token}` }),
  authority: (reference: string, token: string) => ({ subject: `confirm ${reference}`, text: `consent ${token}` }),
};

describeEachStore("applications", (store) => {
  it("submits once however often the submission is replayed, with audit event and receipt", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const { draft } = await createDraft(db, "el");
    const results = await Promise.all([1, 2, 3].map(() => submitApplication(db, { draftId: draft.id, language: "el", answers }, mails)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => !r.replay)).toHaveLength(1);
    const rows = await db.selectFrom("application").select(["reference", "center_slug", "status", "language", "referral_center_slug"]).where("draft_id", "=", draft.id).execute();
    expect(rows).toEqual([{ reference: results[0]!.reference, center_slug: "sialkot", status: "submitted", language: "el", referral_center_slug: "athens" }]);
    const outbox = await db.selectFrom("mail_outbox").select(["to_address", "subject", "language"]).execute();
    expect(outbox.filter((m) => m.subject === `received ${results[0]!.reference}`)).toEqual([{ to_address: "ali@example.com", subject: `received ${results[0]!.reference}`, language: "el" }]);
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
    const { reference } = await submitApplication(db, { draftId: draft.id, language: "en", answers }, { ...mails, receipt: (ref, token) => ((trackToken = token), mails.receipt(ref, token)) });
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
    const relative: CompleteAnswers = { ...answers, who: { applicantType: "relative" }, authority: { holderName: "Ali Khan", holderPassport: "AB1234567", holderEmail: "ali@example.com", relativeName: "Bilal Khan", relationship: "sibling" }, contact: { ...answers.contact, email: "bilal@example.com" } };
    const { reference } = await submitApplication(db, { draftId: draft.id, language: "ur", answers: relative }, { ...mails, authority: (ref, token) => ((consent = token), mails.authority(ref, token)) });
    const mail = await db.selectFrom("mail_outbox").select("to_address").where("subject", "=", `confirm ${reference}`).execute();
    expect(mail).toEqual([{ to_address: "ali@example.com" }]);
    expect((await findPendingAuthority(db, consent))?.relativeName).toBe("Bilal Khan");
    expect(await confirmAuthority(db, consent)).toBe(reference);
    expect(await confirmAuthority(db, consent)).toBeNull();
    const row = await db.selectFrom("application").select(["authority_status", "applicant_type"]).where("reference", "=", reference).executeTakeFirstOrThrow();
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
    expect(await transitionApplication(db, { applicationId: app.id, action: "release", expectedVersion: app.version, actor })).toEqual({ ok: false, problem: "conflict" });
    expect(await transitionApplication(db, { applicationId: app.id, action: "reject", expectedVersion: app.version + 1, actor })).toEqual({ ok: false, problem: "reason_required" });
    const notice = { subject: "update", text: "changed" };
    const rejected = await transitionApplication(db, { applicationId: app.id, action: "reject", expectedVersion: app.version + 1, actor, reason: "incomplete", note: "Missing scan", notice: () => notice });
    expect(rejected).toMatchObject({ ok: true, status: "rejected" });
    const sent = await db.selectFrom("mail_outbox").select(["subject", "language"]).where("subject", "=", "update").execute();
    expect(sent).toEqual([{ subject: "update", language: "it" }]);
    const events = await db.selectFrom("audit_event").select("action").where("entity_id", "=", app.id).orderBy("seq").execute();
    expect(events.map((e) => e.action)).toEqual(["application.submitted", "application.claim", "application.reject"]);
  });
});
