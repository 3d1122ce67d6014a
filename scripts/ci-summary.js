#!/usr/bin/env node
// The last line of .ci/run: `N passed, N failed, N skipped` summed over every runner it started:
// `npm test` (typecheck, lint, format, Vitest, Playwright: reports/npm-test.json), the scale e2e
// (Playwright: reports/scale.json) and the reliability harness (reports/reliability.json).
// Arguments give each runner's exit status (`scale=1`): a runner that left no report, or exited
// non-zero while its report shows no failure, counts as one failure.
import { playwrightCounts, readJson } from "./test-reports.js";

/** Each runner's report, read as passed / failed / skipped. */
const RUNNERS = {
  "npm-test": () => readJson("reports/npm-test.json"),
  scale: () => playwrightCounts("reports/scale.json"),
  reliability: () => {
    const r = readJson("reports/reliability.json");
    return r ? { passed: r.passed, failed: r.failed, skipped: 0 } : null;
  },
};

const statuses = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split("=")));
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const [name, read] of Object.entries(RUNNERS)) {
  const counted = read();
  if (!counted) {
    console.log(`${name}: no report`);
    totals.failed += 1;
    continue;
  }
  totals.passed += counted.passed ?? 0;
  totals.failed += counted.failed ?? 0;
  totals.skipped += counted.skipped ?? 0;
  if ((statuses[name] ?? "0") !== "0" && !counted.failed) {
    console.log(`${name}: exited with ${statuses[name]} and no failure counted`);
    totals.failed += 1;
  }
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
