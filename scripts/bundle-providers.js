#!/usr/bin/env node
// Bundles each provider executable into one file (esbuild): one read and one parse at launch, descriptors
// embedded, nothing resolved from node_modules. Run by `npm run build`.
"use strict";
const { buildSync } = require("esbuild");
const { chmodSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
for (const name of ["infisical", "scrapengine"]) {
  const outfile = join(root, "dist", "bundle", `terraform-provider-${name}.js`);
  buildSync({
    entryPoints: [join(root, "src", "bin", `terraform-provider-${name}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "warning",
  });
  chmodSync(outfile, 0o755);
}
