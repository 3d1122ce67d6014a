/**
 * The scale test's system, started by playwright.scale.config.ts as one web server so that the
 * two instances really start at the same moment (their migrations race): a fresh PostgreSQL
 * database, two production servers (build/server.js) on it, and nginx in front of them with
 * deploy/nginx.conf. On SIGTERM it stops them all and drops the database.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  CERTIFICATE_FILE,
  INSTANCE_NAMES,
  INSTANCE_PORTS,
  instanceLog,
  MAIL_HTTP_PORT,
  NGINX_PORT,
  ROOT,
  SCALE_DIR,
  scaleRun,
  SMTP_PORT,
  STACK_FILE,
} from "./scale-env";

const run = scaleRun();
const children: ChildProcess[] = [];
let stopping = false;

/** Sources whose change makes build/ stale; CI runs `npm test` first, which has just built. */
const BUILD_INPUTS = ["app", "server", "db", "locales", "public", "remix.config.js", "scripts/build-server.js", "package-lock.json"];
const BUILD_OUTPUTS = ["build/index.js", "build/server.js", "public/build"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path.resolve(entry) === path.resolve(ROOT, "public/build")) return 0;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIfStale() {
  const outputs = BUILD_OUTPUTS.map((p) => path.resolve(ROOT, p));
  const fresh =
    outputs.every((p) => fs.existsSync(p)) &&
    Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.resolve(ROOT, p)))) < Math.min(...outputs.map((p) => fs.statSync(p).mtimeMs));
  if (fresh) return console.log("build/ is newer than its sources: not rebuilding");
  execFileSync("node_modules/.bin/remix", ["build"], { cwd: ROOT, stdio: "inherit" });
  execFileSync("node", ["scripts/build-server.js"], { cwd: ROOT, stdio: "inherit" });
}

async function admin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: run.adminUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A self-signed certificate for localhost, made for this run only (the browser is told to accept it). */
function makeCertificate(): { cert: string; key: string } {
  const dir = path.dirname(CERTIFICATE_FILE);
  fs.mkdirSync(dir, { recursive: true });
  const key = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=localhost"].concat([
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      CERTIFICATE_FILE,
    ]),
    { stdio: "ignore" },
  );
  return { cert: CERTIFICATE_FILE, key };
}

function startInstance(index: number): ChildProcess {
  const name = INSTANCE_NAMES[index]!;
  const log = fs.openSync(instanceLog(name), "a");
  const child = spawn("node", ["--max-semi-space-size=4", "--max-old-space-size=128", "build/server.js"], {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(INSTANCE_PORTS[index]),
      PUBLIC_URL: `https://localhost:${NGINX_PORT}`,
      DATA_DIR: path.join(SCALE_DIR, `data-${name}`),
      DATABASE_URL: run.databaseUrl,
      SESSION_SECRET: run.sessionSecret,
      DOCUMENT_KEY: run.documentKey,
      TRUST_PROXY: "1",
      RATE_LIMITS: "true",
      // info: the access log lines (request id, path, status) tell which instance served a request.
      LOG_LEVEL: "info",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(SMTP_PORT),
      MAIL_POLL_INTERVAL_MS: "300",
    },
  });
  watch(child, `instance ${name}`);
  return child;
}

/**
 * deploy/nginx.conf with only what this machine cannot have replaced: each replacement must match
 * exactly once, so a change to the shipped file that the test no longer covers fails here.
 */
export function renderNginxConfig(source: string, tls: { cert: string; key: string }, httpSocket: string): string {
  const replacements: [string, string][] = [
    ["listen 443 ssl http2;", `listen 127.0.0.1:${NGINX_PORT} ssl http2;`],
    ["listen 80;", `listen unix:${httpSocket};`],
    ["server app1:3000 ", `server 127.0.0.1:${INSTANCE_PORTS[0]} `],
    ["server app2:3000 ", `server 127.0.0.1:${INSTANCE_PORTS[1]} `],
    ["ssl_certificate /etc/ssl/portal/fullchain.pem;", `ssl_certificate ${tls.cert};`],
    ["ssl_certificate_key /etc/ssl/portal/privkey.pem;", `ssl_certificate_key ${tls.key};`],
  ];
  return replacements.reduce((text, [from, to]) => {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`deploy/nginx.conf: expected "${from}" once, found it ${count} times`);
    return text.replace(from, to);
  }, source);
}

function startNginx(tls: { cert: string; key: string }): ChildProcess {
  const prefix = path.join(SCALE_DIR, "nginx");
  fs.mkdirSync(prefix, { recursive: true });
  const config = path.join(prefix, "nginx.conf");
  const source = fs.readFileSync(path.resolve(ROOT, "deploy/nginx.conf"), "utf8");
  fs.writeFileSync(config, renderNginxConfig(source, tls, path.join(prefix, "http.sock")));
  const nginx = process.env.NGINX ?? "/usr/sbin/nginx";
  const child = spawn(nginx, ["-p", prefix, "-c", config, "-e", "stderr", "-g", `daemon off; pid ${path.join(prefix, "nginx.pid")};`], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  watch(child, "nginx");
  return child;
}

function watch(child: ChildProcess, name: string) {
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited unexpectedly (${signal ?? code}); stopping the scale stack`);
    void stop(1);
  });
}

async function waitForReady(port: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the instance on port ${port} was not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  const exited = children.map((child) =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve)),
  );
  for (const child of children) child.kill("SIGTERM");
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${run.databaseName} WITH (FORCE)`)).catch((error: unknown) =>
    console.error(`could not drop ${run.databaseName}: ${String(error)}`),
  );
  process.exit(code);
}

process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

try {
  buildIfStale();
  fs.rmSync(SCALE_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCALE_DIR, { recursive: true });
  const tls = makeCertificate();
  await admin((client) => client.query(`CREATE DATABASE ${run.databaseName}`));
  // Both at once, on one empty database: each migrates at start, and Kysely's lock must serialise them.
  const startedAt = INSTANCE_NAMES.map(() => Date.now());
  INSTANCE_NAMES.forEach((_name, index) => {
    startedAt[index] = Date.now();
    startInstance(index);
  });
  await Promise.all(INSTANCE_PORTS.map((port) => waitForReady(port)));
  fs.writeFileSync(STACK_FILE, JSON.stringify({ startedAt, database: run.databaseName, mailHttpPort: MAIL_HTTP_PORT }));
  startNginx(tls);
} catch (error) {
  console.error(error);
  await stop(1);
}
