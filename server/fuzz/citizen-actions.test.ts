/**
 * Property-based fuzzing of every citizen-side form action (decision 045): seeded runs of junk
 * and valid forms against the production build; never a 5xx, a refusal writes nothing, an
 * accepted form writes exactly its rows. A route with an action outside /staff that has no spec
 * here fails the first test.
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCertificateNumber } from "~/domain/certificate-number.server";
import { REQUIRED_DOCUMENTS } from "~/domain/certificate-journey";
import { newReportSecret } from "~/domain/report-secret.server";
import { newVerificationCode } from "~/domain/verification-code.server";
import { askForInformation } from "~/models/information-request.server";
import { createDraft } from "~/models/draft.server";
import { createStoreDocumentStorage } from "~/models/document-storage.server";
import { saveDocument } from "~/models/document.server";
import { GENDERS } from "~/schemas/certificate";
import { REPORT_PAGE_SCHEMAS } from "~/schemas/report";
import { setDraftCookie } from "~/services/draft-session.server";
import { sealOpenedReport } from "~/services/report-follow-up.server";
import { newReportJourney, sealReportJourney } from "~/services/report-journey.server";
import { grantTracking } from "~/utils/track-session.server";
import { testAnswers, testApplication } from "../../test/support/application-fixture";
import {
  type ActionSpec,
  actionRouteIds,
  describeFuzzCases,
  cookieOf,
  type Entries,
  type FuzzServer,
  visibleText,
  schemaKeys,
  startFuzzServer,
  type Target,
} from "../../test/support/fuzz-harness";
import { fileTestReport } from "../../test/support/report-fixture";

let fuzz: FuzzServer;
let officerId = "";

beforeAll(async () => {
  fuzz = await startFuzzServer();
  officerId = (await fuzz.staffMember("officer", "lahore")).id;
});
afterAll(() => fuzz?.close());

const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const DATE_OF_BIRTH = { dateOfBirthDay: "27", dateOfBirthMonth: "3", dateOfBirthYear: "1990" };

/** A draft with every page answered (a relative's when the e-authority page is fuzzed), and the browser's cookie for it. */
async function draftTarget(step: string, { relative = false, documents = false } = {}): Promise<Target> {
  const answers = relative
    ? testAnswers({
        who: { applicantType: "relative" },
        authority: {
          holderName: "Ali Khan",
          holderPassport: "AB1234567",
          holderEmail: "holder@example.com",
          relativeName: "Sara Khan",
          relationship: "sibling",
        },
      })
    : testAnswers();
  const { draft, key } = await createDraft(fuzz.server.store.db, "en", answers);
  if (documents) {
    const storage = createStoreDocumentStorage(fuzz.server.store.db, fuzz.server.secrets.documentKey);
    for (const kind of REQUIRED_DOCUMENTS)
      await saveDocument(fuzz.server.store.db, storage, {
        ownerType: "draft",
        ownerId: draft.id,
        kind,
        contentType: "image/png",
        bytes: TINY_PNG,
      });
  }
  return { path: `/en/certificate/${step}`, cookie: cookieOf(await setDraftCookie(fuzz.context, key)) };
}

/** An application waiting for its applicant, with a question open, tracked by this browser. */
async function trackedTarget(): Promise<Target> {
  const row = testApplication({ status: "in_review", submitted_at: new Date().toISOString(), assigned_to: officerId });
  await fuzz.server.store.db.insertInto("application").values(row).execute();
  const asked = await askForInformation(fuzz.server.store.db, {
    applicationId: row.id,
    question: "Please send a clearer passport copy.",
    staffUserId: officerId,
  });
  if (!asked.ok || !asked.requestId) throw new Error("question not asked");
  return { path: "/en/track/status", cookie: cookieOf(await grantTracking(fuzz.context, row.id)), values: { requestId: asked.requestId } };
}

const step = (route: string, name: string, options: { relative?: boolean; documents?: boolean } = {}): ActionSpec => ({
  route,
  target: () => draftTarget(name, options),
  // A page's answers; "save and come back later" also rotates the draft's key and mails the link to the applicant.
  writes: (form) => ({ draft: { update: "some" }, ...(form.get("intent") === "save" ? { mail_outbox: { insert: "maybe" } } : {}) }),
});

/** A name as the personal page accepts it: letters of any script, marks, spaces, apostrophes, dots and hyphens. */
const personName = fc
  .tuple(
    fc.constantFrom("A", "ب", "Ω", "É", "ن"),
    fc.string({ unit: fc.constantFrom("a", "z", "ä", "ی", "ک", "ے", "λ", "\u0651", " ", "'", "’", ".", "-"), maxLength: 40 }),
  )
  .map(([first, rest]) => first + rest);

const SPECS: ActionSpec[] = [
  {
    route: "routes/$lang.certificate._index",
    // No draft yet: every press of "Start" makes one (a poster's referral code counts a start for its center).
    target: async () => ({ path: "/en/certificate" }),
    fields: ["ref"],
    valid: fc.constantFrom("", "ATHENS", "ROME", "athens").map((ref) => () => [["ref", ref]]),
    writes: () => ({ draft: { insert: 1 }, dashboard_count: { insert: "maybe", update: "maybe" } }),
  },
  {
    ...step("routes/$lang.certificate.who", "who"),
    valid: fc.constantFrom("self", "relative").map((type) => (): Entries => [["applicantType", type]]),
  },
  step("routes/$lang.certificate.authority", "authority", { relative: true }),
  {
    ...step("routes/$lang.certificate.personal", "personal"),
    valid: fc.record({ fullName: personName, fatherName: personName, gender: fc.constantFrom(...GENDERS) }).map(
      (v) => (): Entries => [
        ["fullName", v.fullName],
        ["fatherName", v.fatherName],
        ...Object.entries(DATE_OF_BIRTH),
        ["gender", v.gender],
        // The CNIC's last digit is odd for men, even for women.
        ["cnic", v.gender === "male" ? "35202-1234567-1" : "35202-1234567-2"],
        ["passportNumber", "AB1234567"],
        ["passportCountry", "PK"],
        ["nationality", "PK"],
      ],
    ),
  },
  step("routes/$lang.certificate.contact", "contact"),
  step("routes/$lang.certificate.addresses", "addresses"),
  step("routes/$lang.certificate.purpose", "purpose"),
  step("routes/$lang.certificate.delivery", "delivery"),
  { ...step("routes/$lang.certificate.documents", "documents", { documents: true }), fields: ["intent", "tooLarge"] },
  {
    route: "routes/$lang.certificate.check",
    target: () => draftTarget("check", { documents: true }),
    fields: ["declaration"],
    valid: fc.constant(() => [["declaration", "yes"]]),
    // The submission: the application, its addresses, the documents moved over, the receipt and one audit event.
    writes: () => ({
      application: { insert: 1, update: "maybe" },
      application_address: { insert: "some" },
      draft: { update: "some" },
      document: { update: "some" },
      mail_outbox: { insert: "some" },
      audit_event: { insert: 1 },
      dashboard_count: { insert: "maybe", update: "maybe" },
    }),
  },
  {
    route: "routes/$lang.certificate.consent",
    target: async () => ({ path: `/en/certificate/consent?token=${randomBytes(24).toString("base64url")}` }),
    fields: ["token"],
  },
  { route: "routes/$lang.certificate.saved", target: async () => ({ path: "/en/certificate/saved" }), fields: ["intent"] },
  {
    route: "routes/$lang.certificate.reapply",
    target: async () => ({ path: `/en/certificate/reapply?token=${randomBytes(24).toString("base64url")}` }),
    fields: ["token", ...Object.keys(DATE_OF_BIRTH)],
  },
  {
    route: "routes/$lang.track._index",
    target: async () => {
      const row = testApplication({ status: "in_review", submitted_at: new Date().toISOString() });
      await fuzz.server.store.db.insertInto("application").values(row).execute();
      return { path: "/en/track", values: { reference: row.reference } };
    },
    // The reference as people type it: any case, with spaces or without the dash; the date with or without leading zeros.
    valid: fc.record({ lower: fc.boolean(), spaced: fc.boolean(), zeros: fc.boolean() }).map((v) => (target: Target): Entries => {
      let reference = target.values!.reference!;
      if (v.lower) reference = reference.toLowerCase();
      if (v.spaced) reference = ` ${reference.replace(/-/g, " ")} `;
      return [
        ["reference", reference],
        ["dateOfBirthDay", "27"],
        ["dateOfBirthMonth", v.zeros ? "03" : "3"],
        ["dateOfBirthYear", "1990"],
      ];
    }),
  },
  {
    route: "routes/$lang.track.status",
    target: trackedTarget,
    fields: ["answer", "disputeText", "intent", "evidence", "requestId"],
    intents: ["close", "dispute", "answer"],
    base: (target) => [["requestId", target.values!.requestId!]],
    valid: visibleText(2000).map(
      (answer) =>
        (target: Target): Entries => [
          ["requestId", target.values!.requestId!],
          ["answer", answer],
        ],
    ),
    // Closing writes nothing; an answer closes the question, moves the case back and is audited once.
    writes: (form) =>
      form.get("intent") === "close"
        ? null
        : {
            information_request: { update: 1 },
            application: { update: "some" },
            audit_event: { insert: 1 },
            mail_outbox: { insert: "maybe" },
            dashboard_count: { insert: "maybe", update: "maybe" },
          },
  },
  {
    route: "routes/$lang.verify._index",
    target: async () => ({ path: "/en/verify" }),
    // Well-formed numbers and codes go on to the certificate's page; nothing is written either way.
    valid: fc.boolean().map((spaced) => (): Entries => {
      const number = newCertificateNumber();
      return [
        ["number", spaced ? ` ${number.toLowerCase()} ` : number],
        ["code", newVerificationCode()],
      ];
    }),
  },
  {
    route: "routes/$lang.report._index",
    target: async () => ({ path: "/en/report", values: { state: sealReportJourney(fuzz.context, newReportJourney()) } }),
    fields: ["state", "screen", "intent", "returnToCheck", "change", "remove", ...Object.values(REPORT_PAGE_SCHEMAS).flatMap(schemaKeys)],
    intents: ["start", "back", "submit", "continue", "upload"],
    base: (target) => [["state", target.values!.state!]],
    // A page answered moves the sealed state on (no write); a page's errors are a 422.
    accepted: (answer) => answer.status === 200,
    valid: fc.constantFrom("no", "yes").map(
      (danger) =>
        (target: Target): Entries => [
          ["state", target.values!.state!],
          ["screen", "danger"],
          ["someoneInDanger", danger],
          ...(danger === "yes" ? ([["dangerCountry", "LY"]] as Entries) : []),
        ],
    ),
  },
  {
    route: "routes/$lang.report.follow-up",
    target: async () => {
      const { secret } = newReportSecret();
      const report = await fileTestReport(fuzz.server.store.db, {}, { secret });
      return {
        path: "/en/report/follow-up",
        values: { reference: report.reference, secret, token: sealOpenedReport(fuzz.context, report.id) },
      };
    },
    fields: ["reference", "secret", "token", "message", "intent", "evidence"],
    intents: ["add"],
    base: (target) => [["token", target.values!.token!]],
    accepted: (answer) => answer.status === 200,
    valid: fc.oneof(
      fc.constant(
        (target: Target): Entries => [
          ["reference", target.values!.reference!.toLowerCase()],
          ["secret", target.values!.secret!],
        ],
      ),
      visibleText(2000).map(
        (message) =>
          (target: Target): Entries => [
            ["intent", "add"],
            ["token", target.values!.token!],
            ["message", message],
          ],
      ),
    ),
    // Opening writes nothing; a message added is one row on the report (anonymous: no audit of who).
    writes: (form) => (form.get("intent") === "add" ? { report_message: { insert: 1 }, report: { update: "maybe" } } : null),
  },
];

describe("fuzzing the citizen form actions", () => {
  it("has a spec for every action outside /staff in the build", () => {
    const citizen = actionRouteIds(fuzz.server.build).filter((id) => !id.startsWith("routes/staff"));
    expect(SPECS.map((s) => s.route).sort()).toEqual(citizen);
  });

  describeFuzzCases(SPECS, () => fuzz);
});
