/**
 * The production program is one process: `node build/server.js` (README), or `npm start` /
 * `npm run serve` which exec it. A SIGKILL to the PID the operator was given must free the port:
 * no launcher or transpiler may be left holding it.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { afterEach, beforeAll, describe, expect, test } from "vitest";

const started: ChildProcess[] = [];
let dataDir = "";

beforeAll(() => {
  if (!fs.existsSync("build/index.js")) execFileSync("node_modules/.bin/remix", ["build"], { stdio: "ignore" });
  execFileSync("node", ["scripts/build-server.js"], { stdio: "inherit" });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-runtime-"));
}, 120_000);

afterEach(() => {
  // Each server leads its own process group: whatever a failing run left behind goes too.
  for (const child of started.splice(0)) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

function start(
  command: string,
  args: string[],
  port: number,
  { dir = dataDir, env = {} as Record<string, string>, capture = false } = {},
): ChildProcess {
  const child = spawn(command, args, {
    // Piped only when read: an unread pipe that fills up would stall the server.
    stdio: capture ? ["ignore", "pipe", "pipe"] : "ignore",
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      DATABASE_URL: `file:${dir}/portal.sqlite`,
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  started.push(child);
  return child;
}

/** Everything the process writes to stdout and stderr, as it comes. */
function output(child: ChildProcess): () => string {
  const chunks: Buffer[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString("utf8");
}

/** The command lines of a process's children (Linux /proc). */
function childrenOf(pid: number): string[] {
  try {
    return execFileSync("ps", ["-o", "args=", "--ppid", String(pid)], { encoding: "utf8" })
      .trim()
      .split("\n");
  } catch {
    return []; // ps exits 1 when no process matches
  }
}

describe("one process", () => {
  test("node build/server.js serves, and SIGKILL to its PID frees the port at once", async () => {
    const port = await freePort();
    const server = start("node", ["--max-semi-space-size=4", "--max-old-space-size=128", "build/server.js"], port);
    expect(await waitFor(() => healthy(port), 30_000)).toBe(true);
    expect(childrenOf(server.pid!)).toEqual([]);
    server.kill("SIGKILL");
    expect(await waitFor(async () => !(await portAnswers(port)), 1_000)).toBe(true);
  }, 60_000);

  test("npm run serve leaves one node process under npm, and SIGKILL to npm frees the port", async () => {
    const port = await freePort();
    const npm = start("npm", ["run", "--silent", "serve"], port);
    expect(await waitFor(() => healthy(port), 30_000)).toBe(true);
    // No shell, no tsx: npm's only child is the server itself.
    expect(childrenOf(npm.pid!)).toEqual(["node --max-semi-space-size=4 --max-old-space-size=128 build/server.js"]);
    npm.kill("SIGKILL");
    expect(await waitFor(async () => !(await portAnswers(port)), 3_000)).toBe(true);
  }, 60_000);
});

describe("first start", () => {
  test("the setup link goes to a 0600 file in the data directory, never to stdout or stderr", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-first-start-"));
    try {
      const port = await freePort();
      const server = start("node", ["build/server.js"], port, { dir, env: { LOG_LEVEL: "debug" }, capture: true });
      const printed = output(server);
      expect(await waitFor(() => healthy(port), 30_000)).toBe(true);
      const file = path.join(dir, "first-admin-setup-link.txt");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, "utf8")).toMatch(/^http:\/\/localhost:\d+\/staff\/setup\?token=[A-Za-z0-9_-]{20,}\n$/);
      expect(printed()).toContain(file);
      expect(printed()).not.toContain("token=");
      server.kill("SIGKILL");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("graceful shutdown", () => {
  test("SIGTERM under load: every request sent before it is answered in full, none is cut off, the process exits 0", async () => {
    const port = await freePort();
    const server = start("node", ["--max-semi-space-size=4", "--max-old-space-size=128", "build/server.js"], port, {
      env: { LOG_LEVEL: "info" },
      capture: true,
    });
    const printed = output(server);
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    expect(await waitFor(() => healthy(port), 30_000)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    // Eight clients on kept-alive connections, each sending the next page as soon as one is answered.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    let signalledAt = Infinity;
    const outcomes: { startedAt: number; status: number | null; error: string | null; bytes: number }[] = [];
    const get = (pathname: string) =>
      new Promise<void>((resolve) => {
        const startedAt = performance.now();
        const request = http.get(
          { host: "127.0.0.1", port, path: pathname, agent, headers: { "accept-encoding": "identity" } },
          (response) => {
            let bytes = 0;
            response.on("data", (chunk: Buffer) => (bytes += chunk.length));
            response.on("end", () => (outcomes.push({ startedAt, status: response.statusCode ?? null, error: null, bytes }), resolve()));
            response.on(
              "error",
              (error) => (outcomes.push({ startedAt, status: response.statusCode ?? null, error: error.message, bytes }), resolve()),
            );
          },
        );
        request.on("error", (error) => (outcomes.push({ startedAt, status: null, error: error.message, bytes: 0 }), resolve()));
      });
    const client = async () => {
      for (;;) {
        await get("/en/certificate");
        const last = outcomes.at(-1)!;
        if (last.error && last.startedAt >= signalledAt) return;
        if (performance.now() > signalledAt + 5_000) return;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 1_500));
    signalledAt = performance.now();
    server.kill("SIGTERM");
    await Promise.all(clients);
    agent.destroy();
    expect(await exited).toBe(0);

    const before = outcomes.filter((o) => o.startedAt < signalledAt);
    expect(before.length).toBeGreaterThan(20);
    const unanswered = before.filter((o) => o.status !== 200 || o.error !== null || o.bytes < 1_000);
    expect(unanswered).toEqual([]);
    // Whatever came after the signal was either answered in full or refused before any answer began.
    const after = outcomes.filter((o) => o.startedAt >= signalledAt);
    expect(after.filter((o) => o.status !== null && (o.status !== 200 || o.error !== null))).toEqual([]);
    expect(printed()).toContain('"msg":"stopped"');
  }, 60_000);
});
