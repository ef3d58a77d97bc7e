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
const { UNDICI_SLIM_ENTRY, UNDICI_SLIM_EXPORTS } = require("./undici-entry");

const root = join(__dirname, "..");
const BUNDLED = new Set(["commander", "zod", "undici"]);

// The slim undici entry (scripts/undici-entry.js); any other export (the http backend's top-level request) is a
// getter that loads the whole index the first time it is read.
const undiciEntry = {
  name: "undici-entry",
  setup(b) {
    b.onResolve({ filter: /^undici$/ }, () => ({ path: "undici", namespace: "undici-entry" }));
    b.onLoad({ filter: /.*/, namespace: "undici-entry" }, () => ({
      loader: "js",
      resolveDir: root,
      contents:
        UNDICI_SLIM_ENTRY +
        Object.keys(require("undici"))
          .filter((k) => !UNDICI_SLIM_EXPORTS.includes(k) && k !== "__esModule")
          .map((k) => `Object.defineProperty(module.exports, ${JSON.stringify(k)}, { enumerable: true, get: () => require("undici/index.js")[${JSON.stringify(k)}] });\n`)
          .join(""),
    }));
  },
};

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
  // Whitespace and syntax only: a third of the size to read and hash on every run, names kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [undiciEntry, onlySome],
}).catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
