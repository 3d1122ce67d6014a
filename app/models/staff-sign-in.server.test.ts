import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { createTestStaff, TEST_DOCUMENT_KEY, TEST_PASSWORD } from "../../test/support/staff-accounts";
import { findStaffSession, type OpenStaffSession } from "./staff-session.server";
import {
  completeSignIn,
  confirmTotpEnrollment,
  LOCKOUT_MS,
  MAX_FAILED_SIGN_INS,
  signInWithPassword,
  signOut,
  startTotpEnrollment,
  takeRecoveryCodesToShow,
} from "./staff-sign-in.server";
import { countUnusedRecoveryCodes, RECOVERY_CODE_COUNT, totpCode } from "./staff-totp.server";
import { disableStaffUser } from "./staff-user.server";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

const t0 = new Date("2026-11-28T08:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const STEP = 30_000;
const documentKey = TEST_DOCUMENT_KEY;

type Pending = OpenStaffSession & { token: string };

async function pendingSession(db: Kysely<Database>, email: string, now: Date): Promise<Pending> {
  const result = await signInWithPassword(db, { email, password: TEST_PASSWORD, previousToken: null }, now);
  if (!result.ok) throw new Error(`password refused: ${result.reason}`);
  return reload(db, result.session.token, now);
}

/** The session as the next request sees it. */
async function reload(db: Kysely<Database>, token: string, now: Date): Promise<Pending> {
  const session = await findStaffSession(db, token, now);
  if (!session) throw new Error("session not found");
  return { ...session, token };
}

function auditRows(db: Kysely<Database>, entityId: string | null) {
  const query = db.selectFrom("audit_event").select(["action", "actor_type", "actor_id", "session_ref", "details"]).orderBy("seq");
  return (entityId === null ? query.where("entity_id", "is", null) : query.where("entity_id", "=", entityId)).execute();
}

describeEachStore("staff sign-in", (store) => {
  it("refuses an unknown address, a wrong password and a disabled account alike, and audits without the address", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const unknownEmail = `nobody.${Date.now()}@police.example.pk`;
    expect(await signInWithPassword(db, { email: unknownEmail, password: TEST_PASSWORD, previousToken: null }, t0)).toEqual({
      ok: false,
      reason: "unknown_account",
      lockedNow: false,
    });
    expect(await signInWithPassword(db, { email: staff.email, password: "wrong horse battery staple", previousToken: null }, t0)).toEqual({
      ok: false,
      reason: "wrong_password",
      lockedNow: false,
    });
    const disabled = await createTestStaff(db);
    await db.transaction().execute((trx) => disableStaffUser(trx, disabled.id, t0));
    expect(await signInWithPassword(db, { email: disabled.email, password: TEST_PASSWORD, previousToken: null }, t0)).toEqual({
      ok: false,
      reason: "disabled",
      lockedNow: false,
    });
    // The address is matched however it is typed.
    expect(
      await signInWithPassword(db, { email: ` ${staff.email.toUpperCase()} `, password: TEST_PASSWORD, previousToken: null }, t0),
    ).toMatchObject({ ok: true, totpConfirmed: true });

    const failed = await db
      .selectFrom("audit_event")
      .select(["actor_id", "entity_id", "details"])
      .where("action", "=", "staff_user.sign_in_failed")
      .execute();
    expect(failed).toContainEqual({
      actor_id: null,
      entity_id: null,
      details: JSON.stringify({ stage: "password", reason: "unknown_account" }),
    });
    expect(failed).toContainEqual({
      actor_id: null,
      entity_id: staff.id,
      details: JSON.stringify({ stage: "password", reason: "wrong_password" }),
    });
    const everything = JSON.stringify(await db.selectFrom("audit_event").selectAll().execute());
    expect(everything).not.toContain(unknownEmail);
    expect(everything).not.toContain(staff.email);
  });

  it(`locks an account for 15 minutes after ${MAX_FAILED_SIGN_INS} failures, ending its sessions`, async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const open = await pendingSession(db, staff.email, t0);
    const wrong = { email: staff.email, password: "not the password at all", previousToken: null };
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i += 1)
      expect(await signInWithPassword(db, wrong, at(i * 1000))).toMatchObject({ ok: false, lockedNow: false });
    expect(await db.selectFrom("staff_user").select("failed_sign_ins").where("id", "=", staff.id).executeTakeFirst()).toEqual({
      failed_sign_ins: MAX_FAILED_SIGN_INS - 1,
    });
    expect(await signInWithPassword(db, wrong, at(10_000))).toEqual({ ok: false, reason: "wrong_password", lockedNow: true });
    expect(await findStaffSession(db, open.token, at(10_000))).toBeNull();
    // The right password does not help while locked, and does not count either.
    const right = { email: staff.email, password: TEST_PASSWORD, previousToken: null };
    expect(await signInWithPassword(db, right, at(10_000 + LOCKOUT_MS - 1))).toEqual({ ok: false, reason: "locked", lockedNow: false });
    expect(await signInWithPassword(db, right, at(10_000 + LOCKOUT_MS))).toMatchObject({ ok: true });
    const actions = (await auditRows(db, staff.id)).map((r) => r.action);
    expect(actions.filter((a) => a === "staff_user.locked")).toHaveLength(1);
    expect(actions.filter((a) => a === "staff_user.sign_in_failed")).toHaveLength(MAX_FAILED_SIGN_INS + 1);
  });

  it("counts wrong codes towards the lockout and forgets failures after a full sign-in", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    await signInWithPassword(db, { email: staff.email, password: "not the password at all", previousToken: null }, t0);
    const pending = await pendingSession(db, staff.email, t0);
    expect(await completeSignIn(db, { pending, code: "000000", documentKey }, t0)).toMatchObject({ ok: false, reason: "wrong_code" });
    expect(await db.selectFrom("staff_user").select("failed_sign_ins").where("id", "=", staff.id).executeTakeFirst()).toEqual({
      failed_sign_ins: 2,
    });
    expect(await completeSignIn(db, { pending, code: totpCode(staff.secret!, t0), documentKey }, t0)).toMatchObject({
      ok: true,
      method: "totp",
    });
    expect(await db.selectFrom("staff_user").select("failed_sign_ins").where("id", "=", staff.id).executeTakeFirst()).toEqual({
      failed_sign_ins: 0,
    });

    const again = await pendingSession(db, staff.email, at(STEP));
    for (let i = 1; i <= MAX_FAILED_SIGN_INS; i += 1) {
      const result = await completeSignIn(db, { pending: again, code: "ABCD-EFGH-JKMN-PQRS", documentKey }, at(STEP));
      expect(result).toMatchObject({ ok: false, lockedNow: i === MAX_FAILED_SIGN_INS });
    }
    expect(await signInWithPassword(db, { email: staff.email, password: TEST_PASSWORD, previousToken: null }, at(2 * STEP))).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });

  it("accepts a TOTP code once: the same code, or an older one, is refused afterwards", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const now = at(10 * STEP);
    const code = totpCode(staff.secret!, now);
    const first = await pendingSession(db, staff.email, now);
    const signedIn = await completeSignIn(db, { pending: first, code, documentKey }, now);
    expect(signedIn).toMatchObject({ ok: true, method: "totp", recoveryCodesLeft: null });
    if (!signedIn.ok) return;
    // The pending session is gone; the full one has a new id.
    expect(await findStaffSession(db, signedIn.session.token, now)).toMatchObject({ data: { stage: "full" } });
    expect(signedIn.session.idHash).not.toBe(first.idHash);

    const second = await pendingSession(db, staff.email, at(10 * STEP + 5_000));
    expect(await completeSignIn(db, { pending: second, code, documentKey }, at(10 * STEP + 5_000))).toMatchObject({
      ok: false,
      reason: "replayed_code",
    });
    // The code of the step before is inside the window, but older than the one used: refused too.
    expect(
      await completeSignIn(db, { pending: second, code: totpCode(staff.secret!, at(9 * STEP)), documentKey }, at(10 * STEP + 5_000)),
    ).toMatchObject({ ok: false, reason: "replayed_code" });
    // Outside the window: simply wrong.
    expect(
      await completeSignIn(db, { pending: second, code: totpCode(staff.secret!, at(13 * STEP)), documentKey }, at(10 * STEP + 5_000)),
    ).toMatchObject({ ok: false, reason: "wrong_code" });
    // The next step's code is accepted (a phone a little ahead).
    expect(
      await completeSignIn(db, { pending: second, code: totpCode(staff.secret!, at(11 * STEP)), documentKey }, at(10 * STEP + 5_000)),
    ).toMatchObject({ ok: true });
  });

  it("lets two simultaneous sign-ins with one code through only once", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const now = at(20 * STEP);
    const [a, b] = [await pendingSession(db, staff.email, now), await pendingSession(db, staff.email, now)];
    const code = totpCode(staff.secret!, now);
    const results = await Promise.all([a!, b!].map((pending) => completeSignIn(db, { pending, code, documentKey }, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(["replayed_code"]);
  });

  it("enrols TOTP with a confirming code, hands out recovery codes shown once, and uses each code once", async () => {
    const { db } = store();
    const staff = await createTestStaff(db, { totp: false });
    const pending = await pendingSession(db, staff.email, t0);
    expect(pending.user.totpConfirmed).toBe(false);
    // No second factor yet, so none can be used.
    expect(await completeSignIn(db, { pending, code: "123456", documentKey }, t0)).toMatchObject({ ok: false, reason: "session_ended" });

    // One secret per pending session, the same on every reload, kept only sealed.
    const secret = await startTotpEnrollment(db, pending, documentKey);
    const enrolling = await reload(db, pending.token, t0);
    expect(await startTotpEnrollment(db, enrolling, documentKey)).toBe(secret);
    expect(enrolling.data.enrollment).toBeDefined();
    expect(JSON.stringify(await db.selectFrom("session").select("data").execute())).not.toContain(secret);
    const otherTab = await pendingSession(db, staff.email, t0);
    expect(await startTotpEnrollment(db, otherTab, documentKey)).not.toBe(secret);

    expect(await confirmTotpEnrollment(db, { pending: enrolling, code: "000000", documentKey }, t0)).toEqual({
      ok: false,
      reason: "wrong_code",
    });
    const enrolled = await confirmTotpEnrollment(db, { pending: enrolling, code: totpCode(secret, t0), documentKey }, t0);
    if (!enrolled.ok) throw new Error(`enrolment refused: ${enrolled.reason}`);
    expect(enrolled.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(enrolled.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of enrolled.recoveryCodes)
      expect(code).toMatch(/^([23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-){3}[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
    const stored = JSON.stringify(await db.selectFrom("staff_recovery_code").selectAll().where("staff_user_id", "=", staff.id).execute());
    for (const code of enrolled.recoveryCodes) expect(stored).not.toContain(code.replace(/-/g, ""));
    expect(await findStaffSession(db, pending.token, t0)).toBeNull();
    expect(await findStaffSession(db, enrolled.session.token, t0)).toMatchObject({
      data: { stage: "full" },
      user: { totpConfirmed: true },
    });

    // Shown once, and only to the new full session.
    expect(await takeRecoveryCodesToShow(db, enrolling.idHash, documentKey)).toBeNull();
    expect(await takeRecoveryCodesToShow(db, enrolled.session.idHash, documentKey)).toEqual(enrolled.recoveryCodes);
    expect(await takeRecoveryCodesToShow(db, enrolled.session.idHash, documentKey)).toBeNull();

    // The confirming code cannot sign in again, and the other tab cannot enrol a second secret.
    const later = await pendingSession(db, staff.email, at(5_000));
    expect(await completeSignIn(db, { pending: later, code: totpCode(secret, t0), documentKey }, at(5_000))).toMatchObject({
      ok: false,
      reason: "replayed_code",
    });
    const otherSecret = await reload(db, otherTab.token, at(5_000));
    expect(
      await confirmTotpEnrollment(
        db,
        { pending: otherSecret, code: totpCode(await startTotpEnrollment(db, otherSecret, documentKey), at(5_000)), documentKey },
        at(5_000),
      ),
    ).toEqual({
      ok: false,
      reason: "already_enrolled",
    });

    // A recovery code works once, typed in any case, with spaces or hyphens.
    const recovery = enrolled.recoveryCodes[3]!;
    const viaRecovery = await pendingSession(db, staff.email, at(STEP));
    expect(
      await completeSignIn(db, { pending: viaRecovery, code: recovery.toLowerCase().replace(/-/g, " "), documentKey }, at(STEP)),
    ).toMatchObject({
      ok: true,
      method: "recovery_code",
      recoveryCodesLeft: RECOVERY_CODE_COUNT - 1,
    });
    const reuse = await pendingSession(db, staff.email, at(2 * STEP));
    expect(await completeSignIn(db, { pending: reuse, code: recovery, documentKey }, at(2 * STEP))).toMatchObject({
      ok: false,
      reason: "wrong_code",
    });
    expect(await countUnusedRecoveryCodes(db, staff.id)).toBe(RECOVERY_CODE_COUNT - 1);

    const actions = (await auditRows(db, staff.id)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["staff_user.totp_enrolled", "staff_user.signed_in", "staff_user.recovery_code_used"]));
  });

  it("uses a recovery code only once, even for two requests at the same moment", async () => {
    const { db } = store();
    const staff = await createTestStaff(db, { totp: false });
    const pending = await pendingSession(db, staff.email, t0);
    const secret = await startTotpEnrollment(db, pending, documentKey);
    const enrolled = await confirmTotpEnrollment(
      db,
      { pending: await reload(db, pending.token, t0), code: totpCode(secret, t0), documentKey },
      t0,
    );
    if (!enrolled.ok) throw new Error("enrolment refused");
    const code = enrolled.recoveryCodes[0]!;
    const tabs = [await pendingSession(db, staff.email, t0), await pendingSession(db, staff.email, t0)];
    const results = await Promise.all(tabs.map((tab) => completeSignIn(db, { pending: tab, code, documentKey }, t0)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await countUnusedRecoveryCodes(db, staff.id)).toBe(RECOVERY_CODE_COUNT - 1);
  });

  it("signs out once, with an audit row naming the session", async () => {
    const { db } = store();
    const staff = await createTestStaff(db);
    const pending = await pendingSession(db, staff.email, at(30 * STEP));
    const signedIn = await completeSignIn(db, { pending, code: totpCode(staff.secret!, at(30 * STEP)), documentKey }, at(30 * STEP));
    if (!signedIn.ok) throw new Error("sign-in refused");
    const session = (await findStaffSession(db, signedIn.session.token, at(30 * STEP)))!;
    expect(await signOut(db, session, at(31 * STEP))).toBe(true);
    expect(await signOut(db, session, at(31 * STEP))).toBe(false);
    expect(await findStaffSession(db, signedIn.session.token, at(31 * STEP))).toBeNull();
    const rows = await auditRows(db, staff.id);
    expect(rows.filter((r) => r.action === "staff_user.signed_in").at(-1)).toMatchObject({
      actor_type: "staff",
      actor_id: staff.id,
      session_ref: session.ref,
    });
    expect(rows.filter((r) => r.action === "staff_user.signed_out")).toEqual([
      {
        action: "staff_user.signed_out",
        actor_type: "staff",
        actor_id: staff.id,
        session_ref: session.ref,
        details: JSON.stringify({ stage: "full" }),
      },
    ]);
  });
});
