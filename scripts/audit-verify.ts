/** `npm run audit:verify`: checks the audit log's hash chain; exits 1 and names the first broken row. */
import { verifyAuditChain } from "../app/models/audit.server";
import { openStore, parseDatabaseUrl } from "../db/connect";

const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL || undefined));
try {
  const report = await verifyAuditChain(store.db);
  if (report.ok) {
    console.log(`audit chain intact: ${report.checked} event(s) checked`);
  } else {
    console.error(`audit chain broken at seq ${report.seq}: ${report.reason} (${report.checked} event(s) before it are intact)`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
