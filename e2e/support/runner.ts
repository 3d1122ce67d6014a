/** What both Playwright configs (playwright.config.ts, playwright.scale.config.ts) set alike. */
import fs from "node:fs";
import { devices, type PlaywrightTestConfig } from "@playwright/test";

type WebServer = Extract<NonNullable<PlaywrightTestConfig["webServer"]>, { command: string }>;

/**
 * One browser, one test at a time (two cores, shared); the JSON report when .ci/run asks for one
 * (PLAYWRIGHT_JSON_OUTPUT_NAME), so it can sum the results. Journeys upload PDFs, which are
 * rebuilt page by page (MuPDF render + JPEG): a journey takes 10-28 s here.
 */
export const RUN_SETTINGS = {
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
} satisfies PlaywrightTestConfig;

/** Debian's Chromium when present (Playwright never downloads a browser here), with flags that work on this machine. */
export const CHROMIUM_USE = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

/** A real SMTP server for the portal's mail, with an HTTP read-out for the specs (e2e/support/mail-server.ts). */
export function mailServer(smtpPort: number, httpPort: number): WebServer {
  return {
    command: "node_modules/.bin/tsx e2e/support/mail-server.ts",
    url: `http://127.0.0.1:${httpPort}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_SMTP_PORT: String(smtpPort), E2E_MAIL_HTTP_PORT: String(httpPort) },
  };
}
