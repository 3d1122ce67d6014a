#!/usr/bin/env node
// Compiles the server entry (server/index.ts and the app, db and server code it imports) into one
// ES module, build/server.js, so production runs plain `node` with nothing transpiled at run time.
// Packages stay external: they are loaded from node_modules as they are.
import { build } from "esbuild";

await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
