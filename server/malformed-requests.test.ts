/**
 * Requests no page of ours sends, over every route that has an action (taken from the build's
 * route manifest, so a new form is walked without anyone adding it here), in every language:
 * each gets a 4xx and a page in the language of the address, and the log keeps nothing of what
 * was sent. Upload pages get their malformed bodies with a draft or a tracked application, so
 * the body really reaches the parser.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES, type Lang, textDirection } from "~/i18n";
import { getI18n } from "~/utils/i18n.server";
import { hashToken } from "~/utils/secret-token.server";
import { testApplication } from "../test/support/application-fixture";
import { rawRequest, type RawAnswer, startTestServer, type TestServer, decodeEntities } from "../test/support/app-server";
import { isUploadPath } from "./app";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMITS: "false" });
});
afterAll(() => server?.close());

// What a person might have typed or chosen: none of it may reach the log.
const FILE_NAME = "ayesha-siddiqui-passport-scan.pdf";
const PERSONAL = ["Ayesha Siddiqui", "ayesha.private@example.com", FILE_NAME];
const FORM_BODY = `fullName=Ayesha+Siddiqui&email=ayesha.private%40example.com`;
const BOUNDARY = "----pscgBoundary7MA4YWxkTrZu0gW";
// The closing quote of the file name is missing.
const UNBALANCED_MULTIPART = [
  `--${BOUNDARY}`,
  `Content-Disposition: form-data; name="passport"; filename="${FILE_NAME}`,
  "Content-Type: application/pdf",
  "",
  "%PDF-1.7 Ayesha Siddiqui",
  `--${BOUNDARY}--`,
  "",
].join("\r\n");

type FormRoute = { id: string; path: (lang: Lang) => string; upload: boolean };

/** Every route module with an action, with a URL for it in a given language. */
function formRoutes(): FormRoute[] {
  const routes = server.build.routes;
  const fullPath = (id: string) => {
    const segments: string[] = [];
    for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined)
      if (route.path) segments.unshift(route.path);
    return `/${segments.join("/")}`;
  };
  const params: Record<string, string> = {
    id: "3f1c2a9e-5b7d-4e2a-9c1f-8d6b4a2e7c10",
    slug: "lahore",
    number: "PSC-7KMX-2QRA",
    reference: "PCC-7KMX-2QRA",
    key: "pk-beoe-site",
  };
  return Object.values(routes)
    .filter((route) => typeof (route.module as { action?: unknown }).action === "function")
    .map((route) => {
      const template = fullPath(route.id);
      const query = route.index ? "?index" : "";
      return {
        id: route.id,
        upload: isUploadPath(template.replace(":lang", "en")),
        path: (lang: Lang) => {
          const filled = template.replace(/:([a-z]+)/gi, (_m, param: string) => {
            if (param === "lang") return lang;
            if (!params[param]) throw new Error(`no value for :${param} of ${route.id}`);
            return params[param];
          });
          if (template.startsWith("/:lang/")) return filled + query;
          return `${filled}${query ? `${query}&` : "?"}lng=${lang}`;
        },
      };
    });
}

type Case = {
  name: string;
  status: number;
  page: "badRequest" | "forbidden";
  send: (path: string, cookie: string) => Promise<RawAnswer>;
  /** Upload pages read a multipart body: what they answer once it reaches the parser. */
  uploadStatus?: number;
};

const CASES: Case[] = [
  ...["PUT", "PATCH", "DELETE"].map(
    (method): Case => ({
      name: `${method} with a form`,
      status: 405,
      page: "badRequest",
      send: (path, cookie) =>
        rawRequest(server.port, {
          method,
          path,
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
          body: FORM_BODY,
        }),
    }),
  ),
  { name: "TRACE", status: 405, page: "badRequest", send: (path) => rawRequest(server.port, { method: "TRACE", path }) },
  {
    name: "POST of text/plain",
    status: 415,
    page: "badRequest",
    send: (path, cookie) =>
      rawRequest(server.port, { method: "POST", path, headers: { "content-type": "text/plain;charset=UTF-8", cookie }, body: FORM_BODY }),
  },
  {
    name: "POST of JSON",
    status: 415,
    page: "badRequest",
    send: (path, cookie) =>
      rawRequest(server.port, {
        method: "POST",
        path,
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ fullName: PERSONAL[0], email: PERSONAL[1] }),
      }),
  },
  {
    name: "POST with no Content-Type",
    status: 415,
    page: "badRequest",
    send: (path, cookie) => rawRequest(server.port, { method: "POST", path, headers: { cookie }, body: FORM_BODY }),
  },
  {
    name: "multipart with an unbalanced quote in a file name",
    status: 415,
    uploadStatus: 400,
    page: "badRequest",
    send: (path, cookie) =>
      rawRequest(server.port, {
        method: "POST",
        path,
        headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, cookie },
        body: UNBALANCED_MULTIPART,
      }),
  },
  {
    name: "POST from the public address arriving under another Host",
    status: 403,
    page: "forbidden",
    send: (path, cookie) =>
      rawRequest(server.port, {
        method: "POST",
        path,
        headers: {
          host: "portal.internal:8080",
          origin: server.env.PUBLIC_URL,
          "content-type": "application/x-www-form-urlencoded",
          cookie,
        },
        body: FORM_BODY,
      }),
  },
  {
    name: "a truncated percent-encoding in the address",
    status: 400,
    page: "badRequest",
    send: (path, cookie) => rawRequest(server.port, { method: "GET", path: withPathSuffix(path, "/%E0%A4%A"), headers: { cookie } }),
  },
  {
    name: "a lone % in the address",
    status: 400,
    page: "badRequest",
    send: (path, cookie) =>
      rawRequest(server.port, {
        method: "POST",
        path: withPathSuffix(path, "%"),
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: FORM_BODY,
      }),
  },
];

function withPathSuffix(pathWithQuery: string, suffix: string): string {
  const [pathname, query] = pathWithQuery.split("?");
  return `${pathname}${suffix}${query ? `?${query}` : ""}`;
}

function expectTranslatedPage(answer: RawAnswer, lang: Lang, page: Case["page"]) {
  expect(answer.headers["content-type"]).toMatch(/^text\/html/);
  expect(answer.body).toMatch(new RegExp(`<html lang="${lang}" dir="${textDirection(lang)}"`));
  const { t } = getI18n(lang);
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(answer.body)?.[1] ?? "";
  expect(decodeEntities(heading.replace(/<[^>]+>/g, ""))).toBe(t(`errors.${page}.title`));
  expect(decodeEntities(answer.body)).toContain(t(`errors.${page}.body`));
}

/** A browser's state in which each upload page's action reads the body: a draft, a tracked application. */
async function uploadCookies(lang: Lang): Promise<string> {
  const start = await rawRequest(server.port, {
    method: "POST",
    path: `/${lang}/certificate?index`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "",
  });
  const secret = randomBytes(24).toString("base64url");
  const application = testApplication({
    status: "waiting_for_applicant",
    submitted_at: new Date().toISOString(),
    track_secret_hash: hashToken(secret),
  });
  await server.store.db.insertInto("application").values(application).execute();
  const track = await rawRequest(server.port, { method: "GET", path: `/${lang}/track?key=${secret}` });
  const cookies = [start, track].map((answer) => {
    const header = answer.headers["set-cookie"]?.[0];
    if (!header) throw new Error(`no cookie set (status ${answer.status})`);
    return header.split(";")[0];
  });
  return cookies.join("; ");
}

describe("malformed requests on every form route", () => {
  it("finds the form routes in the build", () => {
    const ids = formRoutes().map((r) => r.id);
    // A sample that must be there; the walk covers whatever else the build has.
    for (const id of [
      "routes/$lang.certificate.who",
      "routes/$lang.certificate.documents",
      "routes/$lang.track.status",
      "routes/$lang.verify._index",
      "routes/staff.login",
      "routes/staff.setup",
      "routes/staff.cases.$id",
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids.length).toBeGreaterThanOrEqual(25);
  });

  for (const testCase of CASES) {
    it(`${testCase.name}: a 4xx with a translated page`, async () => {
      const failures: string[] = [];
      for (const lang of LANGUAGES) {
        const cookie = await uploadCookies(lang);
        for (const route of formRoutes()) {
          const path = route.path(lang);
          const answer = await testCase.send(path, cookie);
          const expected = route.upload && testCase.uploadStatus ? testCase.uploadStatus : testCase.status;
          if (answer.status !== expected) {
            failures.push(`${path}: ${answer.status}, expected ${expected}`);
            continue;
          }
          expectTranslatedPage(answer, lang, testCase.page);
          if (expected === 405) expect(answer.headers.allow).toBe("GET, HEAD, POST");
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it("leaves nothing that was sent in the log, and no error line", async () => {
    const text = JSON.stringify(server.logLines);
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(text).not.toContain("ayesha");
    expect(server.logLines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
