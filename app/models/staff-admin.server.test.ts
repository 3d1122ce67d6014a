import { expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { seedReferenceData } from "../../db/seed";
import type { Database } from "../../db/schema";
import type { Kysely } from "kysely";
import type { Role } from "~/domain/permissions";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { hashToken } from "~/utils/secret-token.server";
import { verifyAuditChain } from "./audit.server";
import { confirmCenterDetails, findActiveCenter, findCenter, listActiveCenters, updateCenter } from "./center.server";
import { createTestStaff, TEST_PASSWORD } from "../../test/support/staff-accounts";
import {
  acceptInvitation,
  type AdminActor,
  changeStaffRole,
  findOpenInvitation,
  findStaffAccount,
  INVITATION_TTL_MS,
  inviteStaffUser,
  listStaffAccounts,
  reinviteStaffUser,
  resetStaffTotp,
  setStaffUserDisabled,
  unlockStaffUser,
} from "./staff-admin.server";
import { deleteEndedStaffSessions } from "./staff-session-cleanup.server";
import { findStaffSession, insertStaffSession } from "./staff-session.server";
import { signInWithPassword } from "./staff-sign-in.server";
import { replaceRecoveryCodes } from "./staff-totp.server";

const t0 = new Date("2026-11-28T08:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const inviteLink = (token: string) => `https://pcc.example/staff/invite?token=${token}`;
const mail = ({ link }: { link: string }) => ({ subject: "Your staff account", text: `Choose a password: ${link}`, language: "en" });

async function adminActor(db: Kysely<Database>): Promise<AdminActor> {
  const admin = await createTestStaff(db, { role: "admin" });
  return { actorType: "staff", actorId: admin.id, sessionRef: "0123456789abcdef" };
}

async function invite(db: Kysely<Database>, actor: AdminActor, role: Role = "officer", centerSlug: string | null = "lahore", now = t0) {
  const email = `Invitee.${Math.random().toString(36).slice(2)}@Police.Example.pk`;
  const result = await inviteStaffUser(db, { email, displayName: "Nadia Hussain", role, centerSlug, actor, inviteLink, mail }, now);
  if (!result.ok) throw new Error(`invitation refused: ${result.problem}`);
  return { ...result, email: email.toLowerCase(), token: new URL(result.link).searchParams.get("token")! };
}

/** The administration's audit rows about one record (sign-in attempts left out). */
async function auditRows(db: Kysely<Database>, entityId: string) {
  return db
    .selectFrom("audit_event")
    .select(["action", "actor_id", "details"])
    .where("entity_id", "=", entityId)
    .where("action", "not in", ["staff_user.sign_in_failed", "staff_user.signed_in"])
    .orderBy("seq")
    .execute();
}

describeEachStore("staff administration", (store) => {
  it("invites without a password; the link (stored hashed) sets one once, and sign-in then asks for TOTP setup", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const actor = await adminActor(db);
    const invited = await invite(db, actor);
    expect(invited.expiresAt).toBe(at(INVITATION_TTL_MS).toISOString());

    const account = await findStaffAccount(db, invited.staffUserId, t0);
    expect(account).toMatchObject({ email: invited.email, role: "officer", centerSlug: "lahore", status: "invited", totpSetUp: false });
    const stored = await db.selectFrom("staff_invitation").selectAll().where("staff_user_id", "=", invited.staffUserId).execute();
    expect(stored).toEqual([expect.objectContaining({ token_hash: hashToken(invited.token), created_by: actor.actorId, used_at: null })]);
    expect(JSON.stringify(stored)).not.toContain(invited.token);

    // The mail carries the link and nothing like a password.
    const mails = await db.selectFrom("mail_outbox").select(["to_address", "text_body"]).where("to_address", "=", invited.email).execute();
    expect(mails).toEqual([{ to_address: invited.email, text_body: `Choose a password: ${invited.link}` }]);

    // The audit row names the role and center, never the address.
    const [invitedEvent] = await auditRows(db, invited.staffUserId);
    expect(invitedEvent).toMatchObject({ action: "staff_user.invited", actor_id: actor.actorId });
    expect(invitedEvent!.details).not.toContain("@");
    expect(JSON.parse(invitedEvent!.details)).toMatchObject({ role: "officer", center: "lahore" });

    // No password yet: signing in is refused.
    expect(await signInWithPassword(db, { email: invited.email, password: TEST_PASSWORD, previousToken: null }, at(MINUTE))).toMatchObject({
      ok: false,
    });

    expect(await findOpenInvitation(db, invited.token, at(MINUTE))).toEqual({
      staffUserId: invited.staffUserId,
      email: invited.email,
      displayName: "Nadia Hussain",
    });
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const twice = await Promise.all([
      acceptInvitation(db, { token: invited.token, passwordHash }, at(MINUTE)),
      acceptInvitation(db, { token: invited.token, passwordHash }, at(MINUTE)),
    ]);
    expect(twice.filter(Boolean)).toHaveLength(1);
    expect(await findOpenInvitation(db, invited.token, at(2 * MINUTE))).toBeNull();
    expect(await acceptInvitation(db, { token: invited.token, passwordHash }, at(2 * MINUTE))).toBe(false);

    const row = await db.selectFrom("staff_user").select("password_hash").where("id", "=", invited.staffUserId).executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash!, TEST_PASSWORD)).toBe(true);
    expect((await findStaffAccount(db, invited.staffUserId, at(2 * MINUTE)))?.status).toBe("active");
    expect(
      await signInWithPassword(db, { email: invited.email, password: TEST_PASSWORD, previousToken: null }, at(3 * MINUTE)),
    ).toMatchObject({ ok: true, totpConfirmed: false });
    expect((await auditRows(db, invited.staffUserId)).map((r) => r.action)).toEqual([
      "staff_user.invited",
      "staff_user.invitation_accepted",
    ]);
  });

  it("lets an invitation expire after 72 hours, and a new one replaces the old link", async () => {
    const { db } = store();
    const actor = await adminActor(db);
    const invited = await invite(db, actor, "investigator", null);
    expect(await findOpenInvitation(db, invited.token, at(INVITATION_TTL_MS - 1))).not.toBeNull();
    expect(await findOpenInvitation(db, invited.token, at(INVITATION_TTL_MS))).toBeNull();
    expect(await acceptInvitation(db, { token: invited.token, passwordHash: "x" }, at(INVITATION_TTL_MS))).toBe(false);

    const renewed = await reinviteStaffUser(db, { staffUserId: invited.staffUserId, actor, inviteLink, mail }, at(INVITATION_TTL_MS));
    if (!renewed.ok) throw new Error(renewed.problem);
    const token = new URL(renewed.link).searchParams.get("token")!;
    expect(token).not.toBe(invited.token);
    expect(await findOpenInvitation(db, token, at(INVITATION_TTL_MS + MINUTE))).not.toBeNull();
    expect(await db.selectFrom("staff_invitation").select("token_hash").where("staff_user_id", "=", invited.staffUserId).execute()).toEqual(
      [{ token_hash: hashToken(token) }],
    );

    // Disabling the account makes its link useless; an account with a password gets no invitation.
    expect(
      await setStaffUserDisabled(db, { staffUserId: invited.staffUserId, disabled: true, actor }, at(INVITATION_TTL_MS + MINUTE)),
    ).toEqual({ ok: true, changed: true });
    expect(await findOpenInvitation(db, token, at(INVITATION_TTL_MS + 2 * MINUTE))).toBeNull();
    expect(await acceptInvitation(db, { token, passwordHash: "x" }, at(INVITATION_TTL_MS + 2 * MINUTE))).toBe(false);
    const active = await createTestStaff(db);
    expect(await reinviteStaffUser(db, { staffUserId: active.id, actor, inviteLink, mail }, t0)).toEqual({
      ok: false,
      problem: "not_invited",
    });
  });

  it("refuses a taken address, and a center that does not fit the role", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const actor = await adminActor(db);
    const first = await invite(db, actor);
    const again = (email: string, role: Role, centerSlug: string | null) =>
      inviteStaffUser(db, { email, displayName: "X", role, centerSlug, actor, inviteLink, mail }, t0);
    expect(await again(first.email.toUpperCase(), "officer", "lahore")).toEqual({ ok: false, problem: "email_taken" });
    expect(await again("a@police.example.pk", "officer", null)).toEqual({ ok: false, problem: "center_required" });
    expect(await again("a@police.example.pk", "officer", "athens")).toEqual({ ok: false, problem: "center_invalid" });
    expect(await again("a@police.example.pk", "embassy_desk", "lahore")).toEqual({ ok: false, problem: "center_invalid" });
    expect(await again("a@police.example.pk", "embassy_desk", "nowhere")).toEqual({ ok: false, problem: "center_invalid" });
    expect(await again("a@police.example.pk", "admin", "lahore")).toEqual({ ok: false, problem: "center_not_allowed" });
    expect(await again("a@police.example.pk", "embassy_desk", "milan")).toMatchObject({ ok: true });
    expect(await again("b@police.example.pk", "admin", "")).toMatchObject({ ok: true });
    // Nothing of the refused attempts was written.
    expect(await db.selectFrom("staff_user").select("id").where("email", "=", "a@police.example.pk").execute()).toHaveLength(1);
  });

  it("disables an account, ending its sessions, and enables it again; nobody can disable themselves", async () => {
    const { db } = store();
    const actor = await adminActor(db);
    const officer = await createTestStaff(db);
    const sessions = await Promise.all([insertStaffSession(db, officer.id, "full", t0), insertStaffSession(db, officer.id, "pending", t0)]);
    const ownSession = await insertStaffSession(db, actor.actorId, "full", t0);

    expect(await setStaffUserDisabled(db, { staffUserId: actor.actorId, disabled: true, actor }, at(MINUTE))).toEqual({
      ok: false,
      problem: "self",
    });
    expect(await findStaffSession(db, ownSession.token, at(MINUTE))).not.toBeNull();

    expect(await setStaffUserDisabled(db, { staffUserId: officer.id, disabled: true, actor }, at(MINUTE))).toEqual({
      ok: true,
      changed: true,
    });
    for (const s of sessions) expect(await findStaffSession(db, s.token, at(MINUTE))).toBeNull();
    const revoked = await db.selectFrom("session").select("revoked_at").where("staff_user_id", "=", officer.id).execute();
    expect(revoked.every((r) => r.revoked_at === at(MINUTE).toISOString())).toBe(true);
    expect((await findStaffAccount(db, officer.id, at(MINUTE)))?.status).toBe("disabled");
    expect(await setStaffUserDisabled(db, { staffUserId: officer.id, disabled: true, actor }, at(MINUTE))).toEqual({
      ok: true,
      changed: false,
    });
    expect(
      await signInWithPassword(db, { email: officer.email, password: TEST_PASSWORD, previousToken: null }, at(2 * MINUTE)),
    ).toMatchObject({ ok: false, reason: "disabled" });

    expect(await setStaffUserDisabled(db, { staffUserId: officer.id, disabled: false, actor }, at(3 * MINUTE))).toEqual({
      ok: true,
      changed: true,
    });
    expect(
      await signInWithPassword(db, { email: officer.email, password: TEST_PASSWORD, previousToken: null }, at(4 * MINUTE)),
    ).toMatchObject({ ok: true });
    expect((await auditRows(db, officer.id)).map((r) => r.action)).toEqual(["staff_user.disabled", "staff_user.enabled"]);
    expect(await setStaffUserDisabled(db, { staffUserId: "no-such-account", disabled: true, actor }, t0)).toEqual({
      ok: false,
      problem: "not_found",
    });
  });

  it("changes role and center (ending sessions); an administrator cannot demote themselves", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const actor = await adminActor(db);
    expect(await changeStaffRole(db, { staffUserId: actor.actorId, role: "officer", centerSlug: "lahore", actor }, t0)).toEqual({
      ok: false,
      problem: "self",
    });
    expect((await findStaffAccount(db, actor.actorId))?.role).toBe("admin");

    const { staffUserId } = await invite(db, actor, "officer", "lahore");
    const session = await insertStaffSession(db, staffUserId, "full", t0);
    expect(await changeStaffRole(db, { staffUserId, role: "supervisor", centerSlug: null, actor }, t0)).toEqual({
      ok: false,
      problem: "center_required",
    });
    expect(await changeStaffRole(db, { staffUserId, role: "supervisor", centerSlug: "gujrat", actor }, at(MINUTE))).toEqual({
      ok: true,
      changed: true,
    });
    expect(await findStaffSession(db, session.token, at(MINUTE))).toBeNull();
    expect(await findStaffAccount(db, staffUserId)).toMatchObject({ role: "supervisor", centerSlug: "gujrat" });
    expect(await changeStaffRole(db, { staffUserId, role: "supervisor", centerSlug: "gujrat", actor }, at(MINUTE))).toEqual({
      ok: true,
      changed: false,
    });
    // Investigators work at no center: one given is refused, an empty one is fine.
    expect(await changeStaffRole(db, { staffUserId, role: "investigator", centerSlug: "gujrat", actor }, at(MINUTE))).toEqual({
      ok: false,
      problem: "center_not_allowed",
    });
    expect(await changeStaffRole(db, { staffUserId, role: "investigator", centerSlug: "", actor }, at(MINUTE))).toEqual({
      ok: true,
      changed: true,
    });
    const last = (await auditRows(db, staffUserId)).at(-1)!;
    expect(last.action).toBe("staff_user.role_changed");
    expect(JSON.parse(last.details)).toMatchObject({
      fromRole: "supervisor",
      toRole: "investigator",
      fromCenter: "gujrat",
      toCenter: null,
    });

    // A closed center may be kept but not newly chosen.
    await db.updateTable("center").set({ active: 0 }).where("slug", "=", "sialkot").execute();
    expect(await changeStaffRole(db, { staffUserId, role: "officer", centerSlug: "sialkot", actor }, at(MINUTE))).toEqual({
      ok: false,
      problem: "center_invalid",
    });
  });

  it("refuses changes from an administrator who was disabled meanwhile, so two cannot lock each other out", async () => {
    const { db } = store();
    const a = await adminActor(db);
    const b = await adminActor(db);
    const [first, second] = await Promise.all([
      setStaffUserDisabled(db, { staffUserId: b.actorId, disabled: true, actor: a }, t0),
      setStaffUserDisabled(db, { staffUserId: a.actorId, disabled: true, actor: b }, t0),
    ]);
    expect([first, second].filter((r) => r.ok)).toHaveLength(1);
    expect([first, second].filter((r) => !r.ok)).toEqual([{ ok: false, problem: "actor_not_admin" }]);
    const admins = await db
      .selectFrom("staff_user")
      .select("id")
      .where("id", "in", [a.actorId, b.actorId])
      .where("disabled_at", "is", null)
      .execute();
    expect(admins).toHaveLength(1);
  });

  it("resets the second factor: next sign-in sets it up again, sessions and recovery codes go", async () => {
    const { db } = store();
    const actor = await adminActor(db);
    const officer = await createTestStaff(db);
    await replaceRecoveryCodes(db, officer.id, ["ABCD-EFGH-JKMN-PQRS"], t0);
    const session = await insertStaffSession(db, officer.id, "full", t0);
    expect(await resetStaffTotp(db, { staffUserId: actor.actorId, actor }, t0)).toEqual({ ok: false, problem: "self" });
    expect(await resetStaffTotp(db, { staffUserId: officer.id, actor }, at(MINUTE))).toEqual({ ok: true, changed: true });
    expect(await findStaffSession(db, session.token, at(MINUTE))).toBeNull();
    const row = await db
      .selectFrom("staff_user")
      .select(["totp_secret", "totp_confirmed_at", "totp_last_step"])
      .where("id", "=", officer.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_confirmed_at: null, totp_last_step: null });
    expect(await db.selectFrom("staff_recovery_code").select("code_hash").where("staff_user_id", "=", officer.id).execute()).toEqual([]);
    expect((await findStaffAccount(db, officer.id))?.totpSetUp).toBe(false);
    expect(
      await signInWithPassword(db, { email: officer.email, password: TEST_PASSWORD, previousToken: null }, at(2 * MINUTE)),
    ).toMatchObject({ ok: true, totpConfirmed: false });
    expect((await auditRows(db, officer.id)).map((r) => r.action)).toContain("staff_user.totp_reset");
  });

  it("unlocks a locked account and starts its counter again", async () => {
    const { db } = store();
    const actor = await adminActor(db);
    const officer = await createTestStaff(db);
    for (let i = 0; i < 5; i += 1)
      await signInWithPassword(db, { email: officer.email, password: "not the password at all", previousToken: null }, t0);
    expect((await findStaffAccount(db, officer.id, t0))?.status).toBe("locked");
    expect(await signInWithPassword(db, { email: officer.email, password: TEST_PASSWORD, previousToken: null }, at(MINUTE))).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await unlockStaffUser(db, { staffUserId: officer.id, actor }, at(MINUTE))).toEqual({ ok: true, changed: true });
    expect(await unlockStaffUser(db, { staffUserId: officer.id, actor }, at(MINUTE))).toEqual({ ok: true, changed: false });
    expect((await findStaffAccount(db, officer.id, at(MINUTE)))?.status).toBe("active");
    expect(
      await signInWithPassword(db, { email: officer.email, password: TEST_PASSWORD, previousToken: null }, at(2 * MINUTE)),
    ).toMatchObject({ ok: true });
    expect((await auditRows(db, officer.id)).map((r) => r.action)).toContain("staff_user.unlocked");
    const list = await listStaffAccounts(db, at(2 * MINUTE));
    expect(list.find((a) => a.id === officer.id)).toMatchObject({ status: "active", totpSetUp: true });
  });

  it("edits a center with an audit row naming the fields; referral codes are unique and for missions only", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const actor = await adminActor(db);
    const rome = (await findCenter(db, "rome"))!;
    const changes = {
      names: { ...rome.names, it: "Ambasciata della Repubblica Islamica del Pakistan, Roma" },
      address: "Via della Camilluccia 682",
      weeklyHours: [],
      phone: "+39063294836",
      email: null,
      services: [],
      languages: [],
      place: null,
      referralCode: "ROMA",
      active: true,
    };
    expect(await updateCenter(db, { slug: "rome", changes, actor }, t0)).toEqual({
      ok: true,
      changed: ["name_it", "address", "phone", "referral_code"],
    });
    expect(await findCenter(db, "rome")).toMatchObject({ names: { it: changes.names.it }, referralCode: "ROMA", active: true });
    expect(await updateCenter(db, { slug: "rome", changes, actor }, t0)).toEqual({ ok: true, changed: [] });
    expect(await updateCenter(db, { slug: "milan", changes: { ...changes, referralCode: "ROMA" }, actor }, t0)).toEqual({
      ok: false,
      problem: "referral_taken",
    });
    const lahore = (await findCenter(db, "lahore"))!;
    expect(
      await updateCenter(db, { slug: "lahore", changes: { ...changes, names: lahore.names, referralCode: "LHR" }, actor }, t0),
    ).toEqual({ ok: false, problem: "referral_not_allowed" });
    expect(await updateCenter(db, { slug: "rome", changes: { ...changes, active: false }, actor }, t0)).toEqual({
      ok: true,
      changed: ["active"],
    });
    const events = await auditRows(db, "rome");
    expect(events.map((e) => [e.action, JSON.parse(e.details)])).toEqual([
      ["center.updated", { changed: "name_it,address,phone,referral_code" }],
      ["center.updated", { changed: "active", active: false }],
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("shows a center's details to the public only once confirmed, and an edit takes the confirmation away", async () => {
    const { db } = store();
    await seedReferenceData(db);
    const actor = await adminActor(db);
    const publicMadrid = async () => (await listActiveCenters(db, "en")).find((c) => c.slug === "madrid")!;
    expect((await publicMadrid()).details).toBeNull();
    expect(await confirmCenterDetails(db, { slug: "madrid", actor }, t0)).toEqual({ ok: false, problem: "nothing_to_confirm" });
    const madrid = (await findCenter(db, "madrid"))!;
    const weekdays = ([1, 2, 3, 4, 5] as const).map((day) => ({ day, opens: "09:00", closes: "13:30" }));
    const changes = {
      names: madrid.names,
      address: "Test address 1",
      // Given out of order: stored and shown Monday first.
      weeklyHours: [...weekdays].reverse(),
      phone: null,
      email: null,
      services: ["report_help", "certificate_help"] as const,
      languages: ["es", "ur"] as const,
      place: { latitude: 40.4381311, longitude: -3.8196196 },
      referralCode: madrid.referralCode,
      active: true,
    };
    await updateCenter(db, { slug: "madrid", changes, actor }, t0);
    expect((await publicMadrid()).details).toBeNull();
    expect(await confirmCenterDetails(db, { slug: "madrid", actor }, t0)).toEqual({ ok: true });
    expect((await publicMadrid()).details).toEqual({
      address: "Test address 1",
      hours: weekdays,
      phone: null,
      email: null,
      services: ["certificate_help", "report_help"],
      languages: ["ur", "es"],
      map: {
        geo: "geo:40.438131,-3.819620",
        openStreetMap: "https://www.openstreetmap.org/?mlat=40.438131&mlon=-3.819620#map=18/40.438131/-3.819620",
      },
    });
    expect(await findActiveCenter(db, "madrid", "it")).toMatchObject({ name: madrid.names.it, referralCode: "MADRID" });
    expect((await findCenter(db, "madrid"))!).toMatchObject({ latitude: 40.4381311, longitude: -3.8196196 });
    // Saving the same again changes nothing (the coordinates read back as the numbers they were).
    expect(await updateCenter(db, { slug: "madrid", changes, actor }, t0)).toEqual({ ok: true, changed: [] });
    // A name change leaves the confirmation; a change of hours takes it away.
    await updateCenter(
      db,
      { slug: "madrid", changes: { ...changes, names: { ...madrid.names, en: "Embassy of Pakistan in Madrid" } }, actor },
      t0,
    );
    expect((await publicMadrid()).details).not.toBeNull();
    await updateCenter(db, { slug: "madrid", changes: { ...changes, weeklyHours: weekdays.slice(0, 1) }, actor }, t0);
    expect((await publicMadrid()).details).toBeNull();
    // A closed center has no public page, whatever its details.
    await updateCenter(db, { slug: "madrid", changes: { ...changes, active: false }, actor }, t0);
    expect(await findActiveCenter(db, "madrid", "en")).toBeNull();
    expect((await auditRows(db, "madrid")).map((e) => e.action)).toEqual([
      "center.updated",
      "center.details_confirmed",
      "center.updated",
      "center.updated",
      "center.updated",
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("housekeeping deletes sessions that ended more than a day ago", async () => {
    const { db } = store();
    const officer = await createTestStaff(db);
    const live = await insertStaffSession(db, officer.id, "full", at(30 * HOUR));
    const expired = await insertStaffSession(db, officer.id, "full", t0); // expires at 12 h
    const revokedLate = await insertStaffSession(db, officer.id, "full", at(20 * HOUR));
    await db
      .updateTable("session")
      .set({ revoked_at: at(20 * HOUR).toISOString() })
      .where("id_hash", "=", revokedLate.idHash)
      .execute();
    const revokedEarly = await insertStaffSession(db, officer.id, "pending", at(HOUR));
    await db
      .updateTable("session")
      .set({ revoked_at: at(HOUR).toISOString() })
      .where("id_hash", "=", revokedEarly.idHash)
      .execute();

    // Other tests' sessions in this store ended long before as well.
    expect(await deleteEndedStaffSessions(db, at(37 * HOUR))).toBeGreaterThanOrEqual(2);
    const left = (await db.selectFrom("session").select("id_hash").where("staff_user_id", "=", officer.id).execute())
      .map((r) => r.id_hash)
      .sort();
    expect(left).toEqual([live.idHash, revokedLate.idHash].sort());
    expect(left).not.toContain(expired.idHash);
  });
});
