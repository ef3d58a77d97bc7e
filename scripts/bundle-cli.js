#!/usr/bin/env node
// Bundles the CLI (from tsc's output) into one file for the engine's commands (plan, apply, destroy, import, show,
// output, state), which pipelines run on every pull request: one read and one parse instead of resolving and
// reading ~300 modules (measured: a no-op plan of 1000 is ~25 ms faster). bin/vaultbridge.js loads it for those
// commands when it exists and dist/cli/main.js otherwise. Run by `npm run build`, after tsc.
//
// Bundled: our code, commander, zod and undici (the refresh needs them). Left to node_modules: what only some runs
// load, or what reads files beside itself (pg, the HCL parser's WebAssembly, the AWS signing libraries, protobuf).
"use strict";
const { build } = require("esbuild");
const { join } = require("node:path");

const root = join(__dirname, "..");
const BUNDLED = new Set(["commander", "zod", "undici"]);

const onlySome = {
  name: "only-some-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

build({
  entryPoints: [join(root, "dist", "cli", "main.js")],
  // Two folders below the package, as dist/cli/main.js: paths the CLI finds from __dirname stay right.
  outfile: join(root, "dist", "cli-bundle", "main.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "none",
  logLevel: "warning",
  plugins: [onlySome],
}).catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
