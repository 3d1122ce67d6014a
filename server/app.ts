/**
 * The Express layer owns what must happen before Remix: request ids, access logs, security
 * headers, compression, body-size limits, rate limits, static files and the health check.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import type { Logger } from "pino";
import type { PortalContext } from "../app/context";
import type { Env, Secrets } from "../app/utils/env.server";
import type { Store } from "../db/connect";
import { pendingMigrations } from "../db/migrate";
import { createMetrics, type Metrics } from "./metrics";
import { isAnonymousPath } from "../app/domain/anonymous-routes";
import { pingStore } from "../app/models/health.server";
import { AnonymousRateLimiter } from "../app/utils/anonymous-rate-limit.server";
import { isSameOrigin } from "../app/utils/csrf.server";
import { errorPage } from "./error-page";
import { createAccessLogger } from "./logger";
import { KyselyRateLimitStore } from "./rate-limit-store";

/**
 * Plain forms stay small. Pages that take uploads accept a large body so that a file over the
 * 5 MB document limit reaches the page, which reads it to its end without keeping it and answers
 * with a message next to the field (rather than a bare refusal that loses the page).
 */
export const BODY_LIMITS = { form: 100 * 1024, upload: 64 * 1024 * 1024 };
// With or without `.data`: the same page's action as fetched by its JavaScript.
const UPLOAD_PATHS = /^\/(ur|en|el|it)\/(certificate\/documents|track\/status|report|report\/follow-up)(\.data)?$/;

/** Whether a page takes files (multipart, and the large body limit). */
export function isUploadPath(pathname: string): boolean {
  return UPLOAD_PATHS.test(pathname);
}

/** Form posts per address and minute on the anonymous routes: a report has about ten pages. */
const ANONYMOUS_POSTS = { bucket: "anonymous-post", max: 60, windowMs: 60_000 };

export type AppDeps = { env: Env; secrets: Secrets; store: Store; logger: Logger; build: ServerBuild; metrics?: Metrics };

function bodyLimit(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const length = req.get("content-length");
  if (length === undefined) {
    // Browsers always send a length for forms; refusing chunked bodies keeps the limit exact.
    if (req.get("transfer-encoding")) return res.status(411).type("html").send(errorPage(req, "tooLarge"));
    return next();
  }
  const limit = req.is("multipart/form-data") && UPLOAD_PATHS.test(req.path) ? BODY_LIMITS.upload : BODY_LIMITS.form;
  if (Number(length) > limit) {
    res.set("Connection", "close");
    return res.status(413).type("html").send(errorPage(req, "tooLarge"));
  }
  next();
}

/**
 * What our pages send: GET and HEAD, and POSTs of a form (multipart only where a page takes
 * uploads). Anything else comes from something other than our pages and is refused here, in the
 * page's language: past this point Remix or the URL decoder would answer it with a 500 and log the
 * parser's complaint, which can quote what was sent.
 */
function refuseMalformed(req: Request, res: Response, next: NextFunction) {
  const refuse = (status: number) => res.status(status).type("html").send(errorPage(req, "badRequest"));
  try {
    decodeURIComponent(req.path);
  } catch {
    return refuse(400);
  }
  if (req.method === "GET" || req.method === "HEAD") return next();
  if (req.method !== "POST") {
    res.set("Allow", "GET, HEAD, POST");
    return refuse(405);
  }
  const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded" || (type === "multipart/form-data" && UPLOAD_PATHS.test(req.path))) return next();
  res.set(
    "Accept-Post",
    UPLOAD_PATHS.test(req.path) ? "application/x-www-form-urlencoded, multipart/form-data" : "application/x-www-form-urlencoded",
  );
  return refuse(415);
}

/**
 * Remix aborts an action (with a bare, empty 500) when the Origin's host is not the host the
 * request arrived under (X-Forwarded-Host, else Host), even where the Origin is our public address:
 * such a post is refused here instead, with a page. A proxy in front must pass the Host on.
 */
function originMatchesArrivalHost(req: Request): boolean {
  const origin = req.get("origin");
  if (origin === undefined) return true;
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function createApp({
  env,
  secrets,
  store,
  logger,
  build,
  metrics = createMetrics({ db: store.db, build, token: env.METRICS_TOKEN }),
}: AppDeps) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  app.use((req, res, next) => {
    res.locals.requestId = randomUUID();
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", res.locals.requestId);
    next();
  });
  app.use(metrics.middleware);
  app.use(createAccessLogger(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "object-src": ["'none'"],
          "base-uri": ["'none'"],
          "upgrade-insecure-requests": env.PUBLIC_URL.startsWith("https:") ? [] : null,
        },
      },
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: env.PUBLIC_URL.startsWith("https:") ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: "deny" },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    next();
  });
  // Level 4, measured (decision 046): pages (3-6 KB) cost the same at every level, dominated by the
  // stream's set-up; the scripts and styles cost 40% less CPU than at the default 6 for 4% more bytes.
  app.use(compression({ level: 4 }));
  app.use(refuseMalformed);
  app.use(bodyLimit);
  // Cross-site form posts are refused here, with a translated page: Remix's own check would answer
  // them with a bare 500, and staff actions check again (assertSameOrigin) as belt and braces.
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const headers = new Headers();
    for (const name of ["origin", "sec-fetch-site"]) {
      const value = req.get(name);
      if (value) headers.set(name, value);
    }
    const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
    if (isSameOrigin(new Request(url, { headers }), env.PUBLIC_URL) && originMatchesArrivalHost(req)) return next();
    // Not even a refusal is logged on the anonymous routes: its time would date someone's visit.
    if (!isAnonymousPath(req.path)) logger.warn({ requestId: res.locals.requestId, path: req.path }, "cross-site post refused");
    res.status(403).type("html").send(errorPage(req, "forbidden"));
  });

  // Everything under /build (scripts, styles, the Nastaliq font) has a content hash in its name.
  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  // The few files at the top of public/ (favicons, two small scripts) are listed once: a static
  // handler in front of every page would look each page's path up on disk and fail (decision 046).
  const publicDir = path.resolve("public");
  const publicFiles = new Set(
    fs
      .readdirSync(publicDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${entry.name}`),
  );
  const servePublic = express.static(publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));

  app.get("/metrics", (req, res, next) => void metrics.handler(req, res).catch(next));

  // Ready to take traffic: the store answers and has every migration this program knows. A proxy
  // or orchestrator sends requests only to an instance that says so; /healthz says it is alive.
  app.get("/readyz", async (_req, res) => {
    res.set("Cache-Control", "no-store");
    if (app.locals.draining === true) {
      res.status(503).json({ status: "shutting down" });
      return;
    }
    try {
      const pending = await pendingMigrations(store.db);
      if (pending.length > 0) {
        res.status(503).json({ status: "migrations pending", pending: pending.length });
        return;
      }
      res.json({ status: "ready", database: store.dialect });
    } catch (error) {
      logger.error({ err: error }, "readiness check failed");
      res.status(503).json({ status: "unavailable", database: store.dialect });
    }
  });

  app.get("/healthz", async (_req, res) => {
    try {
      await pingStore(store.db);
      res.set("Cache-Control", "no-store").json({ status: "ok", database: store.dialect });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable", database: store.dialect });
    }
  });

  // A general ceiling on form submissions per client; journeys add tighter limits of their own.
  // The anonymous routes count in memory only (see anonymous-rate-limit.server.ts).
  const anonymousLimiter = new AnonymousRateLimiter();
  app.use((req, res, next) => {
    if (!env.RATE_LIMITS || req.method === "GET" || req.method === "HEAD" || !isAnonymousPath(req.path)) return next();
    if (anonymousLimiter.hit(ANONYMOUS_POSTS, req.ip ?? "unknown")) return next();
    res.status(429).type("html").send(errorPage(req, "tooManyRequests"));
  });
  app.use(
    rateLimit({
      windowMs: 60_000,
      limit: 60,
      skip: (req) => !env.RATE_LIMITS || req.method === "GET" || req.method === "HEAD" || isAnonymousPath(req.path),
      standardHeaders: "draft-8",
      legacyHeaders: false,
      store: new KyselyRateLimitStore(store.db, "post", secrets.sessionSecret),
      handler: (req, res) => res.status(429).type("html").send(errorPage(req, "tooManyRequests")),
    }),
  );

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res): PortalContext => ({
        db: store.db,
        env,
        logger,
        requestId: res.locals.requestId,
        // The anonymous routes never see who is asking, so no page of theirs can write it down.
        clientAddress: isAnonymousPath(req.path) ? "anonymous" : (req.ip ?? "unknown"),
        withinAnonymousLimit: (limit) => !env.RATE_LIMITS || anonymousLimiter.hit(limit, req.ip ?? "unknown"),
        cspNonce: res.locals.cspNonce,
        sessionSecret: secrets.sessionSecret,
        documentKey: secrets.documentKey,
      }),
    }),
  );

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error, requestId: res.locals.requestId }, "unhandled server error");
    if (!res.headersSent) res.status(500).type("html").send(errorPage(req, "serverError"));
  });
  return app;
}
