import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { hashToken } from "~/utils/secret-token.server";
import { createTestStaff, TEST_PASSWORD } from "../../test/support/staff-accounts";
import {
  findStaffSession,
  insertStaffSession,
  PENDING_SESSION_MS,
  revokeStaffSession,
  revokeStaffSessionsOf,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  takeSessionRecoveryCodes,
  touchStaffSession,
  updateStaffSessionData,
} from "./staff-session.server";
import { signInWithPassword } from "./staff-sign-in.server";
import { disableStaffUser } from "./staff-user.server";

const t0 = new Date("2026-11-28T08:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;

describeEachStore("staff sessions", (store) => {
  it("stores only the hash of a 256-bit random token", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const session = await insertStaffSession(db, staff.id, "full", t0);
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.selectFrom("session").select(["id_hash", "data"]).where("staff_user_id", "=", staff.id).execute();
    expect(rows).toEqual([{ id_hash: hashToken(session.token), data: JSON.stringify({ stage: "full" }) }]);
    expect(JSON.stringify(rows)).not.toContain(session.token);
    const found = await findStaffSession(db, session.token, t0);
    expect(found).toMatchObject({
      idHash: session.idHash,
      ref: session.ref,
      data: { stage: "full" },
      user: { id: staff.id, email: staff.email, role: "officer", totpConfirmed: true },
    });
    expect(session.ref).toHaveLength(16);
    expect(await findStaffSession(db, `${session.token.slice(0, -1)}${session.token.endsWith("A") ? "B" : "A"}`, t0)).toBeNull();
  });

  it("issues a new id at every sign-in and ends the browser's previous session (fixation)", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const planted = await insertStaffSession(db, staff.id, "pending", t0);
    const signedIn = await signInWithPassword(
      db,
      { email: staff.email, password: TEST_PASSWORD, previousToken: planted.token },
      at(MINUTE),
    );
    if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.reason}`);
    expect(signedIn.session.token).not.toBe(planted.token);
    expect(await findStaffSession(db, planted.token, at(MINUTE))).toBeNull();
    expect(await findStaffSession(db, signedIn.session.token, at(MINUTE))).toMatchObject({ data: { stage: "pending" } });
    const again = await signInWithPassword(db, { email: staff.email, password: TEST_PASSWORD, previousToken: null }, at(MINUTE));
    expect(again.ok && again.session.token).not.toBe(signedIn.session.token);
  });

  it("ends after 30 idle minutes, and each request slides that limit", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const { token, idHash } = await insertStaffSession(db, staff.id, "full", t0);
    expect(await findStaffSession(db, token, at(SESSION_IDLE_MS - 1))).not.toBeNull();
    await touchStaffSession(db, idHash, at(20 * MINUTE));
    expect(await findStaffSession(db, token, at(45 * MINUTE))).not.toBeNull();
    expect(await findStaffSession(db, token, at(20 * MINUTE + SESSION_IDLE_MS))).toBeNull();

    const idle = await insertStaffSession(db, staff.id, "full", t0);
    expect(await findStaffSession(db, idle.token, at(SESSION_IDLE_MS))).toBeNull();
    // Touching a session that has already timed out does not bring it back.
    await touchStaffSession(db, idle.idHash, at(SESSION_IDLE_MS + MINUTE));
    expect(await db.selectFrom("session").select("last_seen_at").where("id_hash", "=", idle.idHash).executeTakeFirst()).toEqual({
      last_seen_at: at(SESSION_IDLE_MS + MINUTE).toISOString(),
    });
  });

  it("writes last_seen_at at most once a minute", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const { idHash } = await insertStaffSession(db, staff.id, "full", t0);
    await touchStaffSession(db, idHash, at(30_000));
    const lastSeen = async () =>
      (await db.selectFrom("session").select("last_seen_at").where("id_hash", "=", idHash).executeTakeFirstOrThrow()).last_seen_at;
    expect(await lastSeen()).toBe(t0.toISOString());
    await touchStaffSession(db, idHash, at(90_000));
    expect(await lastSeen()).toBe(at(90_000).toISOString());
  });

  it("ends 12 hours after sign-in however busy, and a pending one after 10 minutes", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const { token, idHash } = await insertStaffSession(db, staff.id, "full", t0);
    for (let ms = 20 * MINUTE; ms < SESSION_ABSOLUTE_MS; ms += 20 * MINUTE) await touchStaffSession(db, idHash, at(ms));
    expect(await findStaffSession(db, token, at(SESSION_ABSOLUTE_MS - MINUTE))).not.toBeNull();
    expect(await findStaffSession(db, token, at(SESSION_ABSOLUTE_MS))).toBeNull();

    const pending = await insertStaffSession(db, staff.id, "pending", t0);
    expect(await findStaffSession(db, pending.token, at(PENDING_SESSION_MS - 1))).not.toBeNull();
    expect(await findStaffSession(db, pending.token, at(PENDING_SESSION_MS))).toBeNull();
  });

  it("is revoked one by one, or all of an account's at once", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => insertStaffSession(db, staff.id, "full", t0)));
    expect(await revokeStaffSession(db, a!.idHash, at(MINUTE))).toBe(true);
    expect(await revokeStaffSession(db, a!.idHash, at(MINUTE))).toBe(false);
    expect(await findStaffSession(db, a!.token, at(MINUTE))).toBeNull();
    expect(await findStaffSession(db, b!.token, at(MINUTE))).not.toBeNull();
    expect(await revokeStaffSessionsOf(db, staff.id, at(2 * MINUTE))).toBe(2);
    for (const s of [b!, c!]) expect(await findStaffSession(db, s.token, at(2 * MINUTE))).toBeNull();
  });

  it("ends when the account is disabled", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const { token, idHash } = await insertStaffSession(db, staff.id, "full", t0);
    expect(await db.transaction().execute((trx) => disableStaffUser(trx, staff.id, at(MINUTE)))).toBe(true);
    expect(await findStaffSession(db, token, at(MINUTE))).toBeNull();
    const row = await db.selectFrom("session").select("revoked_at").where("id_hash", "=", idHash).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBe(at(MINUTE).toISOString());
    // Even a session the disabling missed (not possible today, but cheap to refuse) reaches nothing.
    const late = await insertStaffSession(db, staff.id, "full", at(2 * MINUTE));
    expect(await findStaffSession(db, late.token, at(2 * MINUTE))).toBeNull();
    expect(
      await signInWithPassword(db, { email: staff.email, password: TEST_PASSWORD, previousToken: null }, at(3 * MINUTE)),
    ).toMatchObject({ ok: false, reason: "disabled" });
  });

  it("treats unreadable data as a pending session", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const { token, idHash } = await insertStaffSession(db, staff.id, "full", t0);
    await db.updateTable("session").set({ data: "not json" }).where("id_hash", "=", idHash).execute();
    expect(await findStaffSession(db, token, t0)).toMatchObject({ data: { stage: "pending" } });
  });

  it("hands over stored recovery codes once, even to two requests at the same moment", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const { idHash } = await insertStaffSession(db, staff.id, "full", t0);
    await updateStaffSessionData(db, idHash, { stage: "full", recoveryCodes: "sealed" });
    const taken = await Promise.all([takeSessionRecoveryCodes(db, idHash), takeSessionRecoveryCodes(db, idHash)]);
    expect(taken.filter(Boolean)).toEqual(["sealed"]);
    expect(await takeSessionRecoveryCodes(db, idHash)).toBeNull();
  });
});
