/**
 * Store tests run once per dialect: a fresh SQLite file, and a fresh PostgreSQL database at
 * TEST_DATABASE_URL. Outside CI an unreachable PostgreSQL is reported as skipped; in CI it fails.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { openStore, type Store } from "../../db/connect";
import type { DialectName } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrate";

const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresAvailable = await postgresAnswers();
if (!postgresAvailable && process.env.CI) {
  throw new Error(`PostgreSQL does not answer at ${ADMIN_URL}; CI must run the store tests on both dialects`);
}

export type TestStore = Store & { drop: () => Promise<void> };

export async function createTestStore(dialect: DialectName, { migrate = true } = {}): Promise<TestStore> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pscg-store-"));
    const store = openStore({ dialect: "sqlite", path: path.join(dir, "portal.sqlite") });
    if (migrate) await migrateToLatest(store.db);
    return {
      ...store,
      drop: async () => {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `pscg_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = openStore({ dialect: "postgres", url: url.toString() }, { poolSize: 4 });
  if (migrate) await migrateToLatest(store.db);
  return {
    ...store,
    drop: async () => {
      await store.close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      // The pool has ended; a backend may take a moment to go. Forcing it would make the driver
      // report "terminating connection" on a client that is already being discarded.
      for (let attempt = 0; ; attempt += 1) {
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
          break;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await cleanup.end();
    },
  };
}

/** Declares the same suite for SQLite and PostgreSQL; `store()` gives the suite's fresh, migrated store. */
export function describeEachStore(title: string, suite: (store: () => TestStore) => void, options = { migrate: true }) {
  for (const dialect of ["sqlite", "postgres"] as const) {
    describe.skipIf(dialect === "postgres" && !postgresAvailable)(`${title} [${dialect}]`, () => {
      let current: TestStore | undefined;
      beforeAll(async () => {
        current = await createTestStore(dialect, options);
      });
      afterAll(async () => {
        await current?.drop();
      });
      suite(() => {
        if (!current) throw new Error("store not ready");
        return current;
      });
    });
  }
}
