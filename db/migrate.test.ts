import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { MIGRATIONS } from "./migration-list";

test("the migration list names every file in db/migrations, and nothing else", () => {
  const files = fs
    .readdirSync(path.resolve("db/migrations"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
  expect(Object.keys(MIGRATIONS).sort()).toEqual(files);
  for (const migration of Object.values(MIGRATIONS)) expect(typeof migration.up).toBe("function");
});
