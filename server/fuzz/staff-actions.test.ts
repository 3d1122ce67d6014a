/**
 * Property-based fuzzing of every staff form action (decision 045), each posted by a role the
 * route table lets through, with a fresh record after any run that wrote: never a
 * 5xx, a refusal writes nothing (but a wrong second-factor code, which counts against the
 * account), an accepted form writes exactly its rows and one audit event. A staff route with an
 * action that has no spec here fails the first test.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/domain/permissions";
import { REPORT_ACTION_NAMES } from "~/domain/report-actions";
import { expectedAccess, STAFF_ROUTES } from "~/domain/staff-routes";
import { addEmergencyContact } from "~/models/emergency-contact.server";
import { addHoliday } from "~/models/holiday.server";
import { totpCode } from "~/models/staff-totp.server";
import { CASE_INTENTS } from "~/schemas/case-action";
import { DISPUTE_INTENTS } from "~/schemas/dispute";
import { ACCOUNT_INTENTS } from "~/schemas/staff-account";
import { testApplication } from "../../test/support/application-fixture";
import { createTestCertificate, createTestDispute } from "../../test/support/certificate-fixture";
import {
  type ActionSpec,
  actionRouteIds,
  describeFuzzCases,
  type Entries,
  type FuzzServer,
  redirected,
  routeTemplate,
  type Shape,
  startFuzzServer,
  type Target,
  visibleText,
} from "../../test/support/fuzz-harness";
import { LEGAL_FACT_FORM } from "../../test/support/legal-fact-fixture";
import { fileTestReport } from "../../test/support/report-fixture";

let fuzz: FuzzServer;
const CENTER_OF: Record<Role, string | null> = {
  officer: "lahore",
  supervisor: "lahore",
  embassy_desk: "athens",
  investigator: null,
  admin: null,
};

beforeAll(async () => {
  fuzz = await startFuzzServer();
});
afterAll(() => fuzz?.close());

/** The role that may post the most of a path's intents (on its own center's records). */
function roleFor(path: string): Role {
  const rules = STAFF_ROUTES.filter((r) => r.path === path && r.method === "POST");
  const allowed = (role: Role) => rules.filter((rule) => expectedAccess(rule, role, "own") === "allow").length;
  return [...ROLES].sort((a, b) => allowed(b) - allowed(a))[0]!;
}

/** One signed-in member per role, for the actions that leave the session as it is (sign-out makes its own). */
const members = new Map<Role, Promise<{ id: string; cookie: string }>>();

/** A member of the path's role, signed in, and the page to post to. */
async function signedIn(path: string, concrete = path, { fresh = false } = {}): Promise<Target & { staffId: string }> {
  const role = roleFor(path);
  const make = () => fuzz.staffMember(role, CENTER_OF[role]);
  if (fresh) members.delete(role);
  if (!members.has(role)) members.set(role, make());
  const member = await members.get(role)!;
  return { path: concrete, cookie: member.cookie, staffId: member.id };
}

const audited = (rows: Shape): Shape => ({ ...rows, audit_event: { insert: 1 } });

let days = 0;
const nextDay = () => new Date(Date.now() + (days += 1) * 86_400_000).toISOString().slice(0, 10);
let phones = 5000;

async function caseTarget(): Promise<Target> {
  const me = await signedIn("/staff/cases/:id");
  const row = testApplication({
    status: "in_review",
    submitted_at: new Date(Date.now() - 86_400_000).toISOString(),
    center_slug: "lahore",
    assigned_to: me.staffId,
  });
  await fuzz.server.store.db.insertInto("application").values(row).execute();
  const { version } = await fuzz.server.store.db
    .selectFrom("application")
    .select("version")
    .where("id", "=", row.id)
    .executeTakeFirstOrThrow();
  return { ...me, path: `/staff/cases/${row.id}`, values: { version: String(version), staffId: me.staffId } };
}

const SPECS: ActionSpec[] = [
  // First, while the audit log is short: each post checks the whole hash chain.
  {
    route: "routes/staff.audit",
    target: () => signedIn("/staff/audit"),
    fields: ["from", "to"],
    accepted: (a) => a.status === 200,
    writes: () => audited({}),
  },
  // Signing in. A password is checked only for an address that parses; a wrong code counts against the account.
  {
    route: "routes/staff.login",
    target: async () => ({ path: "/staff/login" }),
    fields: ["email", "password"],
    // A failed sign-in is in the audit chain (and counts against an account that exists).
    refusalMayWrite: () => ({ audit_event: { insert: "maybe" }, staff_user: { update: "maybe" } }),
  },
  {
    route: "routes/staff.totp._index",
    target: async () => {
      const member = await fuzz.staffMember("officer", "lahore", { stage: "pending" });
      return { path: "/staff/totp", cookie: member.cookie, values: { secret: member.secret! } };
    },
    fields: ["code"],
    valid: fc.constant((target: Target): Entries => [["code", totpCode(target.values!.secret!)]]),
    // The pending session gives way to a full one; the account notes the code's step.
    writes: () => audited({ session: { insert: 1, update: "maybe" }, staff_user: { update: "maybe" } }),
    refusalMayWrite: () => ({
      staff_user: { update: "maybe" },
      session: { update: "maybe", delete: "maybe" },
      audit_event: { insert: "maybe" },
    }),
  },
  {
    route: "routes/staff.totp.setup",
    target: async () => {
      const member = await fuzz.staffMember("officer", "lahore", { stage: "pending", totp: false });
      const target = { path: "/staff/totp/setup", cookie: member.cookie };
      // The page keeps the secret it shows in the session: made before the posts, as a browser would.
      await fuzz.get(target);
      return target;
    },
    fields: ["code"],
    refusalMayWrite: () => ({
      staff_user: { update: "maybe" },
      session: { update: "maybe", delete: "maybe" },
      audit_event: { insert: "maybe" },
    }),
  },
  {
    route: "routes/staff.logout",
    target: () => signedIn("/staff/logout", "/staff/logout", { fresh: true }),
    fields: ["redirectTo"],
    valid: fc.constant(() => []),
    // The session is ended (kept, with its end, for the audit chain's session references).
    writes: () => audited({ session: { update: 1 } }),
  },
  {
    route: "routes/staff.setup",
    target: async () => ({ path: `/staff/setup?token=${randomBytes(24).toString("base64url")}` }),
    fields: ["token"],
  },
  {
    route: "routes/staff.invite",
    target: async () => ({ path: `/staff/invite?token=${randomBytes(24).toString("base64url")}` }),
    fields: ["token"],
  },

  // Caseworkers.
  {
    route: "routes/staff.cases.$id",
    target: caseTarget,
    intents: CASE_INTENTS,
    fields: ["version", "assignTo", "question", "reason", "rejectionNote", "note"],
    base: (target) => [["version", target.values!.version!]],
    valid: fc.oneof(
      visibleText(2000).map(
        (note) => (): Entries => [
          ["intent", "note"],
          ["note", note],
        ],
      ),
      fc.constant(
        (target: Target): Entries => [
          ["intent", "release"],
          ["version", target.values!.version!],
        ],
      ),
      visibleText(2000).map(
        (question) =>
          (target: Target): Entries => [
            ["intent", "request_information"],
            ["version", target.values!.version!],
            ["question", question],
          ],
      ),
    ),
    writes: (form) => {
      switch (form.get("intent")) {
        case "note":
          return audited({ case_note: { insert: 1 } });
        case "request_information":
          return audited({
            application: { update: 1 },
            information_request: { insert: 1 },
            mail_outbox: { insert: 1 },
            dashboard_count: { insert: "maybe", update: "maybe" },
          });
        case "reject":
          return audited({ application: { update: 1 }, mail_outbox: { insert: 1 }, dashboard_count: { insert: "maybe", update: "maybe" } });
        default:
          return audited({ application: { update: 1 }, dashboard_count: { insert: "maybe", update: "maybe" } });
      }
    },
  },
  {
    route: "routes/staff.certificates.$number",
    target: async () => {
      const me = await signedIn("/staff/certificates/:number");
      const certificate = await createTestCertificate(fuzz.server.store.db, {
        documentKey: fuzz.server.secrets.documentKey,
        centerSlug: "lahore",
        officerId: me.staffId,
      });
      return { ...me, path: `/staff/certificates/${certificate.number}` };
    },
    fields: ["reason", "note"],
    valid: visibleText(2000).map(
      (note) => (): Entries => [
        ["reason", "issued_in_error"],
        ["note", note],
      ],
    ),
    writes: () => audited({ certificate: { update: 1 }, application: { update: "maybe" }, mail_outbox: { insert: "maybe" } }),
  },
  {
    route: "routes/staff.disputes",
    target: async () => {
      const me = await signedIn("/staff/disputes");
      const disputeId = await createTestDispute(fuzz.server.store.db, {
        documentKey: fuzz.server.secrets.documentKey,
        centerSlug: "lahore",
        officerId: me.staffId,
      });
      return { ...me, values: { disputeId } };
    },
    intents: DISPUTE_INTENTS,
    fields: ["disputeId", "outcome"],
    base: (target) => [["disputeId", target.values!.disputeId!]],
    valid: fc.tuple(fc.constantFrom(...DISPUTE_INTENTS), visibleText(2000)).map(
      ([intent, outcome]) =>
        (target: Target): Entries => [
          ["intent", intent],
          ["disputeId", target.values!.disputeId!],
          ["outcome", outcome],
        ],
    ),
    // Upheld, the certificate is revoked in the same transaction: the decision and the revocation are each audited.
    writes: (form) => ({
      dispute: { update: 1 },
      mail_outbox: { insert: 1 },
      ...(form.get("intent") === "uphold" ? { certificate: { update: 1 }, audit_event: { insert: 2 } } : { audit_event: { insert: 1 } }),
    }),
  },
  {
    route: "routes/staff.assisted",
    target: () => signedIn("/staff/assisted"),
    fields: ["language", "consent"],
    valid: fc.constantFrom("ur", "en", "el", "it").map(
      (language) => (): Entries => [
        ["language", language],
        ["consent", "yes"],
      ],
    ),
    writes: () => audited({ draft: { insert: 1 }, dashboard_count: { insert: "maybe", update: "maybe" } }),
  },

  // Investigators.
  {
    route: "routes/staff.reports.$id",
    target: async () => {
      const me = await signedIn("/staff/reports/:id");
      return { ...me, path: `/staff/reports/${(await fileTestReport(fuzz.server.store.db)).id}` };
    },
    intents: REPORT_ACTION_NAMES,
    fields: ["priority", "question", "fiaReference", "reason", "note"],
    valid: fc.oneof(
      visibleText(2000).map(
        (note) => (): Entries => [
          ["intent", "note"],
          ["note", note],
        ],
      ),
      fc.constantFrom("urgent", "high", "normal", "low").map(
        (priority) => (): Entries => [
          ["intent", "triage"],
          ["priority", priority],
        ],
      ),
    ),
    writes: (form) =>
      audited({
        report: { update: "maybe" },
        report_message: { insert: form.get("intent") === "note" || form.get("intent") === "ask" ? 1 : 0 },
      }),
  },

  // Administrators.
  {
    route: "routes/staff.admin.accounts.new",
    target: () => signedIn("/staff/admin/accounts/new"),
    valid: fc
      .tuple(
        fc.constantFrom("Nadia Qureshi", "نادیہ قریشی", "Νάντια Κουρέσι", "Nadia O’Brien-Khan"),
        fc.constantFrom("officer", "supervisor", "investigator"),
      )
      .map(
        ([name, role]) =>
          (): Entries => [
            ["displayName", name],
            ["email", `invited.${randomUUID()}@police.example.pk`],
            ["role", role],
            ["center", role === "investigator" ? "" : "gujrat"],
          ],
      ),
    // The invitation shows its link on the page.
    accepted: (answer) => answer.status === 200 && answer.body.includes("/staff/invite?token="),
    writes: () => audited({ staff_user: { insert: 1 }, staff_invitation: { insert: 1 }, mail_outbox: { insert: "maybe" } }),
  },
  {
    route: "routes/staff.admin.accounts.$id",
    target: async () => {
      const me = await signedIn("/staff/admin/accounts/:id");
      const other = await fuzz.staffMember("officer", "gujrat");
      return { ...me, path: `/staff/admin/accounts/${other.id}` };
    },
    intents: ACCOUNT_INTENTS,
    fields: ["role", "center"],
    // A new invitation is shown on the page with its link; the rest redirect.
    accepted: (answer) => redirected(answer) || (answer.status === 200 && answer.body.includes("/staff/invite?token=")),
    valid: fc.constantFrom("disable", "reset_totp").map((intent) => (): Entries => [["intent", intent]]),
    writes: () =>
      audited({
        staff_user: { update: "maybe" },
        session: { update: "maybe" },
        staff_recovery_code: { delete: "maybe" },
        staff_invitation: { insert: "maybe", update: "maybe", delete: "maybe" },
        mail_outbox: { insert: "maybe" },
      }),
  },
  {
    route: "routes/staff.admin.centers.$slug",
    target: () => signedIn("/staff/admin/centers/:slug", "/staff/admin/centers/sialkot"),
    writes: () => audited({ center: { update: 1 } }),
  },
  {
    route: "routes/staff.admin.emergency-contacts",
    target: async () => {
      const me = await signedIn("/staff/admin/emergency-contacts");
      const added = await addEmergencyContact(fuzz.server.store.db, {
        countryCode: "IT",
        kind: "police",
        phone: String((phones += 1)),
        actor: { actorType: "system" },
      });
      if (!added.ok) throw new Error("emergency contact not added");
      return { ...me, values: { id: added.id, phone: String((phones += 1)) } };
    },
    intents: ["add", "remove"],
    fields: ["id"],
    base: (target) => [["id", target.values!.id!]],
    valid: fc.oneof(
      fc.constantFrom("GR", "IT", "ES", "LY").map(
        (country) =>
          (target: Target): Entries => [
            ["intent", "add"],
            ["countryCode", country],
            ["kind", "police"],
            ["phone", target.values!.phone!],
          ],
      ),
      fc.constant(
        (target: Target): Entries => [
          ["intent", "remove"],
          ["id", target.values!.id!],
        ],
      ),
    ),
    writes: (form) => audited({ emergency_contact: form.get("intent") === "remove" ? { delete: 1 } : { insert: 1 } }),
  },
  {
    route: "routes/staff.admin.holidays",
    target: async () => {
      const me = await signedIn("/staff/admin/holidays");
      const day = nextDay();
      await addHoliday(fuzz.server.store.db, { day, name: "Fuzz Day", actor: { actorType: "system" } });
      return { ...me, values: { day, free: nextDay() } };
    },
    intents: ["add", "remove"],
    fields: ["day", "dateDay", "dateMonth", "dateYear", "name"],
    base: (target) => [["day", target.values!.day!]],
    valid: fc.oneof(
      visibleText(100).map((name) => (target: Target): Entries => {
        const [year, month, day] = target.values!.free!.split("-");
        return [
          ["intent", "add"],
          ["dateDay", day!],
          ["dateMonth", month!],
          ["dateYear", year!],
          ["name", name],
        ];
      }),
      fc.constant(
        (target: Target): Entries => [
          ["intent", "remove"],
          ["day", target.values!.day!],
        ],
      ),
    ),
    writes: (form) => audited({ public_holiday: form.get("intent") === "remove" ? { delete: 1 } : { insert: 1 } }),
  },
  {
    route: "routes/staff.admin.legal-migration._index",
    target: () => signedIn("/staff/admin/legal-migration"),
    fields: Object.keys(LEGAL_FACT_FORM),
    valid: fc.constant((): Entries => [...Object.entries({ ...LEGAL_FACT_FORM, key: `fuzz-${randomUUID().slice(0, 8)}` })]),
    writes: () => audited({ legal_fact: { insert: 1 } }),
  },
  {
    route: "routes/staff.admin.legal-migration.$key",
    target: () => signedIn("/staff/admin/legal-migration/:key", "/staff/admin/legal-migration/gr-migration-ministry"),
    intents: ["save", "confirm"],
    fields: Object.keys(LEGAL_FACT_FORM),
    writes: () => audited({ legal_fact: { update: 1 } }),
  },
  {
    route: "routes/staff.admin.report-retention",
    target: () => signedIn("/staff/admin/report-retention"),
    valid: fc.integer({ min: 1, max: 10 }).map((years) => (): Entries => [["years", String(years)]]),
    writes: () => audited({ portal_setting: { insert: "maybe", update: "maybe" } }),
  },
];

describe("fuzzing the staff form actions", () => {
  it("has a spec for every staff action in the build, posted by a role the route table lets through", () => {
    const staff = actionRouteIds(fuzz.server.build).filter((id) => id.startsWith("routes/staff"));
    expect(SPECS.map((s) => s.route).sort()).toEqual(staff);
    for (const id of staff) {
      const path = routeTemplate(fuzz.server.build, id);
      const rules = STAFF_ROUTES.filter((r) => r.path === path && r.method === "POST");
      expect(rules.length, path).toBeGreaterThan(0);
      expect(
        rules.some((rule) => expectedAccess(rule, roleFor(path), "own") === "allow"),
        path,
      ).toBe(true);
    }
  });

  describeFuzzCases(SPECS, () => fuzz);
});
