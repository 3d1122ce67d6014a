/** `npm run db:migrate`: brings the store named by DATABASE_URL to the latest schema. */
import { openStore, parseDatabaseUrl } from "../db/connect";
import { migrateToLatest } from "../db/migrate";
import { seedReferenceData } from "../db/seed";

const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL || undefined));
try {
  const results = await migrateToLatest(store.db);
  await seedReferenceData(store.db);
  for (const r of results) console.log(`${r.status === "Success" ? "applied" : r.status}: ${r.migrationName}`);
  console.log(results.length ? `${results.length} migration(s) applied (${store.dialect})` : `already up to date (${store.dialect})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}
