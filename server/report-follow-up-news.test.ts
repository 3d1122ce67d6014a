/**
 * A reporter who comes back with only a file (no message) still marks the report as having news
 * for the investigators; an empty form marks nothing.
 */
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newReportSecret } from "../app/domain/report-secret.server";
import { decodeEntities, startTestServer, type TestServer } from "../test/support/app-server";
import { fileTestReport } from "../test/support/report-fixture";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function post(body: FormData | URLSearchParams): Promise<{ status: number; html: string }> {
  const response = await fetch(`${server.baseUrl}/en/report/follow-up`, { method: "POST", headers: { Origin: server.baseUrl }, body });
  return { status: response.status, html: await response.text() };
}

const news = async (id: string) =>
  Number(
    (await server.store.db.selectFrom("report").select("news_from_reporter").where("id", "=", id).executeTakeFirstOrThrow())
      .news_from_reporter,
  );

it("marks news for a file sent without a message, and nothing for an empty form", async () => {
  const { secret } = newReportSecret();
  const report = await fileTestReport(server.store.db, {}, { secret });
  const opened = await post(new URLSearchParams({ intent: "open", reference: report.reference, secret }));
  const token = decodeEntities(/name="token" value="([^"]*)"/.exec(opened.html)![1]!);

  // Nothing typed and no file: a message at the field, and no news.
  expect((await post(new URLSearchParams({ intent: "add", token, message: "" }))).status).toBe(422);
  expect(await news(report.id)).toBe(0);

  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
  const upload = new FormData();
  upload.set("intent", "add");
  upload.set("token", token);
  upload.set("message", "");
  upload.set("evidence", new File([photo], "screenshot.png", { type: "image/png" }));
  const added = await post(upload);
  expect(added.status).toBe(200);
  expect(added.html).toContain("What you sent has been added to the report.");
  expect(await news(report.id)).toBe(1);
});
