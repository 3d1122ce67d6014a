// What the test runners' JSON reports count, as { passed, failed, skipped }, or null when a
// runner left no report: read by `npm test` (scripts/test.js) and by .ci/run (scripts/ci-summary.js).
import fs from "node:fs";

export function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Playwright's JSON reporter: a flaky test passed in the end. */
export function playwrightCounts(file) {
  const stats = readJson(file)?.stats;
  return stats ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped } : null;
}

export function vitestCounts(file) {
  const report = readJson(file);
  return report
    ? { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
    : null;
}
