/** Direct access to the end-to-end server's SQLite file (see playwright.config.ts). */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { countStatusChangeWrites } from "../../app/models/dashboard.server";
import { executeWrites } from "../../db/dialect";
import { askForInformation } from "../../app/models/information-request.server";
import { openStore, type Store } from "../../db/connect";
import { E2E_DATA_DIR } from "../../playwright.config";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const E2E_DATABASE = path.resolve(ROOT, E2E_DATA_DIR, "portal.sqlite");

/** The e2e SQLite file opened directly, for arranging data and reading what the app wrote. */
export function withDb<T>(use: (db: Database.Database) => T): T {
  const db = new Database(E2E_DATABASE, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Stores a fresh setup token (hashed, as the app does) valid for `ttlMs`, and returns the raw token. */
export function insertSetupToken(ttlMs = 60 * 60 * 1000): string {
  const token = randomBytes(24).toString("base64url");
  const now = new Date();
  withDb((db) =>
    db
      .prepare("INSERT INTO setup_token (token_hash, created_at, expires_at, used_at) VALUES (?, ?, ?, NULL)")
      .run(createHash("sha256").update(token).digest("hex"), now.toISOString(), new Date(now.getTime() + ttlMs).toISOString()),
  );
  return token;
}

export function findStaffUser(email: string): { id: string; role: string } | undefined {
  return withDb(
    (db) => db.prepare("SELECT id, role FROM staff_user WHERE email = ?").get(email) as { id: string; role: string } | undefined,
  );
}

export function auditEvents(action: string, entityId: string): { action: string; entity_type: string }[] {
  return withDb(
    (db) =>
      db.prepare("SELECT action, entity_type FROM audit_event WHERE action = ? AND entity_id = ?").all(action, entityId) as {
        action: string;
        entity_type: string;
      }[],
  );
}

/** The e2e store through the app's own models (Kysely), for steps a staff member would take. */
export async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore({ dialect: "sqlite", path: E2E_DATABASE });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export type StaffRow = { email: string; displayName: string; passwordHash: string; role: string; centerSlug: string | null };

/** A staff account as the admin pages will make it: a password, no second factor yet. Returns its id. */
export function insertStaffUser(user: StaffRow): string {
  const id = randomUUID();
  const now = new Date().toISOString();
  withDb((db) =>
    db
      .prepare(
        "INSERT INTO staff_user (id, email, display_name, password_hash, role, center_slug, totp_secret, disabled_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)",
      )
      .run(id, user.email.toLowerCase(), user.displayName, user.passwordHash, user.role, user.centerSlug, now, now),
  );
  return id;
}

/** Audit actions recorded about one record, oldest first. */
export function auditActions(entityId: string): string[] {
  return withDb((db) =>
    (db.prepare("SELECT action FROM audit_event WHERE entity_id = ? ORDER BY seq").all(entityId) as { action: string }[]).map(
      (r) => r.action,
    ),
  );
}

/** How many events of one kind were recorded at or after `sinceIso`. */
export function countAuditEvents(action: string, sinceIso: string): number {
  return withDb(
    (db) =>
      (db.prepare("SELECT COUNT(*) AS n FROM audit_event WHERE action = ? AND occurred_at >= ?").get(action, sinceIso) as { n: number }).n,
  );
}

export type CertificateRow = {
  id: string;
  number: string;
  pdf_sha256: string;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
  verification_count: number;
};

/** A certificate as stored, by its number. */
export function certificateRow(number: string): CertificateRow | undefined {
  return withDb(
    (db) =>
      db
        .prepare("SELECT id, number, pdf_sha256, issued_at, expires_at, revoked_at, verification_count FROM certificate WHERE number = ?")
        .get(number) as CertificateRow | undefined,
  );
}

/** Moves a certificate's expiry (to test "expired" without waiting 180 days). */
export function setCertificateExpiry(number: string, expiresAt: string): void {
  withDb((db) => db.prepare("UPDATE certificate SET expires_at = ? WHERE number = ?").run(expiresAt, number));
}

/**
 * The officer's side of a question to the applicant, driven through the app's own model: a Gujrat
 * officer takes the case and asks `question`, so the tracking page shows it for an answer.
 */
export async function askApplicant(reference: string, question: string): Promise<void> {
  await withStore(async ({ db }) => {
    const application = await db.selectFrom("application").select("id").where("reference", "=", reference).executeTakeFirstOrThrow();
    const officer = `officer-${randomUUID()}`;
    const stamp = new Date().toISOString();
    await db
      .insertInto("staff_user")
      .values({
        id: officer,
        email: `${officer}@police.example`,
        display_name: "Officer",
        password_hash: null,
        role: "officer",
        center_slug: "gujrat",
        totp_secret: null,
        disabled_at: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    // Taken as the case model takes it, so the dashboard's counts stay those of the store. The read
    // comes before the transaction: a transaction that reads and then writes fails at once with
    // "database is locked" (SQLITE_BUSY_SNAPSHOT, no busy wait) when the server, another process,
    // wrote in between, as its outbox worker does when it sends the receipt just submitted.
    const before = await db
      .selectFrom("application")
      .select(["status", "submitted_at"])
      .where("id", "=", application.id)
      .executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("application").set({ status: "in_review", assigned_to: officer }).where("id", "=", application.id).execute();
      await executeWrites(trx, countStatusChangeWrites(trx, { submittedAt: before.submitted_at, from: before.status, to: "in_review" }));
    });
    const asked = await askForInformation(db, { applicationId: application.id, question, staffUserId: officer });
    if (!asked.ok) throw new Error(`the question could not be asked: ${JSON.stringify(asked)}`);
  });
}
