import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { addHoliday, listHolidays, loadHolidays, removeHoliday } from "./holiday.server";
import { insertTestStaffUser } from "../../test/support/staff-accounts";

describeEachStore("public holidays", (store) => {
  it("adds, lists, refuses a second holiday on one day, removes, and audits each change", async () => {
    const { db } = store();
    const adminId = await insertTestStaffUser(db, { role: "admin", centerSlug: null, displayName: "Admin" });
    const actor = { actorType: "staff" as const, actorId: adminId, sessionRef: "0123456789abcdef" };
    expect(await addHoliday(db, { day: "2026-12-25", name: "Quaid-e-Azam Day", actor })).toEqual({ ok: true });
    expect(await addHoliday(db, { day: "2027-02-05", name: "Kashmir Solidarity Day", actor })).toEqual({ ok: true });
    expect(await addHoliday(db, { day: "2026-11-09", name: "Iqbal Day", actor })).toEqual({ ok: true });
    expect(await addHoliday(db, { day: "2026-12-25", name: "Christmas", actor })).toEqual({ ok: false, problem: "exists" });

    expect(await listHolidays(db, "2026-11-28")).toEqual([
      { day: "2026-12-25", name: "Quaid-e-Azam Day" },
      { day: "2027-02-05", name: "Kashmir Solidarity Day" },
    ]);
    expect([...(await loadHolidays(db))].sort()).toEqual(["2026-11-09", "2026-12-25", "2027-02-05"]);

    expect(await removeHoliday(db, { day: "2027-02-05", actor })).toBe(true);
    expect(await removeHoliday(db, { day: "2027-02-05", actor })).toBe(false);
    expect((await listHolidays(db, "2026-01-01")).map((h) => h.day)).toEqual(["2026-11-09", "2026-12-25"]);

    const events = await db
      .selectFrom("audit_event")
      .select(["action", "entity_id", "actor_id"])
      .where("entity_type", "=", "public_holiday")
      .orderBy("seq")
      .execute();
    expect(events).toEqual([
      { action: "holiday.added", entity_id: "2026-12-25", actor_id: adminId },
      { action: "holiday.added", entity_id: "2027-02-05", actor_id: adminId },
      { action: "holiday.added", entity_id: "2026-11-09", actor_id: adminId },
      { action: "holiday.removed", entity_id: "2027-02-05", actor_id: adminId },
    ]);
  });
});
