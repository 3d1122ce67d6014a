/**
 * The outbox worker against a real SMTP server in-process, on both store dialects: what arrives,
 * how often, and what happens while the server is down or refusing mail.
 */
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { countPendingMails, enqueueMail, MAIL_MAX_ATTEMPTS, type MailInput } from "../app/models/outbox.server";
import { parseEnv } from "../app/utils/env.server";
import { createMailTransport, type MailTransport } from "../app/utils/mailer.server";
import { describeEachStore } from "../test/support/stores";
import { drainOutbox, startMailWorker } from "./mail-worker";
import { startTestSmtpServer, type TestSmtpServer } from "../test/support/smtp-server";

const FROM = "Police Service Centers Global <no-reply@pscg.example>";
const MIN = 60_000;
const t0 = new Date("2026-11-28T10:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

const URDU_SUBJECT = "درخواست موصول ہو گئی";
const GREEK_TEXT = "Η αίτησή σας ελήφθη. Αριθμός αναφοράς: PCC-7K3M-9QXD.\nΕυχαριστούμε — شکریہ";

/** Every log line the worker writes, to prove none of them carries personal data. */
const logLines: string[] = [];
const logger = pino(
  { level: "debug" },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);

function transportFor(port: number): MailTransport {
  const transport = createMailTransport(parseEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) }), logger);
  if (!transport) throw new Error("expected a transport");
  return transport;
}

describeEachStore("mail worker", (store) => {
  let smtp: TestSmtpServer;
  let transport: MailTransport;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    transport = transportFor(smtp.port);
  });
  afterAll(async () => {
    transport.close();
    await smtp.close();
  });
  afterEach(async () => {
    smtp.reject(false);
    smtp.rejectRecipients(false);
    smtp.messages.length = 0;
    await store().db.deleteFrom("mail_outbox").execute();
  });

  const drain = (now: Date, extra: { batchSize?: number } = {}) =>
    drainOutbox({ db: store().db, transport, from: FROM, logger, clock: () => now, ...extra });
  const rowOf = (id: string) => store().db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  const confirmation: MailInput = {
    to: "amina.khan@example.org",
    language: "ur",
    subject: URDU_SUBJECT,
    text: `${URDU_SUBJECT}\n${GREEK_TEXT}`,
    html: `<p dir="rtl" lang="ur">${URDU_SUBJECT}</p><p lang="el">Η αίτησή σας ελήφθη.</p>`,
  };

  it("delivers a queued mail exactly once, with Urdu and Greek intact, and marks it sent", async () => {
    const { db } = store();
    const id = await db.transaction().execute((trx) => enqueueMail(trx, confirmation, t0));

    expect(await drain(at(1_000))).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, released: 0 });
    expect(await drain(at(2_000))).toMatchObject({ claimed: 0, sent: 0 });

    expect(smtp.messages).toHaveLength(1);
    const [received] = smtp.messages;
    expect(received?.envelopeTo).toEqual(["amina.khan@example.org"]);
    expect(received?.envelopeFrom).toBe("no-reply@pscg.example");
    expect(received?.headers["to"]).toBe("amina.khan@example.org");
    expect(received?.subject).toBe(URDU_SUBJECT);
    expect(received?.text?.trimEnd()).toBe(`${URDU_SUBJECT}\n${GREEK_TEXT}`);
    expect(received?.html).toContain(URDU_SUBJECT);
    expect(received?.html).toContain("Η αίτησή σας ελήφθη.");
    expect(received?.headers["content-language"]).toBe("ur");
    expect(received?.messageId).toBe(`<${id}@pscg.example>`);

    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "sent", sent_at: at(1_000).toISOString(), last_error: null });
    expect(Number(row.attempts)).toBe(1);
    expect(await countPendingMails(db)).toBe(0);
  });

  it("keeps mail pending while the server refuses it (451), then delivers it", async () => {
    const id = await enqueueMail(store().db, confirmation, t0);
    smtp.reject(true, 451);

    expect(await drain(t0)).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    expect(smtp.messages).toHaveLength(0);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "pending", next_attempt_at: at(MIN).toISOString(), sent_at: null });
    expect(Number(row.attempts)).toBe(1);
    expect(row.last_error).toContain("451");
    expect(row.last_error).not.toContain("@");

    // Not due before the backoff ends, even with the server back.
    smtp.reject(false);
    expect(await drain(at(MIN - 1))).toMatchObject({ claimed: 0 });
    expect(await drain(at(MIN))).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.subject).toBe(URDU_SUBJECT);
    expect((await rowOf(id)).status).toBe("sent");
  });

  it("keeps mail pending while the server is down (connection refused), then delivers it", async () => {
    const id = await enqueueMail(store().db, confirmation, t0);
    const port = smtp.port;
    await smtp.close();
    try {
      expect(await drain(t0)).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
      expect(await drain(at(MIN))).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    } finally {
      smtp = await startTestSmtpServer({ port });
    }
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "pending", next_attempt_at: at(MIN + 2 * MIN).toISOString() });
    expect(Number(row.attempts)).toBe(2);
    expect(row.last_error).toMatch(/ECONNREFUSED/);

    expect(await drain(at(3 * MIN))).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.envelopeTo).toEqual(["amina.khan@example.org"]);
    expect((await rowOf(id)).status).toBe("sent");
  });

  it("sends each mail once when two workers drain at the same time", async () => {
    const { db } = store();
    const ids = new Set<string>();
    for (let n = 0; n < 12; n++) {
      ids.add(await enqueueMail(db, { ...confirmation, to: `applicant${n}@example.org`, subject: `${URDU_SUBJECT} ${n}` }, t0));
    }
    const other = transportFor(smtp.port);
    try {
      const results = await Promise.all([
        drain(at(1_000), { batchSize: 2 }),
        drainOutbox({ db, transport: other, from: FROM, logger, clock: () => at(1_000), batchSize: 2 }),
      ]);
      expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
      expect(results.reduce((sum, r) => sum + r.claimed, 0)).toBe(12);
    } finally {
      other.close();
    }
    expect(smtp.messages).toHaveLength(12);
    const messageIds = smtp.messages.map((m) => m.messageId);
    expect(new Set(messageIds).size).toBe(12);
    expect(new Set(messageIds)).toEqual(new Set([...ids].map((id) => `<${id}@pscg.example>`)));
    expect(new Set(smtp.messages.flatMap((m) => m.envelopeTo)).size).toBe(12);
    const statuses = await db.selectFrom("mail_outbox").select("status").execute();
    expect(statuses.every((r) => r.status === "sent")).toBe(true);
  });

  it("gives up after the last attempt and says so in the log", async () => {
    const id = await enqueueMail(store().db, confirmation, t0);
    smtp.reject(true, 451);
    let now = t0;
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      const result = await drain(now);
      expect(result.claimed).toBe(1);
      now = new Date((await rowOf(id)).next_attempt_at);
    }
    const row = await rowOf(id);
    expect(row.status).toBe("failed");
    expect(Number(row.attempts)).toBe(MAIL_MAX_ATTEMPTS);
    expect(now.getTime() - t0.getTime()).toBeGreaterThan(24 * 60 * MIN);
    expect(await drain(at(60 * 24 * 60 * MIN))).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(0);
    const lastLine = logLines.filter((l) => l.includes(id)).at(-1) ?? "";
    expect(JSON.parse(lastLine)).toMatchObject({ mailId: id, attempt: MAIL_MAX_ATTEMPTS, outcome: "failed", level: 50 });
  });

  it("gives up at once when the recipient is refused for good (550), but retries a refused sender (550)", async () => {
    const id = await enqueueMail(store().db, confirmation, t0);
    smtp.rejectRecipients(true, 550);
    expect(await drain(t0)).toMatchObject({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "failed", sent_at: null });
    expect(Number(row.attempts)).toBe(1);
    expect(row.last_error).toBe("EENVELOPE 550 RCPT TO");
    const line = JSON.parse(logLines.filter((l) => l.includes(id)).at(-1) ?? "{}") as Record<string, unknown>;
    expect(line).toMatchObject({ mailId: id, outcome: "failed", msg: "mail not delivered; the recipient was refused for good" });

    // A refused sender is the portal's own configuration: every mail would fail alike, so none is given up early.
    smtp.rejectRecipients(false);
    smtp.reject(true, 550);
    const other = await enqueueMail(store().db, confirmation, t0);
    expect(await drain(t0)).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
    expect((await rowOf(other)).status).toBe("pending");
  });

  it("retries a recipient refused for now (450)", async () => {
    const id = await enqueueMail(store().db, confirmation, t0);
    smtp.rejectRecipients(true, 450);
    expect(await drain(t0)).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
    expect((await rowOf(id)).status).toBe("pending");
    smtp.rejectRecipients(false);
    expect(await drain(at(MIN))).toMatchObject({ claimed: 1, sent: 1 });
  });

  it("leaves mail waiting, attempts unspent, when no SMTP server is configured", async () => {
    const { db } = store();
    const id = await enqueueMail(db, confirmation, t0);
    const none = createMailTransport(parseEnv({}), logger);
    expect(none).toBeNull();
    expect(await drainOutbox({ db, transport: none, from: FROM, logger, clock: () => at(MIN) })).toMatchObject({ claimed: 0 });
    const worker = startMailWorker({ db, transport: none, from: FROM, logger, intervalMs: 10 });
    await worker.stop();
    const row = await rowOf(id);
    expect(row.status).toBe("pending");
    expect(Number(row.attempts)).toBe(0);
  });

  it("polls on its own, and on stop finishes the send in hand and hands back the rest", async () => {
    const { db } = store();
    for (let n = 0; n < 3; n++) await enqueueMail(db, { ...confirmation, to: `applicant${n}@example.org` }, t0);
    const release = smtp.holdReplies();
    const worker = startMailWorker({ db, transport, from: FROM, logger, intervalMs: 20 });
    await smtp.waitForMessages(1);

    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false); // still waiting for the server's reply to the mail in hand
    release();
    await stopping;

    expect(smtp.messages).toHaveLength(1);
    const rows = await db.selectFrom("mail_outbox").select(["status", "attempts", "next_attempt_at"]).orderBy("status").execute();
    expect(rows.map((r) => [r.status, Number(r.attempts)])).toEqual([
      ["pending", 0],
      ["pending", 0],
      ["sent", 1],
    ]);

    // A new worker picks up where the stopped one left off.
    const next = startMailWorker({ db, transport, from: FROM, logger, intervalMs: 20 });
    await smtp.waitForMessages(3);
    await next.stop();
    expect(await countPendingMails(db)).toBe(0);
  });

  it("logs mail ids and outcomes, never addresses, subjects or bodies", () => {
    const all = logLines.join("\n");
    expect(logLines.length).toBeGreaterThan(10);
    for (const secret of ["@example.org", "amina", URDU_SUBJECT, "Η αίτησή", "PCC-7K3M-9QXD", "applicant"]) {
      expect(all).not.toContain(secret);
    }
    for (const line of logLines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if ("mailId" in entry) expect(Object.keys(entry).sort()).toEqual(expect.arrayContaining(["mailId", "attempt", "outcome"]));
    }
  });
});
