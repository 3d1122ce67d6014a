import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { testApplication } from "../../test/support/application-fixture";
import { describeEachStore, type TestStore } from "../../test/support/stores";
import { seedReferenceData } from "../../db/seed";
import type { Database, NewApplication } from "../../db/schema";
import { type AuditEventInput, insertAuditEvent, verifyAuditChain } from "./audit.server";
import {
  type AuditFilter,
  type AuditScope,
  listAuditActors,
  listAuditEvents,
  NO_FILTER,
  recordAuditView,
  recordChainVerification,
  resolveAuditEntity,
} from "./audit-log.server";
import { insertStaffUser } from "./staff-user.server";

async function staff(db: Kysely<Database>, role: "officer" | "supervisor" | "admin", centerSlug: string | null, displayName: string) {
  return db
    .transaction()
    .execute((trx) =>
      insertStaffUser(trx, { email: `${randomUUID()}@police.example.pk`, displayName, passwordHash: null, role, centerSlug }),
    );
}

async function event(db: Kysely<Database>, input: AuditEventInput) {
  await db.transaction().execute((trx) => insertAuditEvent(trx, input));
}

const day = (d: number, hour = 9) => new Date(Date.UTC(2026, 10, d, hour));

const application = (centerSlug: string) =>
  testApplication({ status: "submitted", submitted_at: "2026-11-20T09:00:00.000Z", center_slug: centerSlug });

type TwoCentersWork = {
  lahoreApp: NewApplication;
  gujratApp: NewApplication;
  ids: { lahoreOfficer: string; gujratOfficer: string; lahoreSupervisor: string; admin: string };
};

/** Two centers' applications, four staff members and nine events between them. */
async function setUpTwoCentersWork(db: Kysely<Database>): Promise<TwoCentersWork> {
  await seedReferenceData(db);
  const lahoreApp = application("lahore");
  const gujratApp = application("gujrat");
  await db.insertInto("application").values([lahoreApp, gujratApp]).execute();
  const ids = {
    lahoreOfficer: await staff(db, "officer", "lahore", "Bilal Ahmed"),
    gujratOfficer: await staff(db, "officer", "gujrat", "Hina Butt"),
    lahoreSupervisor: await staff(db, "supervisor", "lahore", "Imran Qureshi"),
    admin: await staff(db, "admin", null, "Ayesha Khan"),
  };
  const byStaff = (id: string) => ({ actorType: "staff" as const, actorId: id, sessionRef: id.slice(0, 16) });
  await event(db, {
    actorType: "applicant",
    action: "application.submitted",
    entityType: "application",
    entityId: lahoreApp.id,
    occurredAt: day(20),
  });
  await event(db, {
    actorType: "applicant",
    action: "application.submitted",
    entityType: "application",
    entityId: gujratApp.id,
    occurredAt: day(20),
  });
  await event(db, {
    ...byStaff(ids.lahoreOfficer),
    action: "application.claim",
    entityType: "application",
    entityId: lahoreApp.id,
    occurredAt: day(21),
  });
  await event(db, {
    ...byStaff(ids.gujratOfficer),
    action: "application.claim",
    entityType: "application",
    entityId: gujratApp.id,
    occurredAt: day(21),
  });
  // A Lahore officer acting on Gujrat's application (say, before a transfer): still Gujrat's event.
  await event(db, {
    ...byStaff(ids.lahoreOfficer),
    action: "application.release",
    entityType: "application",
    entityId: gujratApp.id,
    occurredAt: day(22),
  });
  await event(db, {
    ...byStaff(ids.lahoreOfficer),
    action: "staff_user.signed_in",
    entityType: "staff_user",
    entityId: ids.lahoreOfficer,
    occurredAt: day(22),
  });
  await event(db, {
    ...byStaff(ids.gujratOfficer),
    action: "staff_user.signed_in",
    entityType: "staff_user",
    entityId: ids.gujratOfficer,
    occurredAt: day(23),
  });
  await event(db, {
    ...byStaff(ids.admin),
    action: "staff_user.disabled",
    entityType: "staff_user",
    entityId: ids.lahoreOfficer,
    occurredAt: day(23),
  });
  await event(db, {
    actorType: "system",
    action: "staff_user.locked",
    entityType: "staff_user",
    entityId: ids.lahoreOfficer,
    occurredAt: day(24),
  });
  return { lahoreApp, gujratApp, ids };
}

/** Each suite's own store gets the same work once; the tests here only read it. */
function withTwoCentersWork(store: () => TestStore): () => TwoCentersWork {
  let work: TwoCentersWork | undefined;
  beforeAll(async () => {
    work = await setUpTwoCentersWork(store().db);
  });
  return () => {
    if (!work) throw new Error("work not set up");
    return work;
  };
}

describeEachStore("audit log browsing", (store) => {
  const work = withTwoCentersWork(store);

  it("shows an administrator everything, newest first, with names and references", async () => {
    const { db } = store();
    const { lahoreApp, ids } = work();
    const page = await listAuditEvents(db, { kind: "any" }, NO_FILTER);
    expect(page.entries).toHaveLength(9);
    expect(page.nextBefore).toBeNull();
    expect(page.entries.map((e) => e.seq)).toEqual([...page.entries.map((e) => e.seq)].sort((a, b) => b - a));
    expect(page.entries[0]).toMatchObject({
      action: "staff_user.locked",
      actorType: "system",
      actorName: null,
      entityLabel: "Bilal Ahmed",
    });
    const claim = page.entries.find((e) => e.action === "application.claim" && e.entityId === lahoreApp.id);
    expect(claim).toMatchObject({ actorName: "Bilal Ahmed", entityLabel: lahoreApp.reference, sessionRef: ids.lahoreOfficer.slice(0, 16) });
  });

  it("never shows a supervisor of one center another center's application events", async () => {
    const { db } = store();
    const { lahoreApp, gujratApp, ids } = work();
    const lahore: AuditScope = { kind: "center", centerSlug: "lahore" };
    const page = await listAuditEvents(db, lahore, NO_FILTER);
    expect(page.entries.map((e) => [e.action, e.entityId])).toEqual([
      ["staff_user.signed_in", ids.lahoreOfficer],
      ["application.claim", lahoreApp.id],
      ["application.submitted", lahoreApp.id],
    ]);
    expect(page.entries.some((e) => e.entityId === gujratApp.id)).toBe(false);
    // Not even when asked for by reference, by id or by its actor.
    for (const filter of [
      { ...NO_FILTER, entityId: (await resolveAuditEntity(db, gujratApp.reference.toLowerCase())).entityId },
      { ...NO_FILTER, entityId: gujratApp.id },
      { ...NO_FILTER, actor: ids.gujratOfficer },
      { ...NO_FILTER, actor: ids.lahoreOfficer, entityType: "application" },
    ] satisfies AuditFilter[]) {
      const found = await listAuditEvents(db, lahore, filter);
      expect(found.entries.some((e) => e.entityId === gujratApp.id)).toBe(false);
    }
    const gujrat = await listAuditEvents(db, { kind: "center", centerSlug: "gujrat" }, NO_FILTER);
    expect(gujrat.entries.map((e) => e.action).sort()).toEqual([
      "application.claim",
      "application.release",
      "application.submitted",
      "staff_user.signed_in",
    ]);
    expect((await listAuditActors(db, lahore)).map((a) => a.displayName)).toEqual(["Bilal Ahmed", "Imran Qureshi"]);
    expect((await listAuditActors(db, { kind: "any" })).length).toBeGreaterThanOrEqual(4);
  });

  it("filters by action, entity, reference, actor and UTC dates", async () => {
    const { db } = store();
    const { lahoreApp, ids } = work();
    const any: AuditScope = { kind: "any" };
    const actions = async (filter: Partial<AuditFilter>) =>
      (await listAuditEvents(db, any, { ...NO_FILTER, ...filter })).entries.map((e) => e.action);
    expect(await actions({ action: "application.claim" })).toEqual(["application.claim", "application.claim"]);
    expect(await actions({ entityType: "staff_user", entityId: ids.lahoreOfficer })).toEqual([
      "staff_user.locked",
      "staff_user.disabled",
      "staff_user.signed_in",
    ]);
    const resolved = await resolveAuditEntity(db, ` ${lahoreApp.reference.toLowerCase().replace(/-/g, " ")} `);
    expect(resolved).toEqual({ entityId: lahoreApp.id, reference: lahoreApp.reference });
    expect(await actions({ entityId: resolved.entityId })).toEqual(["application.claim", "application.submitted"]);
    expect(await resolveAuditEntity(db, "some-id")).toEqual({ entityId: "some-id", reference: null });
    expect(await actions({ actor: "system" })).toEqual(["staff_user.locked"]);
    expect(await actions({ actor: "applicant" })).toEqual(["application.submitted", "application.submitted"]);
    expect(await actions({ actor: ids.admin })).toEqual(["staff_user.disabled"]);
    expect(await actions({ from: "2026-11-23", to: "2026-11-23" })).toEqual(["staff_user.disabled", "staff_user.signed_in"]);
    expect(await actions({ from: "2026-11-24" })).toEqual(["staff_user.locked"]);
    expect(await actions({ to: "2026-11-20" })).toEqual(["application.submitted", "application.submitted"]);
  });

  it("pages with a keyset on seq", async () => {
    const { db } = store();
    const seen: number[] = [];
    let before: number | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page = await listAuditEvents(db, { kind: "any" }, NO_FILTER, { before, limit: 4 });
      seen.push(...page.entries.map((e) => e.seq));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });
});

// Recording adds to the chain: its own store, so the counts the browsing tests read stay as set up.
describeEachStore("audit log recording", (store) => {
  const work = withTwoCentersWork(store);

  it("records each viewing and each chain check in the chain itself", async () => {
    const { db } = store();
    const { ids } = work();
    const actor = { actorType: "staff" as const, actorId: ids.lahoreSupervisor, sessionRef: "abcdefabcdefabcd" };
    await recordAuditView(db, {
      actor,
      scope: { kind: "center", centerSlug: "lahore" },
      filter: { ...NO_FILTER, action: "application.claim" },
      before: null,
      shown: 1,
    });
    const report = await verifyAuditChain(db);
    expect(report).toEqual({ ok: true, checked: 10 });
    await recordChainVerification(db, { actor: { ...actor, actorId: ids.admin }, report });
    const [verified, viewed] = (await listAuditEvents(db, { kind: "any" }, NO_FILTER, { limit: 2 })).entries;
    expect(verified).toMatchObject({ action: "audit.chain_verified", actorName: "Ayesha Khan", details: { intact: true, checked: 10 } });
    expect(viewed).toMatchObject({
      action: "audit.viewed",
      actorName: "Imran Qureshi",
      details: { scope: "center:lahore", action: "application.claim", shown: 1 },
    });
    // The supervisor's own viewing is among what they may see.
    expect((await listAuditEvents(db, { kind: "center", centerSlug: "lahore" }, NO_FILTER)).entries[0]?.action).toBe("audit.viewed");
  });
});
