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

test("migrations import nothing but Kysely, so that no later change elsewhere alters one that has run", () => {
  const dir = path.resolve("db/migrations");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    const imported = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm)].map((m) => m[1]);
    expect({ file, imported: imported.filter((name) => name !== "kysely") }).toEqual({ file, imported: [] });
  }
});
