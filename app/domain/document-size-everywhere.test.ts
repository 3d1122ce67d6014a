import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sizeInKb } from "./document-rules";

// The documents page showed 48 KB and the check page 47 KB for the same file because each page
// rounded on its own; every page must go through sizeInKb and the translated unit.
describe("one file size rule on every page", () => {
  const routes = join(__dirname, "..", "routes");
  const sources = readdirSync(routes)
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => ({ file: f, text: readFileSync(join(routes, f), "utf8") }));

  it("no route divides a byte count by itself or writes a unit by hand", () => {
    const offenders = sources.filter(({ text }) => /\/\s*1024|\/\s*1000\)|\}\s*KB\b/.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it("rounds up to whole kilobytes (1024 bytes), never 0", () => {
    expect(sizeInKb(48_640)).toBe(48);
    expect(sizeInKb(49_153)).toBe(49);
    expect(sizeInKb(10)).toBe(1);
  });
});
