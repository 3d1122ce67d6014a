import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachStore } from "../test/support/stores";
import { isUniqueViolation } from "./errors";

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the write to fail");
}

describeEachStore("isUniqueViolation", (store) => {
  it("is true for a duplicate unique key, a duplicate primary key and a duplicate in a unique index", async () => {
    const { db } = store();
    await sql`CREATE TABLE unique_probe (id text PRIMARY KEY, email text UNIQUE, slot text, parent text)`.execute(db);
    await sql`CREATE UNIQUE INDEX unique_probe_slot_idx ON unique_probe (slot) WHERE slot IS NOT NULL`.execute(db);
    await sql`INSERT INTO unique_probe (id, email, slot) VALUES ('a', 'a@example.org', 'x')`.execute(db);

    const primaryKey = await failure(() => sql`INSERT INTO unique_probe (id, email) VALUES ('a', 'b@example.org')`.execute(db));
    const uniqueColumn = await failure(() => sql`INSERT INTO unique_probe (id, email) VALUES ('b', 'a@example.org')`.execute(db));
    const partialIndex = await failure(() => sql`INSERT INTO unique_probe (id, slot) VALUES ('c', 'x')`.execute(db));
    for (const error of [primaryKey, uniqueColumn, partialIndex]) expect(isUniqueViolation(error)).toBe(true);
  });

  it("is false for other failures of a write", async () => {
    const { db } = store();
    await sql`CREATE TABLE unique_probe_other (id text PRIMARY KEY, name text NOT NULL, center text REFERENCES center (slug))`.execute(db);
    const notNull = await failure(() => sql`INSERT INTO unique_probe_other (id, name) VALUES ('a', NULL)`.execute(db));
    const foreignKey = await failure(() => sql`INSERT INTO unique_probe_other (id, name, center) VALUES ('b', 'B', 'nowhere')`.execute(db));
    const syntax = await failure(() => sql`INSERT INTO no_such_table (id) VALUES ('c')`.execute(db));
    for (const error of [notNull, foreignKey, syntax]) expect(isUniqueViolation(error)).toBe(false);
  });
});

it("is false for anything that is not a driver's unique violation, whatever its message says", () => {
  expect(isUniqueViolation(new Error("UNIQUE constraint failed: staff_user.email"))).toBe(false);
  expect(isUniqueViolation(Object.assign(new Error("check"), { code: "23514" }))).toBe(false);
  expect(isUniqueViolation({ code: "23505" })).toBe(false);
  expect(isUniqueViolation("23505")).toBe(false);
  expect(isUniqueViolation(undefined)).toBe(false);
});
