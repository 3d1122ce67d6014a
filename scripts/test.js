#!/usr/bin/env node
// `npm test`: every check, each run even when an earlier one fails, then one summary line
// `N passed, N failed, N skipped` summed over typecheck, lint, format, Vitest and Playwright.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

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

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
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
const vitest = readJson("reports/vitest.json");
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (!vitestOk && vitest.numFailedTests === 0) totals.failed += 1; // a suite that failed to load
} else if (!vitestOk) totals.failed += 1;

const e2eOk = run("end-to-end tests (Playwright)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: "reports/playwright.json" });
const e2e = readJson("reports/playwright.json");
if (e2e?.stats) {
  totals.passed += e2e.stats.expected + e2e.stats.flaky;
  totals.failed += e2e.stats.unexpected;
  totals.skipped += e2e.stats.skipped;
  if (!e2eOk && e2e.stats.unexpected === 0) totals.failed += 1;
} else if (!e2eOk) totals.failed += 1;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
// .ci/run adds the scale and reliability runs to these (scripts/ci-summary.js).
fs.writeFileSync("reports/npm-test.json", `${JSON.stringify(totals)}\n`);
process.exit(totals.failed === 0 ? 0 : 1);
