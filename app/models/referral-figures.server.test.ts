import { expect, it } from "vitest";
import { seedReferenceData } from "../../db/seed";
import { testApplication } from "../../test/support/application-fixture";
import { describeEachStore } from "../../test/support/stores";
import { executeWrites } from "../../db/dialect";
import { countIssueWrites, countPosterVisit, readReferralFigures, rebuildDashboardCounts } from "./dashboard.server";
import { createDraft } from "./draft.server";

describeEachStore("referral figures", (store) => {
  it("counts visits, drafts started, submissions and the median days to issue per center, for a period", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const at = (iso: string) => new Date(iso);
    // Visits: three to Athens inside the period (two on its last day), one before it; one to Rome.
    for (const iso of ["2026-03-02T08:00:00.000Z", "2026-03-31T23:59:59.999Z", "2026-03-31T00:00:00.000Z", "2026-02-28T23:59:59.999Z"])
      await countPosterVisit(db, "athens", at(iso));
    await countPosterVisit(db, "rome", at("2026-03-15T12:00:00.000Z"));
    // Started: two from Athens in the period, one after it; a draft without a referral counts nowhere.
    await createDraft(db, "el", { referral: "athens" }, at("2026-03-01T00:00:00.000Z"));
    await createDraft(db, "ur", { referral: "athens" }, at("2026-03-20T10:00:00.000Z"));
    await createDraft(db, "el", { referral: "athens" }, at("2026-04-01T00:00:00.000Z"));
    await createDraft(db, "en", {}, at("2026-03-05T10:00:00.000Z"));
    // Submitted: Athens two in the period, one before; Rome one; one without a referral.
    await db
      .insertInto("application")
      .values([
        testApplication({ submitted_at: "2026-03-03T10:00:00.000Z", status: "issued", referral_center_slug: "athens" }),
        testApplication({ submitted_at: "2026-03-30T10:00:00.000Z", status: "submitted", referral_center_slug: "athens" }),
        testApplication({ submitted_at: "2026-02-27T10:00:00.000Z", status: "issued", referral_center_slug: "athens" }),
        testApplication({ submitted_at: "2026-03-10T10:00:00.000Z", status: "issued", referral_center_slug: "rome" }),
        testApplication({ submitted_at: "2026-03-10T10:00:00.000Z", status: "submitted", referral_center_slug: null }),
      ])
      .execute();
    await rebuildDashboardCounts(db);
    // Issued in the period: Athens 2, 5 and 9 days (median 5), Rome 3 and 4 (median 3.5); one Athens
    // certificate issued after the period and one unreferred are not in any center's median.
    await db.transaction().execute(async (trx) => {
      for (const [submittedAt, issuedAt, referralCenterSlug] of [
        ["2026-02-27T10:00:00.000Z", "2026-03-01T11:00:00.000Z", "athens"],
        ["2026-03-03T10:00:00.000Z", "2026-03-08T10:00:00.000Z", "athens"],
        ["2026-03-03T10:00:00.000Z", "2026-03-12T23:00:00.000Z", "athens"],
        ["2026-03-03T10:00:00.000Z", "2026-04-02T10:00:00.000Z", "athens"],
        ["2026-03-10T10:00:00.000Z", "2026-03-13T10:00:00.000Z", "rome"],
        ["2026-03-10T10:00:00.000Z", "2026-03-14T12:00:00.000Z", "rome"],
        ["2026-03-10T10:00:00.000Z", "2026-03-11T10:00:00.000Z", null],
      ] as const)
        await executeWrites(trx, countIssueWrites(trx, { submittedAt, issuedAt, referralCenterSlug }));
    });

    const period = { from: "2026-03-01", to: "2026-03-31" };
    const athens = { center: "athens", visits: 3, started: 2, submitted: 2, medianDays: 5 };
    const rome = { center: "rome", visits: 1, started: 0, submitted: 1, medianDays: 3.5 };
    expect(await readReferralFigures(db, period)).toEqual([athens, rome]);
    expect(await readReferralFigures(db, period, { center: "rome" })).toEqual([rome]);
    expect(await readReferralFigures(db, period, { center: "milan" })).toEqual([
      { center: "milan", visits: 0, started: 0, submitted: 0, medianDays: null },
    ]);
    expect(await readReferralFigures(db, { from: "2026-04-01", to: "2026-04-30" }, { center: "athens" })).toEqual([
      { center: "athens", visits: 0, started: 1, submitted: 0, medianDays: 30 },
    ]);

    // A count from scratch cannot know visits and starts, so it keeps them.
    await rebuildDashboardCounts(db);
    expect((await readReferralFigures(db, period, { center: "athens" }))[0]).toMatchObject({ visits: 3, started: 2, submitted: 2 });
  });

  it("keeps a visit as a center, a day and a number, and nothing else", async () => {
    const { db } = store();
    await countPosterVisit(db, "milan", new Date("2026-05-05T09:00:00.000Z"));
    await countPosterVisit(db, "milan", new Date("2026-05-05T17:00:00.000Z"));
    const rows = await db
      .selectFrom("dashboard_count")
      .selectAll()
      .where("dimension", "=", "poster_visit")
      .where("value", "=", "milan")
      .execute();
    expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([{ dimension: "poster_visit", day: "2026-05-05", value: "milan", n: 2 }]);
  });
});
