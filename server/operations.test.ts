/**
 * What an operator's tools read: /readyz (store reachable and migrated, and not draining) and the
 * Prometheus metrics behind their token, whose labels are route patterns, never a URL or a person.
 */
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type RouteObject } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/support/app-server";
import { routeMatcher } from "./metrics";

const TOKEN = "metrics-token-for-the-operations-test";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ METRICS_TOKEN: TOKEN });
});
afterAll(() => server?.close());

const get = (p: string, headers: Record<string, string> = {}) => fetch(server.baseUrl + p, { headers });

describe("/readyz", () => {
  it("is ready on a migrated store", async () => {
    const res = await get("/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", database: "sqlite" });
  });

  it("is not ready while a migration is missing, nor while shutting down; /healthz stays alive", async () => {
    await server.store.db
      .deleteFrom("kysely_migration" as never)
      .where("name" as never, "=", "2026_12_03_080000_report_news" as never)
      .execute();
    const missing = await get("/readyz");
    expect(missing.status).toBe(503);
    expect(await missing.json()).toEqual({ status: "migrations pending", pending: 1 });
    expect((await get("/healthz")).status).toBe(200);
    await server.store.db
      .insertInto("kysely_migration" as never)
      .values({ name: "2026_12_03_080000_report_news", timestamp: new Date().toISOString() } as never)
      .execute();
    expect((await get("/readyz")).status).toBe(200);
    server.app.locals.draining = true;
    const draining = await get("/readyz");
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: "shutting down" });
    expect((await get("/healthz")).status).toBe(200);
    server.app.locals.draining = false;
  });
});

describe("the service status page", () => {
  it("says in every language that the service works, and says it does not when the store is gone", async () => {
    const expected = {
      en: "The service is working.",
      el: "Η υπηρεσία λειτουργεί.",
      it: "Il servizio funziona.",
      ur: "سروس کام کر رہی ہے۔",
    };
    for (const [lang, text] of Object.entries(expected)) {
      const res = await get(`/${lang}/status`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).toContain(text);
    }
    const broken = await startTestServer();
    try {
      await broken.store.close();
      const res = await fetch(`${broken.baseUrl}/it/status`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("Il servizio al momento non funziona.");
    } finally {
      await broken.close().catch(() => undefined);
    }
  });
});

describe("/metrics", () => {
  it("is not served at all when no token is configured", async () => {
    const plain = await startTestServer();
    try {
      expect((await fetch(`${plain.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it("is refused without the token and with a wrong one", async () => {
    expect((await get("/metrics")).status).toBe(401);
    expect((await get("/metrics", { authorization: `Bearer ${TOKEN.replace("m", "n")}` })).status).toBe(401);
  });

  it("counts requests by route pattern and status, the outbox and the queues, and leaves the report routes out", async () => {
    await get("/en/certificate");
    await get("/staff/cases/0b6f8c1e-8d2b-4a52-9d7e-7d8f1c2b3a4d?name=Ayesha%20Khan");
    await get("/en/report");
    await get("/en/report/follow-up");
    const res = await get("/metrics", { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(
      /pscg_http_request_duration_seconds_count\{route="routes\/\$lang\.certificate\._index",method="GET",status="200"\} 1/,
    );
    expect(text).toMatch(/pscg_http_request_duration_seconds_count\{route="routes\/staff\.cases\.\$id",method="GET",status="302"\} 1/);
    expect(text).toMatch(/pscg_outbox_mails\{status="pending"\} 0/);
    expect(text).toMatch(/pscg_process_resident_memory_bytes \d+/);
    expect(text).not.toContain("report");
    expect(text).not.toContain("Ayesha");
    expect(text).not.toContain("0b6f8c1e");
  });
});

/** The build's routes as react-router's tree, to hold the metrics' own matcher to the real one. */
function routeTree(routes: ServerBuild["routes"], parentId: string | undefined): RouteObject[] {
  return Object.values(routes)
    .filter((route) => route.parentId === parentId)
    .map(
      (route): RouteObject =>
        route.index
          ? { id: route.id, index: true, path: route.path }
          : { id: route.id, path: route.path, children: routeTree(routes, route.id) },
    );
}

describe("the metrics' route labels", () => {
  it("name the same route as react-router for a path of every route, and for paths no route has", () => {
    const routes = server.build.routes;
    const tree = routeTree(routes, undefined);
    const match = routeMatcher(routes);
    const fullPath = (id: string | undefined): string =>
      id && routes[id] ? `${fullPath(routes[id]!.parentId)}/${routes[id]!.path ?? ""}`.replace(/\/+/g, "/") : "";
    const samples = Object.keys(routes)
      .filter((id) => id !== "root")
      .map(
        (id) =>
          fullPath(id)
            .replace(/:[^/]+/g, "x1")
            .replace(/\*$/, "some/deep/path") || "/",
      );
    samples.push("/", "/en/no-such-page", "/staff/no/such/page", "/zz");
    expect(samples.length).toBeGreaterThan(60);
    for (const pathname of samples) {
      const expected = matchRoutes(tree, pathname)?.at(-1)?.route.id ?? null;
      expect(match(pathname), pathname).toBe(expected);
    }
  });
});
