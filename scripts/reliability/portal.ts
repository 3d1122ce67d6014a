/**
 * The production server as a child process on one store, started and stopped (or killed) again
 * and again on the same data directory, with the server's error log lines counted. Only each
 * line's message is kept: the harness never prints what a request carried.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { SERVER_COMMAND, untilHealthy } from "../../bench/server-process";

export type PortalConfig = { port: number; dataDir: string; databaseUrl: string; sessionSecret: string; documentKey: Uint8Array };

export class Portal {
  private child: ChildProcess | null = null;
  /** Error-level log lines (pino level 50 and above), by message. */
  readonly errors = new Map<string, number>();
  starts = 0;
  readonly baseUrl: string;

  constructor(private readonly config: PortalConfig) {
    this.baseUrl = `http://127.0.0.1:${config.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server and resolves once /healthz answers; returns the milliseconds that took. */
  async start(): Promise<number> {
    if (this.child) throw new Error("the server is already running");
    const started = performance.now();
    const child = spawn("node", SERVER_COMMAND, {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        PORT: String(this.config.port),
        HOST: "127.0.0.1",
        DATA_DIR: this.config.dataDir,
        DATABASE_URL: this.config.databaseUrl,
        SESSION_SECRET: this.config.sessionSecret,
        DOCUMENT_KEY: Buffer.from(this.config.documentKey).toString("base64"),
        LOG_LEVEL: "warn",
        // One client address sends everything here; the limits would answer 429 (as in the bench).
        RATE_LIMITS: "false",
        // The outbox is not what is tested: keep the worker quiet.
        MAIL_POLL_INTERVAL_MS: "600000",
      },
    });
    this.child = child;
    this.starts += 1;
    const count = (message: string) => this.errors.set(message, (this.errors.get(message) ?? 0) + 1);
    // Logs are JSON on stdout; plain lines there are notices (the setup link's file). Anything on
    // stderr is an error: the program writes there only when it cannot start or a library warns.
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      let entry: { level?: number; msg?: string; err?: { message?: string } };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return; // the last line a SIGKILL cut in half
      }
      // With the error's own message (logs carry no personal data), so a failed check says why.
      if ((entry.level ?? 0) >= 50)
        count(`${entry.msg ?? "(no message)"}${entry.err?.message ? `: ${entry.err.message.slice(0, 160)}` : ""}`);
    });
    createInterface({ input: child.stderr! }).on("line", (line) => count(line.slice(0, 120)));
    child.once("exit", () => {
      if (this.child === child) this.child = null;
    });
    await untilHealthy(this.config.port, child);
    return performance.now() - started;
  }

  /** SIGKILL to the server's own PID (no launcher in between); resolves once it is gone. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  /** SIGTERM: the graceful stop an operator's service manager sends. */
  async stop(): Promise<void> {
    await this.signal("SIGTERM");
  }

  private async signal(signal: "SIGKILL" | "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(child.pid, signal);
    await exited;
    this.child = null;
  }
}
