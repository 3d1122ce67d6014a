import { defineConfig } from "@playwright/test";
import { CHROMIUM_USE, mailServer, RUN_SETTINGS } from "./e2e/support/runner";

// Ports and data folder can be moved so that two runs on one machine do not collide.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
const MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2526);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".e2e-data";
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  // Two instances behind nginx: their own config (playwright.scale.config.ts, `npm run test:scale`).
  testIgnore: ["scale/**"],
  outputDir: "test-results",
  ...RUN_SETTINGS,
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    ...CHROMIUM_USE,
  },
  webServer: [
    // A real SMTP server for the portal's mail, with an HTTP read-out for the specs.
    mailServer(SMTP_PORT, MAIL_HTTP_PORT),
    {
      // The production build on a fresh database, every run, run as production runs it (build/server.js).
      command: `rm -rf ${E2E_DATA_DIR} && node_modules/.bin/remix build && node scripts/build-server.js && exec node --max-semi-space-size=4 --max-old-space-size=128 build/server.js`,
      url: `${BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        PORT: String(PORT),
        DATA_DIR: E2E_DATA_DIR,
        DATABASE_URL: `file:${E2E_DATA_DIR}/portal.sqlite`,
        LOG_LEVEL: "warn",
        RATE_LIMITS: "false",
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(SMTP_PORT),
        MAIL_POLL_INTERVAL_MS: "500",
      },
    },
  ],
});
