/**
 * What the scale test's pieces agree on: ports, folders, and the run's database and secrets. The
 * config makes the run's values once (process.env, which the stack and the test workers inherit),
 * so both instances get the same SESSION_SECRET and DOCUMENT_KEY and the specs can read the store.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const NGINX_PORT = Number(process.env.SCALE_NGINX_PORT ?? 3300);
export const INSTANCE_PORTS = [Number(process.env.SCALE_PORT_A ?? 3301), Number(process.env.SCALE_PORT_B ?? 3302)] as const;
export const SMTP_PORT = Number(process.env.SCALE_SMTP_PORT ?? 2575);
export const MAIL_HTTP_PORT = Number(process.env.SCALE_MAIL_HTTP_PORT ?? 2576);
/** Where the browser goes: nginx, over TLS with a certificate made for the run. */
export const BASE_URL = `https://localhost:${NGINX_PORT}`;
export const SCALE_DIR = path.resolve(ROOT, process.env.SCALE_DATA_DIR ?? ".scale-data");
export const INSTANCE_NAMES = ["a", "b"] as const;
export type InstanceName = (typeof INSTANCE_NAMES)[number];
/** Each instance's standard output (its JSON log lines). */
export const instanceLog = (name: InstanceName) => path.join(SCALE_DIR, `instance-${name}.log`);
/** Written by the stack once both instances are up: when each was started. */
export const STACK_FILE = path.join(SCALE_DIR, "stack.json");
export const CERTIFICATE_FILE = path.join(SCALE_DIR, "tls", "cert.pem");
const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

export type ScaleRun = { databaseName: string; adminUrl: string; databaseUrl: string; sessionSecret: string; documentKey: string };

/** This run's database and secrets, made on the first call (in the config) and inherited after. */
export function scaleRun(): ScaleRun {
  process.env.SCALE_DATABASE ??= `scale_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  process.env.SCALE_SESSION_SECRET ??= randomBytes(32).toString("base64url");
  process.env.SCALE_DOCUMENT_KEY ??= randomBytes(32).toString("base64");
  const databaseName = process.env.SCALE_DATABASE;
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${databaseName}`;
  return {
    databaseName,
    adminUrl: ADMIN_URL,
    databaseUrl: databaseUrl.toString(),
    sessionSecret: process.env.SCALE_SESSION_SECRET,
    documentKey: process.env.SCALE_DOCUMENT_KEY,
  };
}
