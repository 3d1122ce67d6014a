/** `npm run db:backup`: an online, consistent copy of the SQLite store in data/backups/. */
import path from "node:path";
import { backupSqlite } from "../db/backup";
import { parseDatabaseUrl } from "../db/connect";

const target = parseDatabaseUrl(process.env.DATABASE_URL || undefined);
if (target.dialect !== "sqlite") {
  console.error("The store is PostgreSQL: back it up with pg_dump or your provider's snapshots.");
  process.exit(1);
}
const dir = process.argv[2] ?? path.join(process.env.DATA_DIR || "data", "backups");
const file = await backupSqlite(target.path, dir);
console.log(`backup written: ${file}`);
