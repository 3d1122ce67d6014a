#!/usr/bin/env node
// `npm test`: every check, each run even when an earlier one fails, then one summary line
// `N passed, N failed, N skipped` summed over typecheck, lint, format, Vitest and Playwright.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { playwrightCounts, vitestCounts } from "./test-reports.js";

fs.mkdirSync("reports", { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (name) => `node_modules/.bin/${name}`;

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? "passed" : "failed"] += 1;
}

/** Adds a runner's counts; a runner that failed without a failed test (a suite that did not load, no report) adds one. */
function count(counted, ok) {
  if (counted) for (const key of Object.keys(totals)) totals[key] += counted[key];
  if (!ok && !counted?.failed) totals.failed += 1;
}

check("typecheck", bin("tsc"), []);
check("lint", bin("eslint"), [".", "--max-warnings=0"]);
check("format", bin("prettier"), ["--check", "."]);

// Server tests run the real production build in-process.
const built = run("build", bin("remix"), ["build"]) && run("build server", "node", ["scripts/build-server.js"]);
if (!built) totals.failed += 1;

for (const f of ["reports/vitest.json", "reports/playwright.json"]) fs.rmSync(f, { force: true });
const vitestOk = run("unit and store tests (Vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=reports/vitest.json",
]);
count(vitestCounts("reports/vitest.json"), vitestOk);

const e2eOk = run("end-to-end tests (Playwright)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: "reports/playwright.json" });
count(playwrightCounts("reports/playwright.json"), e2eOk);

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
// .ci/run adds the scale and reliability runs to these (scripts/ci-summary.js).
fs.writeFileSync("reports/npm-test.json", `${JSON.stringify(totals)}\n`);
process.exit(totals.failed === 0 ? 0 : 1);
