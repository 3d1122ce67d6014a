/**
 * A message with a placeholder ("This must be {{max}} characters or fewer") reaches the page with
 * its number, in every language, in the inline message and in the error summary alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "~/i18n";
import { NAME_MAX } from "~/schemas/certificate";
import { getI18n } from "~/utils/i18n.server";
import { rawRequest, startTestServer, type TestServer, decodeEntities } from "../test/support/app-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMITS: "false" });
});
afterAll(() => server?.close());

const textOf = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, "")).trim();

describe("a too-long answer on a journey page", () => {
  it.each(LANGUAGES)("%s: the message names the limit, inline and in the summary", async (lang) => {
    const start = await rawRequest(server.port, {
      method: "POST",
      path: `/${lang}/certificate?index`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    const cookie = start.headers["set-cookie"]?.[0]?.split(";")[0];
    expect(cookie).toBeTruthy();
    const answer = await rawRequest(server.port, {
      method: "POST",
      path: `/${lang}/certificate/personal`,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie! },
      body: new URLSearchParams({ fullName: "x".repeat(10_000) }).toString(),
    });
    expect(answer.status).toBeLessThan(500);
    const expected = getI18n(lang).t("validation:tooLong", { max: NAME_MAX });
    expect(expected).toContain(String(NAME_MAX));

    const inline = answer.body.match(/<p class="error-message" id="fullName-error">([\s\S]*?)<\/p>/)?.[1];
    const summary = answer.body.match(/<a href="#fullName">([\s\S]*?)<\/a>/)?.[1];
    for (const html of [inline, summary]) {
      expect(html).toBeDefined();
      expect(textOf(html!)).toContain(expected);
      expect(html).not.toContain("{{");
    }
  });
});
