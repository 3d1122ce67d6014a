/**
 * The heavy modules are loaded where they are used, never at start (decision 046): a static import
 * of one of them in the server or Remix build would map it into every process, used or not.
 * Reads the production build (run `npm run build` first; npm test does).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";

/** Each with what it costs a server that never uses it, as measured for the decision. */
const LOADED_ON_FIRST_USE = [
  "sharp", // libvips: about 20 MB of RSS
  "pdf-lib",
  "@pdf-lib/fontkit",
  "@signpdf/signpdf",
  "@signpdf/placeholder-pdf-lib",
  "@signpdf/signer-p12",
  "file-type",
  "mupdf",
  "harfbuzzjs",
  "bidi-js",
  "qrcode",
  "@node-rs/argon2",
  "@zxcvbn-ts/language-common",
  "pg",
];

function staticImports(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(/^import\s[^;]*?\sfrom\s+"([^"]+)";?$|^import\s+"([^"]+)";?$/gms)].map((m) => m[1] ?? m[2]!);
}

describe.each(["build/server.js", "build/index.js"])("%s", (file) => {
  it("imports none of the heavy modules at the top", () => {
    const imports = staticImports(file);
    // The reader works: the bundle does import its framework statically.
    expect(imports).toContain(file === "build/server.js" ? "express" : "react-dom/server");
    expect(imports.filter((name) => LOADED_ON_FIRST_USE.includes(name))).toEqual([]);
  });
});
