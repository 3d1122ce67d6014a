/**
 * Prometheus metrics (prom-client), on GET /metrics with a bearer token (METRICS_TOKEN; without one
 * the path is not served). Labels are route patterns, methods and statuses, never a URL, a name or
 * an address. The anonymous report routes are left out altogether: a counter that moves when a
 * report is sent would date it to the scrape interval.
 */
import { timingSafeEqual } from "node:crypto";
import type { ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import type { Kysely } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { isAnonymousPath } from "../app/domain/anonymous-routes";
import type { Database } from "../db/schema";

const METHODS = new Set(["GET", "HEAD", "POST"]);

type RoutePattern = { id: string; pattern: RegExp; score: number };

/**
 * The build's routes as full-path patterns, made once: `routes/staff.cases.$id` matches
 * `/staff/cases/<anything>`. Ranked as react-router ranks them (a static segment counts 10, a
 * parameter 3, a splat -2, an index route 2 more), so the most specific route wins. react-router's
 * own `matchRoutes` flattens and ranks the whole tree on every call (about 0.6 ms here), too much
 * for every request.
 */
export function routeMatcher(routes: ServerBuild["routes"]): (pathname: string) => string | null {
  const fullPath = (id: string | undefined): string[] => {
    const route = id ? routes[id] : undefined;
    if (!route) return [];
    return [...fullPath(route.parentId), ...(route.path ?? "").split("/").filter(Boolean)];
  };
  const patterns: RoutePattern[] = Object.values(routes)
    .filter((route) => route.id !== "root")
    .map((route) => {
      const segments = fullPath(route.id);
      const source = segments
        .map((segment) =>
          segment === "*" ? "/.*" : segment.startsWith(":") ? "/[^/]+" : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
        )
        .join("");
      const score =
        segments.reduce((sum, segment) => sum + (segment === "*" ? -2 : segment.startsWith(":") ? 3 : 10), 0) + (route.index ? 2 : 0);
      return { id: route.id, pattern: new RegExp(`^${source}/?$`, "i"), score };
    })
    .sort((a, b) => b.score - a.score);
  return (pathname) => patterns.find((p) => p.pattern.test(pathname))?.id ?? null;
}

export type Metrics = {
  registry: Registry;
  /** Times every request but the anonymous ones, labelled by route pattern. */
  middleware: (req: Request, res: Response, next: NextFunction) => void;
  /** GET /metrics: 404 without a configured token, 401 with a wrong one. */
  handler: (req: Request, res: Response) => Promise<void>;
  housekeepingRun: (outcome: "ok" | "failed") => void;
};

export function createMetrics({ db, build, token }: { db: Kysely<Database>; build: ServerBuild; token: string | undefined }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "pscg_" });
  const routeOf = routeMatcher(build.routes);
  const patternOf = (pathname: string): string => {
    if (pathname === "/healthz" || pathname === "/readyz" || pathname === "/metrics") return pathname.slice(1);
    if (pathname.startsWith("/build/")) return "static";
    return routeOf(pathname) ?? "unmatched";
  };

  const duration = new Histogram({
    name: "pscg_http_request_duration_seconds",
    help: "Time to answer a request, by route pattern, method and status",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const housekeeping = new Counter({
    name: "pscg_housekeeping_runs_total",
    help: "Housekeeping runs, by outcome",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "pscg_outbox_mails",
    help: "Mails in the outbox, by status (pending is the backlog)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom("mail_outbox")
        .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("status")
        .execute();
      this.reset();
      for (const status of ["pending", "sent", "failed"] as const)
        this.set({ status }, Number(rows.find((r) => r.status === status)?.n ?? 0));
    },
  });
  new Gauge({
    name: "pscg_applications",
    help: "Applications by status (the queues officers work)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom("application")
        .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("status")
        .execute();
      this.reset();
      for (const row of rows) this.set({ status: row.status }, Number(row.n));
    },
  });

  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return {
    registry,
    middleware(req, res, next) {
      if (isAnonymousPath(req.path)) return next();
      const end = duration.startTimer();
      res.on("finish", () => {
        end({ route: patternOf(req.path), method: METHODS.has(req.method) ? req.method : "OTHER", status: String(res.statusCode) });
      });
      next();
    },
    async handler(req, res) {
      if (!expected) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      const given = Buffer.from(req.get("authorization") ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set("WWW-Authenticate", "Bearer").type("text/plain").send("Unauthorized");
        return;
      }
      res
        .set("Cache-Control", "no-store")
        .type(registry.contentType)
        .send(await registry.metrics());
    },
    housekeepingRun(outcome) {
      housekeeping.inc({ outcome });
    },
  };
}
