/**
 * Load on the citizen pages and the tracking form: `connections` keep-alive connections for
 * `seconds`, driven by the bench's load loop (bench/load.ts, in a worker thread). Every request
 * must get its expected answer; p50/p99 are over all of them.
 */
import { type LoadResult, type PlannedRequest, runLoad, summarize } from "../../bench/load";

const BROWSER = { accept: "text/html", "accept-encoding": "gzip" };

const PAGES = [
  "/en",
  "/ur",
  "/el",
  "/it",
  "/en/certificate",
  "/ur/certificate",
  "/en/track",
  "/ur/track",
  "/en/centers",
  "/en/legal-migration",
  "/en/report",
  "/en/verify",
];

/** Enough requests that the time limit, not the list, ends the run (about 2,000/s at most here). */
const PLANNED_PER_SECOND = 2_500;

export function citizenPlan(baseUrl: string, references: readonly string[], seconds: number): PlannedRequest[] {
  const track = (reference: string, year: string): string =>
    new URLSearchParams({ reference, dateOfBirthDay: "14", dateOfBirthMonth: "3", dateOfBirthYear: year }).toString();
  const kinds: (() => PlannedRequest)[] = [
    ...PAGES.map((path) => () => ({ method: "GET" as const, path, headers: BROWSER, tag: "page", expect: { status: 200 } })),
    // A hit: the reference and date of birth a writer used; the form sends the applicant to the status page.
    ...(references.length
      ? [
          () => ({
            method: "POST" as const,
            path: "/en/track?index",
            headers: { ...BROWSER, origin: baseUrl },
            body: track(references[Math.floor(Math.random() * references.length)]!, "1990"),
            tag: "track",
            expect: { status: 302, locationPrefix: "/en/track/status" },
          }),
        ]
      : []),
    // A miss: right reference, wrong date of birth, answered on the form's own page.
    () => ({
      method: "POST" as const,
      path: "/en/track?index",
      headers: { ...BROWSER, origin: baseUrl },
      body: track(references[0] ?? "PCC-2222-2222", "1991"),
      tag: "track",
      expect: { status: 200 },
    }),
  ];
  return Array.from({ length: seconds * PLANNED_PER_SECOND }, (_, i) => kinds[i % kinds.length]!());
}

export async function runCitizenLoad(
  baseUrl: string,
  references: readonly string[],
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const requests = citizenPlan(baseUrl, references, seconds);
  return summarize([await runLoad({ baseUrl, requests, concurrency: connections, timeLimitMs: seconds * 1000 })]);
}

export function loadLine(result: LoadResult, connections: number): string {
  const errors = Object.entries(result.failures)
    .map(([why, n]) => `${why}: ${n}`)
    .join(", ");
  const pages = result.byTag.page?.latencyMs;
  const track = result.byTag.track?.latencyMs;
  return (
    `load: ${connections} connections for ${(result.elapsedMs / 1000).toFixed(1)} s, ${result.sent} requests, ${result.failed} errors${errors ? ` (${errors})` : ""}, ` +
    `${result.okPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms ` +
    `(pages p99 ${pages?.p99.toFixed(1) ?? "-"} ms, tracking form p99 ${track?.p99.toFixed(1) ?? "-"} ms)`
  );
}
