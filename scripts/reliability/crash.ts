/**
 * kill -9 under write load on one store: writers submit applications through the pages while the
 * server process is killed at random moments and started again, `cycles` times; then the store is
 * checked (checks.ts).
 */
import { openStore, parseDatabaseUrl } from "../../db/connect";
import type { DialectName } from "../../db/dialect";
import {
  type AcknowledgedCheck,
  type BlobCheck,
  checkAcknowledged,
  checkAuditChain,
  checkIntegrity,
  checkUnreferencedBlobs,
  type IntegrityCheck,
} from "./checks";
import type { JourneyFiles } from "./journey";
import type { Portal } from "./portal";
import { Writers } from "./writers";

export type CrashOptions = { cycles: number; writers: number; minKillMs: number; maxKillMs: number; log: (line: string) => void };

export type CrashResult = {
  store: DialectName;
  /** What the confirmation pages showed, in order. */
  references: string[];
  cycles: number;
  kills: number;
  /** Kills that found at least one writer in the middle of a request, and where they were. */
  killsMidRequest: number;
  stepsAtKill: Record<string, number>;
  /** Steps a kill cut short, sent again after the restart (as a person would press the button again). */
  retriedSteps: number;
  resumedJourneys: number;
  writerFailures: string[];
  restartMs: { median: number; max: number };
  check: AcknowledgedCheck;
  /** The lost-reference check, given a reference never issued, reports it lost. */
  controlDetectsLoss: boolean;
  integrity: IntegrityCheck;
  auditChain: { ok: boolean; checked: number; detail: string };
  blobs: BlobCheck;
  serverErrors: Record<string, number>;
  seconds: number;
};

/** Well-formed (its check symbol is right) and, among random references, as good as never issued. */
const NEVER_ISSUED = "PCC-2222-222A";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCrashCycles(
  dialect: DialectName,
  portal: Portal,
  databaseUrl: string,
  documentKey: Uint8Array,
  files: JourneyFiles,
  options: CrashOptions,
): Promise<CrashResult> {
  const started = performance.now();
  let up = false;
  let generation = 0;
  const writers = new Writers(portal.baseUrl, files, { up: () => up, generation: () => generation });
  const restarts: number[] = [];
  const stepsAtKill: Record<string, number> = {};
  let killsMidRequest = 0;
  writers.start(options.writers);
  try {
    for (let cycle = 1; cycle <= options.cycles; cycle += 1) {
      restarts.push(await portal.start());
      generation += 1;
      up = true;
      await sleep(options.minKillMs + Math.random() * (options.maxKillMs - options.minKillMs));
      // Down first, so a writer whose request fails from here on counts it as cut by the kill.
      up = false;
      const busy = writers.inFlight().filter((step) => step !== "idle");
      await portal.kill();
      if (busy.length > 0) killsMidRequest += 1;
      for (const step of busy) stepsAtKill[step] = (stepsAtKill[step] ?? 0) + 1;
      if (cycle % 10 === 0 || cycle === options.cycles)
        options.log(`${dialect}: ${cycle}/${options.cycles} kills, ${writers.figures.acknowledged.length} acknowledged so far`);
    }
  } finally {
    await writers.stop();
    // A cycle that threw (a server that did not come back) must not leave the process behind.
    await portal.kill();
  }
  // The store must come up after the last kill as after every other one, then stop cleanly.
  restarts.push(await portal.start());
  await portal.stop();

  const store = openStore(parseDatabaseUrl(databaseUrl));
  try {
    const blobs = await checkUnreferencedBlobs(store.db, documentKey);
    // After housekeeping, so a sweep that took bytes still in use would show as incomplete here.
    const check = await checkAcknowledged(store.db, writers.figures.acknowledged);
    // A control: a reference no one was given must come out lost, or "0 lost" proves nothing.
    const control = await checkAcknowledged(store.db, [NEVER_ISSUED]);
    const integrity = await checkIntegrity(store.db, dialect);
    const auditChain = await checkAuditChain(store.db);
    const sorted = [...restarts].sort((a, b) => a - b);
    return {
      store: dialect,
      references: writers.figures.acknowledged,
      cycles: options.cycles,
      kills: options.cycles,
      killsMidRequest,
      stepsAtKill,
      retriedSteps: Object.values(writers.figures.retriedSteps).reduce((a, b) => a + b, 0),
      resumedJourneys: writers.figures.resumedJourneys,
      writerFailures: writers.figures.failures,
      restartMs: { median: Math.round(sorted[Math.floor(sorted.length / 2)]!), max: Math.round(sorted[sorted.length - 1]!) },
      check,
      controlDetectsLoss: control.lost === 1,
      integrity,
      auditChain,
      blobs,
      serverErrors: Object.fromEntries(portal.errors),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await store.close();
  }
}

/** The per-store line the issue asks for, plus what it rests on. */
export function crashLines(r: CrashResult): string[] {
  const c = r.check;
  const steps = Object.entries(r.stepsAtKill)
    .sort((a, b) => b[1] - a[1])
    .map(([step, n]) => `${step} ${n}`)
    .join(", ");
  return [
    `${r.store}: ${c.acknowledged} acknowledged, ${c.lost} lost, ${c.duplicated} duplicated, integrity ${r.integrity.ok ? "ok" : "FAILED"}, audit chain ${r.auditChain.ok ? "ok" : "FAILED"}, orphaned blobs ${r.blobs.left}`,
    `  ${r.kills} kills (SIGKILL to the server's PID), ${r.killsMidRequest} with a writer mid-request (writers at: ${steps || "none"}); ${r.retriedSteps} cut steps sent again after the restart, ${r.resumedJourneys} acknowledged journeys went on across a kill; ${c.unacknowledgedInStore} applications stored that no client saw confirmed`,
    `  ${c.incomplete} acknowledged applications without their 4 documents or audit event; ${r.writerFailures.length} journeys failed with the server up${r.writerFailures.length ? ` (first: ${r.writerFailures[0]})` : ""}`,
    `  integrity: ${r.integrity.method}: ${r.integrity.detail}; audit chain: ${r.auditChain.detail}`,
    `  unreferenced blobs: ${r.blobs.fromKills} left by kills + ${r.blobs.planted} planted, housekeeping removed ${r.blobs.removed}, ${r.blobs.left} left`,
    `  restart to /healthz: median ${r.restartMs.median} ms, max ${r.restartMs.max} ms; server error lines: ${Object.values(r.serverErrors).reduce((a, b) => a + b, 0)}${Object.keys(r.serverErrors).length ? ` (${Object.keys(r.serverErrors).slice(0, 3).join("; ")})` : ""}; ${r.seconds.toFixed(0)} s`,
  ];
}

/** The crash checks that must pass for the run to pass. */
export function crashChecks(r: CrashResult): Record<string, boolean> {
  return {
    [`${r.store}: none lost`]: r.check.lost === 0,
    [`${r.store}: the check finds a reference never issued lost (control)`]: r.controlDetectsLoss,
    [`${r.store}: none duplicated`]: r.check.duplicated === 0,
    [`${r.store}: acknowledged applications complete`]: r.check.incomplete === 0,
    [`${r.store}: something acknowledged`]: r.check.acknowledged > 0,
    [`${r.store}: integrity`]: r.integrity.ok,
    [`${r.store}: audit chain`]: r.auditChain.ok,
    [`${r.store}: no orphaned blobs after housekeeping`]: r.blobs.left === 0 && r.blobs.removed >= r.blobs.planted,
    [`${r.store}: no journey failed with the server up`]: r.writerFailures.length === 0,
    [`${r.store}: no server errors logged`]: Object.keys(r.serverErrors).length === 0,
  };
}
