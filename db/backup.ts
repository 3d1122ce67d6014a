import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/**
 * A consistent copy of a live SQLite file, taken with SQLite's online backup API: readers and
 * writers carry on while it runs, and the copy is one point in time.
 */
export async function backupSqlite(source: string, targetDir: string, now = new Date()): Promise<string> {
  fs.mkdirSync(targetDir, { recursive: true });
  const target = path.join(targetDir, `portal-${now.toISOString().replace(/[:.]/g, "-")}.sqlite`);
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  return target;
}
