import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { expect, it } from "vitest";
import { backupSqlite } from "./backup";
import { openStore } from "./connect";
import { migrateToLatest } from "./migrate";
import { seedReferenceData } from "./seed";

it("copies a live SQLite store consistently while it is being written", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-backup-"));
  const file = path.join(dir, "portal.sqlite");
  const store = openStore({ dialect: "sqlite", path: file });
  await migrateToLatest(store.db);
  await seedReferenceData(store.db);
  const writes = (async () => {
    for (let i = 0; i < 200; i += 1) {
      await store.db
        .insertInto("rate_limit")
        .values({ key: `k${i}`, hits: 1, reset_at: new Date().toISOString() })
        .execute();
    }
  })();
  const copy = await backupSqlite(file, path.join(dir, "backups"));
  await writes;
  await store.close();

  const restored = new SQLite(copy, { readonly: true });
  expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
  expect((restored.prepare("SELECT count(*) AS n FROM center").get() as { n: number }).n).toBeGreaterThan(0);
  const migrations = restored.prepare("SELECT name FROM kysely_migration").all();
  expect(migrations.length).toBeGreaterThan(0);
  restored.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
