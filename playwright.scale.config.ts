/**
 * The scale test (`npm run test:scale`): the production build as two instances on one PostgreSQL
 * database behind nginx (deploy/nginx.conf, over TLS), two mail workers, one SMTP server. Every
 * request from the browser goes through nginx, which sends each to the next instance in turn.
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM_USE, mailServer, RUN_SETTINGS } from "./e2e/support/runner";
import { BASE_URL, MAIL_HTTP_PORT, scaleRun, SMTP_PORT } from "./e2e/scale/scale-env";

// Made once here and inherited by the stack and the test workers (see scale-env.ts).
scaleRun();
// The shared mail helpers (e2e/support/mail.ts) read the read-out's port from here.
process.env.E2E_MAIL_HTTP_PORT = String(MAIL_HTTP_PORT);

export default defineConfig({
  testDir: "e2e/scale",
  outputDir: "test-results/scale",
  ...RUN_SETTINGS,
  use: {
    baseURL: BASE_URL,
    // The certificate is self-signed, made for the run by the stack.
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    ...CHROMIUM_USE,
  },
  webServer: [
    mailServer(SMTP_PORT, MAIL_HTTP_PORT),
    {
      // Builds only when build/ is older than its sources, creates the database, starts both
      // instances at once, then nginx; on SIGTERM it stops them and drops the database.
      command: "node_modules/.bin/tsx e2e/scale/stack.ts",
      url: `${BASE_URL}/readyz`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});
