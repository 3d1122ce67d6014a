/**
 * The fuzz oracle itself: a write is seen, counted per table and operation, and judged against a
 * shape; a refused form that wrote and a 5xx both fail the check.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionSpec, checkAnswer, matchesShape, startFuzzServer, type FuzzServer } from "../../test/support/fuzz-harness";

let fuzz: FuzzServer;
beforeAll(async () => {
  fuzz = await startFuzzServer();
});
afterAll(() => fuzz?.close());

const spec: ActionSpec = { route: "routes/test", target: async () => ({ path: "/" }), writes: () => ({ public_holiday: { insert: 1 } }) };

describe("the fuzz oracle", () => {
  it("counts committed rows per table and operation, and nothing for a rolled-back write", async () => {
    const db = fuzz.server.store.db;
    const measure = fuzz.probe.start();
    await db
      .insertInto("public_holiday")
      .values({ day: "2031-01-01", name: "Probe Day", created_by: null, created_at: "2026-12-03T00:00:00Z" })
      .execute();
    await db.transaction().execute(async (trx) => {
      await sql`UPDATE public_holiday SET name = 'Probe' WHERE day = '2031-01-01'`.execute(trx);
    });
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`DELETE FROM public_holiday`.execute(trx);
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(measure()).toEqual({ public_holiday: { insert: 1, update: 1, delete: 0 } });
    expect(fuzz.probe.start()()).toEqual({});
  });

  it("matches a change against a shape: exact counts, some, maybe, and nothing elsewhere", () => {
    const change = { audit_event: { insert: 1, update: 0, delete: 0 }, case_note: { insert: 1, update: 0, delete: 0 } };
    expect(matchesShape(change, { audit_event: { insert: 1 }, case_note: { insert: "some" } })).toBe(true);
    expect(matchesShape(change, { audit_event: { insert: 1 } })).toBe(false);
    expect(matchesShape(change, { audit_event: { insert: 2 }, case_note: { insert: 1 } })).toBe(false);
    expect(matchesShape({}, { audit_event: { insert: "maybe" } })).toBe(true);
    expect(matchesShape({}, { audit_event: { insert: "some" } })).toBe(false);
  });

  it("fails a 5xx, a refused form that wrote, and an accepted one that wrote other rows", () => {
    const wrote = { draft: { insert: 1, update: 0, delete: 0 } };
    const check =
      (status: number, change = {}, location: string | null = null) =>
      () =>
        checkAnswer(fuzz, spec, { answer: { status, location, body: "" }, change, body: "a=b", mustAccept: false, view: null });
    expect(check(500)).toThrow(/server error/);
    expect(check(422, wrote)).toThrow(/refused input wrote/);
    expect(check(302, wrote, "/next")).toThrow(/wrote other than/);
    expect(check(302, { public_holiday: { insert: 1, update: 0, delete: 0 } }, "/next")()).toBe(true);
    expect(check(200)()).toBe(false);
  });
});
