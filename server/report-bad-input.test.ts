/**
 * Hostile and absurd answers on every page of the report journey: markup, 10,000 characters,
 * control characters, direction overrides, emoji where they make no sense, huge numbers. Each gets
 * a translated message next to its field and in the error summary (never a key, never a 5xx), the
 * other answers stay on the page, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeEntities, startTestServer, type TestServer } from "../test/support/app-server";
import { getI18n } from "~/utils/i18n.server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const LONG = "x".repeat(10_000);

async function post(body: URLSearchParams): Promise<{ status: number; html: string }> {
  const response = await fetch(`${server.baseUrl}/en/report`, { method: "POST", body });
  return { status: response.status, html: decodeEntities(await response.text()) };
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!;

function continueWith(html: string, fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams({ state: hidden(html, "state"), screen: hidden(html, "screen"), intent: "continue", ...fields });
}

/** The valid answers that lead to each page, in order. */
const VALID: [string, Record<string, string>][] = [
  ["danger", { someoneInDanger: "no" }],
  ["how", { channel: "facebook" }],
  ["agent", { phones: "+92 300 1234567" }],
  ["offer", { fromCountry: "PK", toCountry: "GR", transport: "land" }],
  ["money", { paid: "no" }],
  ["when", { whenYear: "2026", country: "GR" }],
];

/** For each page, hostile answers and the field whose message must show. */
const HOSTILE: Record<string, { fields: Record<string, string>; field: string; key: string; kept?: [string, string] }[]> = {
  danger: [
    { fields: { someoneInDanger: "<script>alert(1)</script>" }, field: "someoneInDanger", key: "report:validation.dangerRequired" },
    { fields: { someoneInDanger: "yes", dangerCountry: "ZZZ" }, field: "dangerCountry", key: "report:validation.dangerCountryRequired" },
  ],
  how: [{ fields: { channel: "other", channelOther: LONG }, field: "channelOther", key: "validation:tooLong" }],
  agent: [
    {
      fields: { phones: "+92 300 1234567\u0007", names: "Bilal" },
      field: "phones",
      key: "report:validation.controlCharacters",
      kept: ["names", "Bilal"],
    },
    {
      fields: { names: "\u202Eilalib", office: "Omonia" },
      field: "names",
      key: "report:validation.directionControls",
      kept: ["office", "Omonia"],
    },
    { fields: { office: LONG }, field: "office", key: "validation:tooLong" },
    {
      fields: { profiles: Array.from({ length: 25 }, (_, i) => `@agent${i}`).join("\n") },
      field: "profiles",
      key: "report:validation.tooManyLines",
    },
  ],
  offer: [
    {
      fields: { fromCountry: "PK", toCountry: "GR", transport: "land", peopleOffered: "9".repeat(40) },
      field: "peopleOffered",
      key: "report:validation.peopleFormat",
      kept: ["toCountry", "GR"],
    },
    {
      fields: { fromCountry: "PK", toCountry: "GR", transport: "teleport" },
      field: "transport",
      key: "report:validation.transportRequired",
    },
    {
      fields: { fromCountry: "PK", toCountry: "GR", transport: "land", via1: "🚤🚤🚤" },
      field: "via1",
      key: "report:validation.routeCountryUnknown",
    },
  ],
  money: [
    { fields: { amountAsked: "1e309", currency: "EUR", paid: "no" }, field: "amountAsked", key: "report:validation.amountFormat" },
    { fields: { amountAsked: "999999999999", currency: "EUR", paid: "no" }, field: "amountAsked", key: "report:validation.amountRange" },
    {
      fields: { amountAsked: "5000", currency: "other", currencyOther: "€€€€", paid: "no" },
      field: "currencyOther",
      key: "report:validation.currencyOtherFormat",
    },
  ],
  when: [
    {
      fields: { whenMonth: "13", whenYear: "2026", country: "GR", city: "Athens" },
      field: "when",
      key: "report:validation.whenReal",
      kept: ["city", "Athens"],
    },
    { fields: { whenYear: "2999", country: "GR" }, field: "when", key: "report:validation.whenFuture" },
    { fields: { whenYear: "2026", country: "GR", details: `${LONG}${LONG}` }, field: "details", key: "validation:tooLong" },
  ],
};

describe("hostile answers on every report page", () => {
  it("get a translated message at the field and in the summary, keep the other answers, and store nothing", async () => {
    const t = getI18n("en").t;
    let page = (await post(new URLSearchParams({ intent: "start" }))).html;
    let checked = 0;
    for (const [screen, valid] of VALID) {
      expect(hidden(page, "screen")).toBe(screen);
      for (const hostile of HOSTILE[screen] ?? []) {
        const answer = await post(continueWith(page, hostile.fields));
        expect(answer.status, `${screen} ${hostile.field}`).toBe(422);
        const message = t(hostile.key, { max: 0 }).replace(/\d[\d,.]*/g, "");
        expect(answer.html, `${screen} ${hostile.field}`).toContain(`id="${hostile.field}-error"`);
        const summary = /class="error-summary"[\s\S]*?<\/ul>/.exec(answer.html)![0];
        expect(summary.replace(/\d[\d,.]*/g, "")).toContain(message);
        expect(answer.html).not.toMatch(/report:validation|validation:tooLong|\{\{/);
        if (hostile.kept) expect(answer.html).toContain(hostile.kept[1]);
        checked += 1;
      }
      const next = await post(continueWith(page, valid));
      expect(next.status, screen).toBe(200);
      page = next.html;
    }
    expect(checked).toBe(Object.values(HOSTILE).flat().length);
    const reports = await server.store.db
      .selectFrom("report")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(reports.n)).toBe(0);
  });
});
