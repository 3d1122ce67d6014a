import { expect, it } from "vitest";
import { newReportSecret } from "~/domain/report-secret.server";
import { runHousekeeping } from "../../server/housekeeping";
import { createTestStaff, TEST_DOCUMENT_KEY } from "../../test/support/staff-accounts";
import { TEST_REPORT_ANSWERS as ANSWERS } from "../../test/support/report-fixture";
import { describeEachStore } from "../../test/support/stores";
import { createStoreDocumentStorage } from "./document-storage.server";
import { saveDocument } from "./document.server";
import { createReport } from "./report.server";
import { DEFAULT_RETENTION_YEARS, reportRetentionYears, setReportRetentionYears } from "./report-retention.server";

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

describeEachStore("report evidence retention", (store) => {
  it("is two years until an administrator changes it, and each change is audited", async () => {
    const { db } = store();
    expect(await reportRetentionYears(db)).toBe(DEFAULT_RETENTION_YEARS);
    const admin = await createTestStaff(db, { role: "admin", totp: false });
    await setReportRetentionYears(db, 5, { actorType: "staff", actorId: admin.id });
    await setReportRetentionYears(db, 3, { actorType: "staff", actorId: admin.id });
    expect(await reportRetentionYears(db)).toBe(3);
    const events = await db
      .selectFrom("audit_event")
      .select(["action", "details"])
      .where("entity_type", "=", "portal_setting")
      .orderBy("seq")
      .execute();
    expect(events.map((e) => [e.action, JSON.parse(e.details)])).toEqual([
      ["setting.changed", { from: 2, to: 5 }],
      ["setting.changed", { from: 5, to: 3 }],
    ]);
  });

  it("removes files of journeys never sent after a day, and of closed reports after the period", async () => {
    const { db } = store();
    await setReportRetentionYears(db, 2, { actorType: "system" });
    const storage = createStoreDocumentStorage(db, TEST_DOCUMENT_KEY);
    const file = (ownerType: "report_journey" | "report", ownerId: string, day: string) =>
      saveDocument(
        db,
        storage,
        { ownerType, ownerId, kind: "evidence", contentType: "image/jpeg", bytes: JPEG },
        new Date(`${day}T00:00:00Z`),
      );

    await file("report_journey", "journey-abandoned", "2026-11-29");
    await file("report_journey", "journey-today", "2026-12-02");

    const make = async (journeyId: string, today: string) => {
      const created = await createReport(db, {
        journeyId,
        language: "en",
        answers: ANSWERS,
        identifiers: [],
        secretHash: newReportSecret().secretHash,
        today,
      });
      if (!created.ok) throw new Error("not created");
      await file("report", created.id, today);
      return created.id;
    };
    const closedLongAgo = await make("j-old-closed", "2024-06-01");
    const closedRecently = await make("j-new-closed", "2025-06-01");
    const openLongAgo = await make("j-old-open", "2023-01-01");
    await db.updateTable("report").set({ status: "closed" }).where("id", "in", [closedLongAgo, closedRecently]).execute();

    const done = await runHousekeeping(db, TEST_DOCUMENT_KEY, new Date("2026-12-02T12:00:00Z"));
    expect(done).toMatchObject({ unsentJourneyFiles: 1, closedReportFiles: 1 });
    const left = await db
      .selectFrom("document")
      .select(["owner_type", "owner_id"])
      .where("owner_type", "in", ["report", "report_journey"])
      .execute();
    expect(left.map((d) => d.owner_id).sort()).toEqual([closedRecently, openLongAgo, "journey-today"].sort());
    // The bytes went with the rows.
    const blobs = await db
      .selectFrom("blob")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(blobs.n)).toBe(3);
  });
});
