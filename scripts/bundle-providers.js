#!/usr/bin/env node
// Bundles each provider executable into one file (esbuild): one read and one parse at launch, descriptors
// embedded, nothing resolved from node_modules. Run by `npm run build`.
//
// undici and zod are needed only once the provider talks to an API (after ConfigureProvider), yet even unused
// they cost ~20 ms of parsing on every launch (measured: handshake 111 ms with them in the bundle, 92 ms
// without). So each is pre-bundled and embedded as a string, compiled on first use: scanning a string is nearly
// free, and Terraform's schema and validate launches never compile them at all.
"use strict";
const { build, buildSync } = require("esbuild");
const { chmodSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const LAZY = ["undici", "zod"];

const embedded = Object.fromEntries(
  LAZY.map((pkg) => {
    const out = buildSync({
      stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root },
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      minify: true,
      legalComments: "none",
      write: false,
      logLevel: "warning",
    });
    return [pkg, out.outputFiles[0].text];
  }),
);

// protobufjs looks for optional packages at run time (`inquire("long")`) with a bare require. Resolved from
// wherever the bundle happens to sit, the answer would depend on the folder (a node_modules above it or not), and
// inside a single-executable application a require of anything but a built-in prints a warning on every launch.
// The bundle asks for built-ins only, so it behaves the same everywhere.
const builtinInquire = {
  name: "builtin-inquire",
  setup(build) {
    build.onResolve({ filter: /^@protobufjs\/inquire$/ }, (args) => ({ path: args.path, namespace: "builtin-inquire" }));
    build.onLoad({ filter: /.*/, namespace: "builtin-inquire" }, () => ({
      loader: "js",
      contents:
        `const { isBuiltin } = require("node:module");\n` +
        `module.exports = (name) => (isBuiltin(name) ? require(name) : null);\n`,
    }));
  },
};

const lazyPackages = {
  name: "lazy-packages",
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LAZY.join("|")})$`) }, (args) => ({ path: args.path, namespace: "lazy-package" }));
    build.onLoad({ filter: /.*/, namespace: "lazy-package" }, (args) => ({
      loader: "js",
      contents:
        `const m = { exports: {} };\n` +
        `require("node:vm").compileFunction(${JSON.stringify(embedded[args.path])}, ["exports", "require", "module", "__filename", "__dirname"], { filename: ${JSON.stringify(`${args.path}.embedded.js`)} })(m.exports, require, m, __filename, __dirname);\n` +
        `module.exports = m.exports;\n`,
    }));
  },
};

async function bundle(name) {
  const outfile = join(root, "dist", "bundle", `terraform-provider-${name}.js`);
  await build({
    entryPoints: [join(root, "src", "bin", `terraform-provider-${name}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    banner: { js: "#!/usr/bin/env node" },
    plugins: [lazyPackages, builtinInquire],
    logLevel: "warning",
  });
  chmodSync(outfile, 0o755);
}

Promise.all(["infisical", "scrapengine"].map(bundle)).catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
