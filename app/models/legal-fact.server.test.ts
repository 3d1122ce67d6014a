import { expect, it } from "vitest";
import { LEGAL_FACTS, seedReferenceData } from "../../db/seed";
import { createTestStaff } from "../../test/support/staff-accounts";
import { describeEachStore } from "../../test/support/stores";
import {
  addLegalFact,
  confirmLegalFact,
  findLegalFact,
  listConfirmedLegalFacts,
  listLegalFacts,
  updateLegalFact,
} from "./legal-fact.server";

const FEE = {
  key: "gr-visa-fee",
  destination: "GR" as const,
  kind: "fee" as const,
  value: "90 EUR",
  labels: { ur: "ویزا فیس", en: "Visa fee", el: "Κόστος βίζας", it: "Costo del visto" },
  source: "Embassy of Greece in Islamabad",
  checkedOn: "2026-12-01",
};

it("seeds only links to governments' own https sites, never a fee or a phone number", () => {
  expect(LEGAL_FACTS.length).toBeGreaterThan(0);
  for (const fact of LEGAL_FACTS) {
    expect(fact.kind).toBe("link");
    expect(new URL(fact.value).protocol).toBe("https:");
    expect(new URL(fact.value).hostname).toMatch(/\.gov\.pk$|\.gov\.gr$|\.gov\.it$|\.gob\.es$/);
  }
});

describeEachStore("legal-migration facts", (store) => {
  it("seeds facts unchecked and unconfirmed, and never overwrites an administrator's edit", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const seeded = await listLegalFacts(db);
    expect(seeded.map((f) => f.key).sort()).toEqual(LEGAL_FACTS.map((f) => f.key).sort());
    expect(seeded.every((f) => f.confirmedAt === null && f.checkedOn === null)).toBe(true);
    expect(await listConfirmedLegalFacts(db, "en")).toEqual([]);

    const { id: adminId } = await createTestStaff(db, { role: "admin", totp: false });
    const actor = { actorType: "staff" as const, actorId: adminId, sessionRef: "0123456789abcdef" };
    const beoe = (await findLegalFact(db, "pk-beoe-site"))!;
    // Seeded without a checked date, a fact cannot be confirmed until someone has checked it.
    expect(await confirmLegalFact(db, { key: beoe.key, actor })).toEqual({ ok: false, problem: "not_checked" });
    await updateLegalFact(db, { ...beoe, labels: { ...beoe.labels, en: "BE&OE" }, checkedOn: "2026-12-02", actor });
    await seedReferenceData(db);
    expect((await findLegalFact(db, "pk-beoe-site"))!.labels.en).toBe("BE&OE");
  });

  it("adds, refuses a taken key, shows a fact only once confirmed, unconfirms it on an edit, and audits each change", async () => {
    const { db } = store();
    const { id: adminId } = await createTestStaff(db, { role: "admin", totp: false });
    const actor = { actorType: "staff" as const, actorId: adminId, sessionRef: "0123456789abcdef" };

    expect(await addLegalFact(db, { ...FEE, actor })).toEqual({ ok: true });
    expect(await addLegalFact(db, { ...FEE, actor })).toEqual({ ok: false, problem: "exists" });
    expect(await listConfirmedLegalFacts(db, "el")).toEqual([]);

    expect(await confirmLegalFact(db, { key: "gr-visa-fee", actor })).toEqual({ ok: true });
    expect(await confirmLegalFact(db, { key: "no-such-fact", actor })).toEqual({ ok: false, problem: "not_found" });
    expect(await listConfirmedLegalFacts(db, "el")).toEqual([
      {
        key: "gr-visa-fee",
        destination: "GR",
        kind: "fee",
        value: "90 EUR",
        label: "Κόστος βίζας",
        source: FEE.source,
        checkedOn: "2026-12-01",
      },
    ]);

    // Saving the same values changes nothing and keeps the confirmation.
    expect(await updateLegalFact(db, { ...FEE, actor })).toEqual({ ok: true, changed: [] });
    expect(await listConfirmedLegalFacts(db, "en")).toHaveLength(1);

    expect(await updateLegalFact(db, { ...FEE, value: "116 EUR", checkedOn: "2026-12-03", actor })).toEqual({
      ok: true,
      changed: ["value", "checked_on"],
    });
    expect(await listConfirmedLegalFacts(db, "en")).toEqual([]);
    expect((await findLegalFact(db, "gr-visa-fee"))!).toMatchObject({ value: "116 EUR", confirmedAt: null });
    expect(await updateLegalFact(db, { ...FEE, key: "no-such-fact", actor })).toEqual({ ok: false, problem: "not_found" });

    const events = await db
      .selectFrom("audit_event")
      .select(["action", "entity_id", "details"])
      .where("entity_type", "=", "legal_fact")
      .where("entity_id", "=", "gr-visa-fee")
      .orderBy("seq")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["legal_fact.added", "legal_fact.confirmed", "legal_fact.updated"]);
    // The audit row names the fields that changed, never their values.
    const details = JSON.stringify(events[2]!.details);
    expect(details).toContain("value,checked_on");
    expect(details).toContain("unconfirmed");
    expect(details).not.toContain("116");
  });
});
