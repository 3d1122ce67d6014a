import { describe, expect, it } from "vitest";
import { seedReferenceData } from "../../db/seed";
import { describeEachStore } from "../../test/support/stores";
import { createTestStaff } from "../../test/support/staff-accounts";
import { verifyAuditChain } from "./audit.server";
import { startAssistedApplication } from "./assisted-application.server";
import { openDraft } from "./draft.server";

describeEachStore("assisted applications", (store) => {
  it("open a draft referred by the desk's center, marked with the desk user, and put the consent in the audit chain", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const desk = await createTestStaff(db, { role: "embassy_desk" });
    const now = new Date("2026-12-03T10:00:00.000Z");
    const { key, draftId } = await startAssistedApplication(
      db,
      { centerSlug: "athens", language: "ur", actor: { actorType: "staff", actorId: desk.id, sessionRef: "s1" } },
      now,
    );
    const draft = await openDraft(db, key, now);
    expect(draft).toMatchObject({ id: draftId, language: "ur", answers: { referral: "athens", assistedBy: desk.id } });
    const events = await db.selectFrom("audit_event").selectAll().where("action", "=", "application.assisted_consent").execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_type: "staff",
      actor_id: desk.id,
      entity_type: "draft",
      entity_id: draftId,
      occurred_at: now.toISOString(),
    });
    expect(JSON.parse(events[0]!.details)).toEqual({ center: "athens", language: "ur" });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

describe("the consent form", () => {
  it("needs a portal language and the tick, nothing else", async () => {
    const { AssistedApplicationSchema } = await import("~/schemas/assisted-application");
    const { parseForm } = await import("~/utils/form");
    const form = (values: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(values)) data.set(k, v);
      return data;
    };
    expect(parseForm(AssistedApplicationSchema, form({ language: "el", consent: "yes" }))).toEqual({
      ok: true,
      data: { language: "el", consent: "yes" },
    });
    const refused = parseForm(AssistedApplicationSchema, form({ language: "xx", consent: "on" }));
    expect(refused.ok ? null : refused.errors).toEqual({
      language: "staff:validation.assistedLanguageRequired",
      consent: "staff:validation.assistedConsentRequired",
    });
  });
});
