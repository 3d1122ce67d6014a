/**
 * Configuration, read once at start and validated, so a bad value stops the server with a clear
 * message instead of failing on the first request that needs it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { signingIdentityProblem } from "~/utils/signing-p12.server";

const booleanString = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, "must be file:<path> or postgres://user@host:port/database")
      .optional(),
    DATA_DIR: z.string().min(1).default("data"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    DOCUMENT_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes in base64 (openssl rand -base64 32)")
      .optional(),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: booleanString.default(false),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: z.string().min(3).default("Police Service Centers Global <no-reply@localhost>"),
    /** How often the outbox is checked for mail to send. */
    MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Hops of trusted reverse proxies in front of the app (for the client address used by rate limits). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * The bearer token Prometheus sends to scrape GET /metrics. Without it /metrics is not served
     * at all (404), so metrics are never public by accident.
     */
    METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
    /** Off only for tests that must hammer an endpoint; never in a deployment. */
    RATE_LIMITS: booleanString.default(true),
    /**
     * The key and certificate that sign certificates' PDFs, as PKCS#12 in base64, and its password.
     * Without them a self-signed one is generated at first start and kept in the store.
     */
    CERTIFICATE_P12_BASE64: z.string().optional(),
    CERTIFICATE_P12_PASSWORD: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.CERTIFICATE_P12_BASE64) {
      if (env.CERTIFICATE_P12_PASSWORD)
        ctx.addIssue({ code: "custom", path: ["CERTIFICATE_P12_PASSWORD"], message: "is set without CERTIFICATE_P12_BASE64" });
      return;
    }
    const p12 = Buffer.from(env.CERTIFICATE_P12_BASE64, "base64");
    const problem = p12.length === 0 ? "is not base64" : signingIdentityProblem({ p12, password: env.CERTIFICATE_P12_PASSWORD ?? "" });
    if (problem) ctx.addIssue({ code: "custom", path: ["CERTIFICATE_P12_BASE64"], message: problem });
  });

export type Env = z.output<typeof EnvSchema> & { PUBLIC_URL: string };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...result.data, PUBLIC_URL: (result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}`).replace(/\/$/, "") };
}

export type Secrets = { sessionSecret: string; documentKey: Buffer; generated: boolean };

/**
 * Secrets not given in the environment are generated once and kept in the data directory (mode 0600),
 * so `npm start` needs no configuration. Deployments with several instances must set them.
 */
export function resolveSecrets(env: Env): Secrets {
  const file = path.join(env.DATA_DIR, "secrets.json");
  let stored: { sessionSecret?: string; documentKey?: string } = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const missing = (!env.SESSION_SECRET && !stored.sessionSecret) || (!env.DOCUMENT_KEY && !stored.documentKey);
  if (missing) {
    stored = {
      sessionSecret: stored.sessionSecret ?? crypto.randomBytes(32).toString("base64url"),
      documentKey: stored.documentKey ?? crypto.randomBytes(32).toString("base64"),
    };
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    sessionSecret: env.SESSION_SECRET ?? stored.sessionSecret!,
    documentKey: Buffer.from(env.DOCUMENT_KEY ?? stored.documentKey!, "base64"),
    generated: !env.SESSION_SECRET || !env.DOCUMENT_KEY,
  };
}
