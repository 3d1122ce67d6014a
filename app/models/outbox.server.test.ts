import { describe, expect, it } from "vitest";
import { forUpdateSkipLocked } from "../../db/dialect";
import { describeEachStore } from "../../test/support/stores";
import {
  claimDueMails,
  countPendingMails,
  enqueueMail,
  MAIL_MAX_ATTEMPTS,
  mailRetryDelayMs,
  markFailed,
  markSent,
  releaseClaimedMails,
  sanitizeMailError,
} from "./outbox.server";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe("mail retry schedule", () => {
  it("doubles from one minute, caps at six hours and spans more than a day before giving up", () => {
    const delays = Array.from({ length: MAIL_MAX_ATTEMPTS - 1 }, (_, i) => mailRetryDelayMs(i + 1) / MIN);
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
    const span = delays.reduce((a, b) => a + b, 0) * MIN;
    expect(span).toBeGreaterThan(24 * 60 * MIN);
  });

  it("keeps stored errors short and without addresses", () => {
    const stored = sanitizeMailError(`550 5.1.1 <amina.khan@example.org>: Recipient\n rejected ${"x".repeat(500)}`);
    expect(stored).not.toContain("@");
    expect(stored).not.toContain("amina");
    expect(stored).not.toContain("\n");
    expect(stored.length).toBeLessThanOrEqual(200);
    expect(stored.startsWith("550 5.1.1 <[address]>: Recipient rejected")).toBe(true);
  });
});

describeEachStore("mail outbox", (store) => {
  const t0 = new Date("2026-11-28T10:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const mail = (n: number) => ({ to: `person${n}@example.org`, language: "ur", subject: `Subject ${n}`, text: `Body ${n}` });

  async function clearOutbox() {
    await store().db.deleteFrom("mail_outbox").execute();
  }

  it("is written with the change that causes it, or not at all", async () => {
    const { db } = store();
    await clearOutbox();
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueMail(trx, mail(1), t0);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await countPendingMails(db)).toBe(0);

    const id = await db.transaction().execute((trx) => enqueueMail(trx, { ...mail(2), html: "<p>Body 2</p>" }, t0));
    const row = await db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      to_address: "person2@example.org",
      language: "ur",
      html_body: "<p>Body 2</p>",
      status: "pending",
      next_attempt_at: t0.toISOString(),
      created_at: t0.toISOString(),
      sent_at: null,
      last_error: null,
    });
    expect(Number(row.attempts)).toBe(0);
    expect(await countPendingMails(db)).toBe(1);
  });

  it("claims due mail under a lease, and retries a crashed sender's mail after it", async () => {
    const { db } = store();
    await clearOutbox();
    const due = await enqueueMail(db, mail(1), t0);
    await enqueueMail(db, mail(2), at(10 * MIN)); // not due yet

    const [claimed, ...rest] = await claimDueMails(db, { limit: 10, now: at(MIN), leaseMs: 5 * MIN });
    expect(rest).toEqual([]);
    expect(claimed).toEqual({
      id: due,
      to: "person1@example.org",
      language: "ur",
      subject: "Subject 1",
      text: "Body 1",
      html: null,
      attempt: 1,
    });
    const row = await db.selectFrom("mail_outbox").selectAll().where("id", "=", due).executeTakeFirstOrThrow();
    expect(row.next_attempt_at).toBe(at(6 * MIN).toISOString());

    // While the lease runs nobody else takes it; after it (the sender died) it comes back.
    expect(await claimDueMails(db, { limit: 10, now: at(5 * MIN), leaseMs: 5 * MIN })).toEqual([]);
    const again = await claimDueMails(db, { limit: 10, now: at(6 * MIN), leaseMs: 5 * MIN });
    expect(again.map((m) => [m.id, m.attempt])).toEqual([[due, 2]]);
  });

  it("gives concurrent claims disjoint sets", async () => {
    const { db } = store();
    await clearOutbox();
    const ids = new Set<string>();
    for (let n = 0; n < 12; n++) ids.add(await enqueueMail(db, mail(n), t0));
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimDueMails(db, { limit: 4, now: at(MIN), leaseMs: 5 * MIN })));
    const claimed = claims.flat().map((m) => m.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(new Set(claimed)).toEqual(ids);
  });

  it("skips rows another transaction has locked instead of waiting (PostgreSQL)", async (ctx) => {
    const { db, dialect } = store();
    if (dialect !== "postgres") ctx.skip();
    await clearOutbox();
    for (let n = 0; n < 4; n++) await enqueueMail(db, mail(n), t0);
    await db.transaction().execute(async (trx) => {
      const locked = await forUpdateSkipLocked(trx.selectFrom("mail_outbox").select("id").orderBy("id").limit(2), trx).execute();
      const other = await claimDueMails(db, { limit: 10, now: at(MIN), leaseMs: 5 * MIN });
      expect(other).toHaveLength(2);
      expect(other.map((m) => m.id)).not.toContain(locked[0]?.id);
      expect(other.map((m) => m.id)).not.toContain(locked[1]?.id);
    });
  });

  it("adds row locking only on PostgreSQL", () => {
    const { db, dialect } = store();
    const compiled = forUpdateSkipLocked(db.selectFrom("mail_outbox").select("id"), db).compile().sql.toLowerCase();
    if (dialect === "postgres") expect(compiled).toContain("for update skip locked");
    else expect(compiled).not.toContain("for update");
  });

  it("marks a mail sent once", async () => {
    const { db } = store();
    await clearOutbox();
    const id = await enqueueMail(db, mail(1), t0);
    await claimDueMails(db, { limit: 1, now: t0, leaseMs: MIN });
    expect(await markSent(db, id, at(1_000))).toBe(true);
    expect(await markSent(db, id, at(2_000))).toBe(false);
    const row = await db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", sent_at: at(1_000).toISOString(), last_error: null });
    expect(await countPendingMails(db)).toBe(0);
    expect(await claimDueMails(db, { limit: 1, now: at(DAY), leaseMs: MIN })).toEqual([]);
  });

  it("backs off exponentially and gives up after the last attempt", async () => {
    const { db } = store();
    await clearOutbox();
    const id = await enqueueMail(db, mail(1), t0);
    let now = t0;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      const [claimed] = await claimDueMails(db, { limit: 1, now, leaseMs: 5 * MIN });
      expect(claimed?.attempt).toBe(attempt);
      const outcome = await markFailed(db, id, "ECONNECTION ECONNREFUSED CONN to person1@example.org", now);
      if (attempt < MAIL_MAX_ATTEMPTS) {
        expect(outcome).toMatchObject({ outcome: "retry", attempts: attempt });
        if (outcome?.outcome !== "retry") throw new Error("expected a retry");
        waits.push((outcome.nextAttemptAt.getTime() - now.getTime()) / MIN);
        // Not due a moment before the backoff ends.
        expect(await claimDueMails(db, { limit: 1, now: new Date(outcome.nextAttemptAt.getTime() - 1), leaseMs: MIN })).toEqual([]);
        now = outcome.nextAttemptAt;
      } else {
        expect(outcome).toEqual({ outcome: "failed", attempts: MAIL_MAX_ATTEMPTS });
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
    const row = await db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("failed");
    expect(Number(row.attempts)).toBe(MAIL_MAX_ATTEMPTS);
    expect(row.last_error).toBe("ECONNECTION ECONNREFUSED CONN to [address]");
    expect(await countPendingMails(db)).toBe(0);
    expect(await claimDueMails(db, { limit: 1, now: at(30 * DAY), leaseMs: MIN })).toEqual([]);
    expect(await markFailed(db, id, "again", now)).toBeNull();
  });

  it("hands back claimed mail that was not tried", async () => {
    const { db } = store();
    await clearOutbox();
    await enqueueMail(db, mail(1), t0);
    await enqueueMail(db, mail(2), t0);
    const claimed = await claimDueMails(db, { limit: 2, now: t0, leaseMs: 5 * MIN });
    expect(await releaseClaimedMails(db, claimed, at(1_000))).toBe(2);
    const again = await claimDueMails(db, { limit: 2, now: at(1_000), leaseMs: 5 * MIN });
    expect(again.map((m) => m.attempt)).toEqual([1, 1]);
  });
});
