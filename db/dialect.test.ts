import { randomUUID } from "node:crypto";
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import { expect, it } from "vitest";
import { describeEachStore } from "../test/support/stores";
import { executeWrites } from "./dialect";
import { isUniqueViolation } from "./errors";
import type { NewMail } from "./schema";

/** Counts the statements sent to the store (one result each). */
class StatementCounter implements KyselyPlugin {
  sent = 0;
  transformQuery({ node }: PluginTransformQueryArgs) {
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs) {
    this.sent += 1;
    return result;
  }
}

const mail = (id: string): NewMail => ({
  id,
  to_address: "someone@example.org",
  language: "en",
  subject: "Subject",
  text_body: "Text",
  html_body: null,
  status: "pending",
  attempts: 0,
  next_attempt_at: "2026-12-06T10:00:00.000Z",
  last_error: null,
  created_at: "2026-12-06T10:00:00.000Z",
  sent_at: null,
});

describeEachStore("executeWrites", (store) => {
  it("makes every write, in one statement on PostgreSQL and one by one on SQLite", async () => {
    const { db, dialect } = store();
    const counter = new StatementCounter();
    const counted = db.withPlugin(counter);
    const ids = [randomUUID(), randomUUID()];
    await executeWrites(counted, [
      counted.insertInto("mail_outbox").values(mail(ids[0]!)),
      counted.insertInto("mail_outbox").values(mail(ids[1]!)),
      counted.updateTable("mail_outbox").set({ subject: "Changed" }).where("id", "=", "none such"),
    ]);
    expect(counter.sent).toBe(dialect === "postgres" ? 1 : 3);
    const rows = await db.selectFrom("mail_outbox").select("id").where("id", "in", ids).execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it("makes none of them when one fails, outside a transaction and inside one", async () => {
    const { db } = store();
    const taken = randomUUID();
    await db.insertInto("mail_outbox").values(mail(taken)).execute();
    const fresh = [randomUUID(), randomUUID()];
    const failing = (on: typeof db, id: string) => [
      on.insertInto("mail_outbox").values(mail(id)),
      on.insertInto("mail_outbox").values(mail(taken)),
    ];

    const alone = await executeWrites(db, failing(db, fresh[0]!)).catch((error: unknown) => error);
    expect(isUniqueViolation(alone)).toBe(true);

    const inside = await db
      .transaction()
      .execute((trx) => executeWrites(trx, failing(trx, fresh[1]!)))
      .catch((error: unknown) => error);
    expect(isUniqueViolation(inside)).toBe(true);

    expect(await db.selectFrom("mail_outbox").select("id").where("id", "in", fresh).execute()).toEqual([]);
  });
});
