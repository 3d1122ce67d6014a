/**
 * Online backup under write load (SQLite): writers keep submitting through the pages while
 * `backupSqlite` (what `npm run db:backup` runs) copies the live file; the copy is restored to a
 * fresh file in a fresh data directory, checked, and served by the production server, which must
 * find there an application acknowledged before the backup began.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { freePort } from "../../bench/server-process";
import { backupSqlite } from "../../db/backup";
import { openStore } from "../../db/connect";
import { checkAcknowledged, checkAuditChain, checkIntegrity } from "./checks";
import type { JourneyFiles } from "./journey";
import { Portal, type PortalConfig } from "./portal";
import { Writers } from "./writers";

export type BackupResult = {
  backupMs: number;
  /** Writers in the middle of a request when the copy began. */
  writersMidRequest: number;
  acknowledgedDuringBackup: number;
  /** Applications in the live store once the writers stopped, against the copy's. */
  liveApplications: number;
  tables: number;
  rowCounts: Record<string, number>;
  countsEqual: boolean;
  /** Applications, their audit events and receipt mails in the copy: one point in time, so equal. */
  consistent: boolean;
  acknowledgedBefore: number;
  lostFromBackup: number;
  integrity: { ok: boolean; detail: string };
  auditChain: { ok: boolean; detail: string };
  restoredServes: boolean;
  seconds: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rowCounts(file: string): Promise<Record<string, number>> {
  const store = openStore({ dialect: "sqlite", path: file });
  try {
    const tables = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(store.db);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows)
      counts[name] = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(store.db)).rows[0]!.n);
    return counts;
  } finally {
    await store.close();
  }
}

export async function runBackupUnderLoad(
  config: PortalConfig,
  files: JourneyFiles,
  writerCount: number,
  workDir: string,
): Promise<BackupResult> {
  const started = performance.now();
  const source = config.databaseUrl.slice("file:".length);
  const portal = new Portal(config);
  await portal.start();
  const writers = new Writers(portal.baseUrl, files, { up: () => portal.running, generation: () => 1 });
  writers.start(writerCount);
  let backupFile: string;
  let acknowledgedBefore: string[];
  let backupMs: number;
  let acknowledgedDuringBackup: number;
  let writersMidRequest: number;
  try {
    // Let the writers get going, so the copy is taken with submissions in every stage.
    while (writers.figures.acknowledged.length < writerCount * 2) await sleep(50);
    acknowledgedBefore = [...writers.figures.acknowledged];
    writersMidRequest = writers.inFlight().filter((step) => step !== "idle").length;
    const t0 = performance.now();
    backupFile = await backupSqlite(source, path.join(workDir, "backups"));
    backupMs = performance.now() - t0;
    acknowledgedDuringBackup = writers.figures.acknowledged.length - acknowledgedBefore.length;
    await sleep(1_000);
  } finally {
    await writers.stop();
    await portal.stop();
  }
  if (writers.figures.failures.length) throw new Error(`writers failed during the backup: ${writers.figures.failures[0]}`);

  // Restore as an operator would: the copy becomes the store of a fresh data directory.
  const restoredDir = path.join(workDir, "restored");
  fs.mkdirSync(restoredDir, { recursive: true });
  const restoredFile = path.join(restoredDir, "portal.sqlite");
  fs.copyFileSync(backupFile, restoredFile);

  const liveApplications = (await rowCounts(source)).application ?? 0;
  const backupCounts = await rowCounts(backupFile);
  const restoredCounts = await rowCounts(restoredFile);
  const countsEqual = JSON.stringify(backupCounts) === JSON.stringify(restoredCounts);

  const store = openStore({ dialect: "sqlite", path: restoredFile });
  let result: Omit<BackupResult, "restoredServes" | "seconds">;
  try {
    const check = await checkAcknowledged(store.db, acknowledgedBefore);
    const submittedEvents = Number(
      (
        await store.db
          .selectFrom("audit_event")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("action", "=", "application.submitted")
          .executeTakeFirstOrThrow()
      ).n,
    );
    const integrity = await checkIntegrity(store.db, "sqlite");
    const auditChain = await checkAuditChain(store.db);
    result = {
      backupMs,
      writersMidRequest,
      acknowledgedDuringBackup,
      liveApplications,
      tables: Object.keys(restoredCounts).length,
      rowCounts: restoredCounts,
      countsEqual,
      consistent: restoredCounts.application === submittedEvents && restoredCounts.application === restoredCounts.mail_outbox,
      acknowledgedBefore: acknowledgedBefore.length,
      lostFromBackup: check.lost,
      integrity: { ok: integrity.ok, detail: integrity.detail },
      auditChain: { ok: auditChain.ok, detail: auditChain.detail },
    };
  } finally {
    await store.close();
  }

  // The restored file must be a store the program runs on, with the applications in it.
  const restored = new Portal({ ...config, port: await freePort(), dataDir: restoredDir, databaseUrl: `file:${restoredFile}` });
  let restoredServes = false;
  await restored.start();
  try {
    const ready = await fetch(`${restored.baseUrl}/readyz`);
    const body = new URLSearchParams({
      reference: acknowledgedBefore[0]!,
      dateOfBirthDay: "14",
      dateOfBirthMonth: "3",
      dateOfBirthYear: "1990",
    });
    const tracked = await fetch(`${restored.baseUrl}/en/track?index`, { method: "POST", body, redirect: "manual" });
    restoredServes =
      ready.status === 200 && tracked.status === 302 && (tracked.headers.get("location") ?? "").startsWith("/en/track/status");
  } finally {
    await restored.stop();
  }
  return { ...result, restoredServes, seconds: (performance.now() - started) / 1000 };
}

export function backupLine(r: BackupResult): string {
  const c = r.rowCounts;
  return (
    `backup: online copy in ${r.backupMs.toFixed(0)} ms under write load (${r.writersMidRequest} writers mid-request as it began, ${r.acknowledgedDuringBackup} submissions confirmed while it ran; live store ${r.liveApplications} applications after, copy ${c.application}), restored to a fresh file: ` +
    `integrity ${r.integrity.ok ? "ok" : "FAILED"}, row counts ${r.countsEqual ? "equal" : "DIFFER"} over ${r.tables} tables ` +
    `(application ${c.application}, document ${c.document}, blob ${c.blob}, audit_event ${c.audit_event}, mail_outbox ${c.mail_outbox}, draft ${c.draft}), ` +
    `applications = audit events = receipts: ${r.consistent ? "yes" : "NO"}, ${r.acknowledgedBefore - r.lostFromBackup}/${r.acknowledgedBefore} acknowledged before it present, ` +
    `audit chain ${r.auditChain.ok ? "ok" : "FAILED"} (${r.auditChain.detail}), restored store serves tracking: ${r.restoredServes ? "yes" : "NO"}`
  );
}

export function backupChecks(r: BackupResult): Record<string, boolean> {
  return {
    "backup: integrity": r.integrity.ok,
    "backup: row counts equal after restore": r.countsEqual,
    "backup: one point in time (applications, audit events, receipts)": r.consistent,
    "backup: acknowledged before it present": r.lostFromBackup === 0,
    "backup: audit chain": r.auditChain.ok,
    "backup: restored store serves": r.restoredServes,
    "backup: taken while writes went on": r.writersMidRequest > 0 && r.liveApplications > (r.rowCounts.application ?? 0),
  };
}
