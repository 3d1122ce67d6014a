import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { expect, it } from "vitest";
import { slaState } from "~/domain/sla";
import { certificateMails } from "~/mails/certificate-mails.server";
import * as countsMigration from "../../db/migrations/2026_12_03_130000_dashboard_count";
import * as referralMigration from "../../db/migrations/2026_12_03_140000_referral_issue_days";
import { seedReferenceData } from "../../db/seed";
import type { ApplicationStatus, Database } from "../../db/schema";
import { testAnswers, testApplication } from "../../test/support/application-fixture";
import { insertTestStaffUser } from "../../test/support/staff-accounts";
import { describeEachStore } from "../../test/support/stores";
import type { Kysely } from "kysely";
import { submitApplication } from "./application.server";
import { transitionApplication } from "./case.server";
import { issueCertificate } from "./certificate-issue.server";
import { executeWrites } from "../../db/dialect";
import { countIssueWrites, readDashboard, rebuildDashboardCounts } from "./dashboard.server";
import { createStoreDocumentStorage } from "./document-storage.server";
import { saveDocument } from "./document.server";
import { createDraft } from "./draft.server";

const receiptMails = {
  receipt: (reference: string) => ({ subject: `received ${reference}`, text: "track" }),
  authority: (reference: string) => ({ subject: `confirm ${reference}`, text: "consent" }),
};

/** The running counts as rows, in one order, without the rows that came back to zero. */
async function snapshot(db: Kysely<Database>) {
  const rows = await db.selectFrom("dashboard_count").selectAll().orderBy("dimension").orderBy("day").orderBy("value").execute();
  return rows.filter((r) => Number(r.n) !== 0).map((r) => ({ ...r, n: Number(r.n) }));
}

describeEachStore("dashboard", (store) => {
  it("counts what every writer of a status does, in the same transaction, and equals a count from scratch", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const documentKey = randomBytes(32);
    const officerId = await insertTestStaffUser(db, { role: "officer", centerSlug: "sialkot", displayName: "Officer" });
    const actor = { actorType: "staff" as const, actorId: officerId };
    const at = (iso: string) => new Date(iso);
    const submit = async (iso: string, destination: string, referral: string | null) => {
      const { draft } = await createDraft(db, "en");
      const answers = testAnswers({ referral, purpose: { purpose: "work_visa", purposeOther: null, destinationCountry: destination } });
      return (await submitApplication(db, { draftId: draft.id, language: "en", answers }, receiptMails, at(iso))).applicationId;
    };
    const issuedOne = await submit("2025-12-30T22:30:00.000Z", "GR", "athens");
    const rejected = await submit("2025-12-31T09:00:00.000Z", "IT", null);
    const withdrawn = await submit("2026-01-02T09:00:00.000Z", "GR", "rome");
    await submit("2026-01-04T09:00:00.000Z", "ES", null);

    await saveDocument(db, createStoreDocumentStorage(db, documentKey), {
      ownerType: "application",
      ownerId: issuedOne,
      kind: "photo",
      contentType: "image/jpeg",
      bytes: await sharp({ create: { width: 600, height: 800, channels: 3, background: "#bbaa99" } })
        .jpeg()
        .toBuffer(),
    });
    expect((await transitionApplication(db, { applicationId: issuedOne, action: "claim", actor }, at("2026-01-04T10:00:00.000Z"))).ok).toBe(
      true,
    );
    expect(
      (await transitionApplication(db, { applicationId: issuedOne, action: "approve", actor }, at("2026-01-05T10:00:00.000Z"))).ok,
    ).toBe(true);
    const issue = await issueCertificate(
      db,
      issuedOne,
      { documentKey, publicUrl: "https://pcc.example.gov.pk" },
      certificateMails("https://pcc.example.gov.pk"),
      at("2026-01-06T08:00:00.000Z"),
    );
    expect(issue.ok).toBe(true);
    expect((await transitionApplication(db, { applicationId: rejected, action: "claim", actor }, at("2026-01-04T10:00:00.000Z"))).ok).toBe(
      true,
    );
    expect(
      (
        await transitionApplication(
          db,
          { applicationId: rejected, action: "reject", actor, reason: "incomplete" },
          at("2026-01-05T10:00:00.000Z"),
        )
      ).ok,
    ).toBe(true);
    expect(
      (await transitionApplication(db, { applicationId: withdrawn, action: "withdraw", actor: { actorType: "applicant", actorId: null } }))
        .ok,
    ).toBe(true);
    // A refused step changes nothing, counts included.
    expect((await transitionApplication(db, { applicationId: withdrawn, action: "claim", actor })).ok).toBe(false);

    const running = await snapshot(db);
    expect(running.filter((r) => r.dimension === "status")).toEqual([
      { dimension: "status", day: "2025-12-30", value: "issued", n: 1 },
      { dimension: "status", day: "2025-12-31", value: "rejected", n: 1 },
      { dimension: "status", day: "2026-01-02", value: "withdrawn", n: 1 },
      { dimension: "status", day: "2026-01-04", value: "submitted", n: 1 },
    ]);
    // Submitted 30 December 2025 22:30, issued 6 January 2026 08:00: six whole days and some hours.
    expect(running.filter((r) => r.dimension === "issue_days")).toEqual([{ dimension: "issue_days", day: "2026-01-06", value: "6", n: 1 }]);
    expect(running.filter((r) => r.dimension === "referral_issue_days")).toEqual([
      { dimension: "referral_issue_days", day: "2026-01-06", value: "athens|6", n: 1 },
    ]);
    await rebuildDashboardCounts(db);
    expect(await snapshot(db)).toEqual(running);
    // The migration counts a store's applications and certificates alike the first time.
    await countsMigration.down(db);
    await countsMigration.up(db);
    await referralMigration.up(db);
    expect(await snapshot(db)).toEqual(running);
  });

  it("gives the figures of a period across a year end, its first and last instants included", async () => {
    const { db } = store();
    const row = (submitted_at: string, status: ApplicationStatus, destination_country = "GR", referral_center_slug: string | null = null) =>
      testApplication({ submitted_at, status, destination_country, referral_center_slug });
    await db
      .insertInto("application")
      .values([
        row("2026-12-20T23:59:59.999Z", "submitted"),
        row("2026-12-21T00:00:00.000Z", "issued", "GR", "athens"),
        row("2026-12-27T23:59:59.999Z", "rejected", "IT"),
        row("2026-12-31T12:00:00.000Z", "in_review", "GR", "rome"),
        row("2027-01-01T08:00:00.000Z", "submitted", "ES", "athens"),
        row("2027-01-03T23:00:00.000Z", "withdrawn", "GR"),
        row("2027-01-10T23:59:59.999Z", "approved", "DE"),
        row("2027-01-11T00:00:00.000Z", "submitted"),
      ])
      .execute();
    await rebuildDashboardCounts(db);
    await db.transaction().execute(async (trx) => {
      for (const [submittedAt, issuedAt] of [
        ["2026-12-20T10:00:00.000Z", "2026-12-21T09:00:00.000Z"], // 0 days, issued on the first day
        ["2026-12-19T10:00:00.000Z", "2026-12-21T11:00:00.000Z"], // 2
        ["2026-12-25T10:00:00.000Z", "2026-12-31T10:00:00.000Z"], // 6
        ["2026-12-31T10:00:00.000Z", "2027-01-10T23:00:00.000Z"], // 10, on the last day
        ["2026-11-01T10:00:00.000Z", "2027-01-11T00:00:00.000Z"], // after the period
      ] as const)
        await executeWrites(trx, countIssueWrites(trx, { submittedAt, issuedAt }));
    });

    const period = { from: "2026-12-21", to: "2027-01-10" };
    const now = new Date("2027-01-20T10:00:00.000Z");
    const figures = await readDashboard(db, period, { now });
    expect(figures.total).toBe(6);
    expect(figures.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: "submitted", count: 1 },
      { status: "in_review", count: 1 },
      { status: "approved", count: 1 },
      { status: "issued", count: 1 },
      { status: "rejected", count: 1 },
      { status: "withdrawn", count: 1 },
    ]);
    expect(figures.weeks).toEqual([
      { week: "2026-12-21", count: 2 },
      { week: "2026-12-28", count: 3 },
      { week: "2027-01-04", count: 1 },
    ]);
    expect(figures.destinations).toEqual([
      { country: "GR", count: 3 },
      { country: "DE", count: 1 },
      { country: "ES", count: 1 },
      { country: "IT", count: 1 },
    ]);
    expect(figures.referrals).toEqual([
      { center: null, count: 3 },
      { center: "athens", count: 2 },
      { center: "rome", count: 1 },
    ]);
    // 0, 2, 6, 10: median (2 + 6) / 2; 90th percentile at rank 2.7, 6 + 0.7 × 4.
    expect(figures.issued.count).toBe(4);
    expect(figures.issued.medianDays).toBe(4);
    expect(figures.issued.p90Days).toBeCloseTo(8.8, 10);
    // Open and late on 20 January: in review since 31 December, submitted since 1 January; the
    // approval of 10 January is still within its ten working days.
    expect(figures.late).toBe(2);
    const open = ["2026-12-31T12:00:00.000Z", "2027-01-01T08:00:00.000Z", "2027-01-10T23:59:59.999Z"];
    expect(open.filter((s) => slaState(s, now).late)).toHaveLength(2);

    // Without the last day: 0, 2, 6, median 2, 90th percentile at rank 1.8, 2 + 0.8 × 4.
    const shorter = await readDashboard(db, { from: "2026-12-21", to: "2027-01-09" }, { now });
    expect(shorter.issued).toEqual({ count: 3, medianDays: 2, p90Days: expect.closeTo(5.2, 10) as number });
    expect(shorter.weeks).toEqual([
      { week: "2026-12-21", count: 2 },
      { week: "2026-12-28", count: 3 },
      { week: "2027-01-04", count: 0 },
    ]);
  });

  it("turns a case late the instant after its due time, however the day is counted", async () => {
    const { db } = store();
    await db
      .insertInto("application")
      .values([testApplication({ submitted_at: "2027-12-30T12:00:00.000Z", status: "in_review" })])
      .execute();
    await rebuildDashboardCounts(db);
    const period = { from: "2027-12-01", to: "2028-01-31" };
    // Ten working days from Thursday 30 December 2027: due Thursday 13 January at the same time.
    expect((await readDashboard(db, period, { now: new Date("2028-01-13T12:00:00.000Z") })).late).toBe(0);
    expect((await readDashboard(db, period, { now: new Date("2028-01-13T12:00:00.001Z") })).late).toBe(1);
    expect((await readDashboard(db, period, { now: new Date("2028-03-01T00:00:00.000Z") })).late).toBe(1);
    // A holiday on the way moves the due time a working day on.
    const holidays = new Set(["2028-01-04"]);
    expect((await readDashboard(db, period, { now: new Date("2028-01-13T12:00:00.001Z"), holidays })).late).toBe(0);
    expect((await readDashboard(db, period, { now: new Date("2028-01-14T12:00:00.001Z"), holidays })).late).toBe(1);
    // A case outside the period is not counted.
    expect((await readDashboard(db, { from: "2028-01-01", to: "2028-01-31" }, { now: new Date("2028-03-01T00:00:00.000Z") })).late).toBe(0);
  });
});
