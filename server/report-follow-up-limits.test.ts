/**
 * Opening a report by reference and secret is limited per address, in memory only (a reference
 * or secret of the wrong shape never reaches the store and is not counted): the eleventh try
 * within a quarter of an hour is refused with a page that says so, another address still gets
 * through, and no counter is written to the store.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { newReference } from "~/domain/reference.server";
import { FOLLOW_UP_OPENINGS } from "~/services/report-follow-up.server";
import { decodeEntities, startTestServer, type TestServer } from "../test/support/app-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: "1", RATE_LIMITS: "true" });
});
afterAll(async () => {
  await server.close();
});

async function open(address: string): Promise<{ status: number; html: string }> {
  const body = new URLSearchParams({ intent: "open", reference: newReference("report"), secret: "2222 3333 4444 5555 6666" });
  const response = await fetch(`${server.baseUrl}/en/report/follow-up`, { method: "POST", body, headers: { "X-Forwarded-For": address } });
  return { status: response.status, html: decodeEntities(await response.text()) };
}

it("refuses openings over the limit per address, and keeps no counter in the store", async () => {
  const countersBefore = await server.store.db.selectFrom("rate_limit").selectAll().execute();
  const statuses: number[] = [];
  for (let i = 0; i < FOLLOW_UP_OPENINGS.max + 1; i++) statuses.push((await open("198.51.100.44")).status);
  expect(statuses.slice(0, FOLLOW_UP_OPENINGS.max).every((s) => s === 200)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const refused = await open("198.51.100.44");
  expect(refused.html).toContain("You have tried too many times.");
  expect((await open("198.51.100.45")).status).not.toBe(429);
  expect(await server.store.db.selectFrom("rate_limit").selectAll().execute()).toEqual(countersBefore);
});
