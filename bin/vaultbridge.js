#!/usr/bin/env node
"use strict";
// The package is compiled by `npm ci` (the `prepare` script); this launcher only loads the compiled CLI. The
// engine's commands load it from one bundled file when the build made it (scripts/bundle-cli.js), through a V8
// code cache (dist/cli/code-cache.js): they start faster.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

// Started through bin/vaultbridge, which hands NODE_EXTRA_CA_CERTS on for Node not to parse it at start: trusted
// from the first HTTPS connection on, and put back for child processes.
if (process.env.VAULTBRIDGE_EXTRA_CA_CERTS !== undefined) {
  try {
    require("../dist/plugin/extra-ca-certs.js").trustDeferredExtraCaCerts(process.env, (message) => process.stderr.write(`Warning: ${message}\n`));
  } catch (err) {
    // Not built yet: the message below says so.
    if (!err || err.code !== "MODULE_NOT_FOUND") throw err;
  }
}

const ENGINE_COMMANDS = new Set(["plan", "apply", "destroy", "import", "show", "output", "state"]);
const bundled = join(__dirname, "..", "dist", "cli-bundle", "main.js");
try {
  // `vaultbridge terraform` runs once per terraform run: its own small bundle, not the whole CLI.
  if (process.argv[2] === "terraform") require("../dist/bundle/vaultbridge-terraform.js").main(process.argv.slice(3));
  else if (ENGINE_COMMANDS.has(process.argv[2]) && existsSync(bundled)) {
    require("../dist/cli/code-cache.js").requireWithCodeCache(bundled).main(process.argv);
  } else {
    require("../dist/cli/main.js").main(process.argv);
  }
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && /dist\/(cli\/main|bundle\/vaultbridge-terraform)/.test(String(err.message))) {
    process.stderr.write("vaultbridge is not built yet: run `npm ci` (or `npm run build`) in the package folder.\n");
    process.exit(1);
  }
  throw err;
}
