#!/usr/bin/env node
"use strict";
// The package is compiled by `npm ci` (the `prepare` script); this launcher only loads the compiled CLI.
try {
  // `vaultbridge terraform` runs once per terraform run: its own small bundle, not the whole CLI.
  if (process.argv[2] === "terraform") require("../dist/bundle/vaultbridge-terraform.js").main(process.argv.slice(3));
  else require("../dist/cli/main.js").main(process.argv);
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && /dist\/(cli\/main|bundle\/vaultbridge-terraform)/.test(String(err.message))) {
    process.stderr.write("vaultbridge is not built yet: run `npm ci` (or `npm run build`) in the package folder.\n");
    process.exit(1);
  }
  throw err;
}
