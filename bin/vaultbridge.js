#!/usr/bin/env node
"use strict";
// The package is compiled by `npm ci` (the `prepare` script); this launcher only loads the compiled CLI.
try {
  require("../dist/cli/main.js").main(process.argv);
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes("dist/cli/main")) {
    process.stderr.write("vaultbridge is not built yet: run `npm ci` (or `npm run build`) in the package folder.\n");
    process.exit(1);
  }
  throw err;
}
