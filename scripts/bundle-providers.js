#!/usr/bin/env node
// Bundles each provider executable into one file (esbuild): one read and one parse at launch, protobuf code
// embedded, nothing resolved from node_modules. Run by `npm run build`.
//
// undici and zod are needed only once the provider talks to an API (after ConfigureProvider), yet even unused
// they cost ~20 ms of parsing on every launch (measured: handshake 111 ms with them in the bundle, 92 ms
// without). So each is pre-bundled and embedded as a string, compiled on first use: scanning a string is nearly
// free, and Terraform's schema and validate launches never compile them at all.
//
// The AWS signing libraries (AWS IAM login only) are one such string too: one blob for the three packages, so
// their shared dependencies are bundled once, compiled on the first AWS IAM login and never otherwise. It is
// stored brotli-compressed (base64): even a string costs ~2 ms per launch to read and scan at its 400 kB
// (measured), a fifth of that compressed; decompressing it costs a few ms on the first AWS login only.
const COMPRESSED = new Set(["aws-group"]);
"use strict";
const { build, buildSync } = require("esbuild");
const { chmodSync, readdirSync, readFileSync } = require("node:fs");
const { brotliCompressSync, constants } = require("node:zlib");
const { join } = require("node:path");
const { UNDICI_SLIM_ENTRY, UNDICI_SLIM_EXPORTS } = require("./undici-entry");

const root = join(__dirname, "..");
const LAZY = ["undici", "zod"];
const AWS_GROUP = ["@smithy/signature-v4", "@aws-crypto/sha256-js", "@aws-sdk/credential-provider-node"];

/** What every bundle here is: one minified CommonJS file for Node 20. */
const COMMON = { bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, legalComments: "none", logLevel: "warning" };

function embed(contents) {
  const out = buildSync({ ...COMMON, stdin: { contents, resolveDir: root }, write: false });
  return out.outputFiles[0].text;
}

const ENTRIES = { undici: UNDICI_SLIM_ENTRY, zod: `module.exports = require("zod");` };
const embedded = Object.fromEntries(LAZY.map((pkg) => [pkg, embed(ENTRIES[pkg])]));
embedded["aws-group"] = embed(
  `module.exports = {${AWS_GROUP.map((pkg) => `${JSON.stringify(pkg)}: require(${JSON.stringify(pkg)})`).join(", ")}};`,
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

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

const lazyPackages = {
  name: "lazy-packages",
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${LAZY.join("|")}|aws-group)$`) }, (args) => ({ path: args.path, namespace: "lazy-package" }));
    // Each AWS package is a member of the one AWS blob, compiled once whichever is required first.
    build.onResolve({ filter: new RegExp(`^(${AWS_GROUP.map(escape).join("|")})$`) }, (args) => ({ path: args.path, namespace: "aws-member" }));
    build.onLoad({ filter: /.*/, namespace: "aws-member" }, (args) => ({
      loader: "js",
      contents: `module.exports = require("aws-group")[${JSON.stringify(args.path)}];\n`,
    }));
    // The stub's exports are getters that compile the package on first access, so a static `import { z } from
    // "zod"` costs nothing until `z` is used: a module that merely imports it cannot put it back on the start path.
    build.onLoad({ filter: /.*/, namespace: "lazy-package" }, (args) => ({
      loader: "js",
      resolveDir: join(root, "src", "bin"),
      contents:
        `const { loadEmbedded } = require("./embedded-package");\n` +
        `let loaded;\n` +
        `const load = () => (loaded ??= loadEmbedded(${JSON.stringify(args.path)}, ${source(args.path)}, require, __dirname));\n` +
        `for (const name of ${JSON.stringify(exportNames(args.path))}) Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });\n` +
        `Object.defineProperty(module.exports, "__esModule", { value: true });\n`,
    }));
  },
};

/**
 * What a lazy package's stub exports, decided here at build time (the stub must know the names before it
 * compiles). Only the names our sources import: every module importing the stub copies each of its exports
 * (esbuild's interop), and zod has 228 (2 ms of every launch, profiled). A namespace or default import of the
 * package keeps them all.
 */
function exportNames(name) {
  if (name === "aws-group") return [...AWS_GROUP];
  const all = name === "undici" ? UNDICI_SLIM_EXPORTS : Object.keys(require(name)).filter((key) => key !== "__esModule");
  const used = importedNames(name);
  return used === null ? all : all.filter((key) => used.has(key));
}

/** The names src/ imports from a package (values only, not types); null when it imports the whole namespace. */
function importedNames(pkg) {
  const used = new Set();
  const from = new RegExp(`import\\s+(type\\s+)?([^;]*?)\\s+from\\s+"${escape(pkg)}"`, "g");
  for (const file of readdirSync(join(root, "src"), { recursive: true })) {
    if (!String(file).endsWith(".ts")) continue;
    for (const [, typeOnly, clause] of readFileSync(join(root, "src", String(file)), "utf8").matchAll(from)) {
      if (typeOnly) continue;
      const named = /^\{([^}]*)\}$/.exec(clause.trim());
      if (!named) return null;
      for (const part of named[1].split(",")) {
        const spec = part.trim();
        if (spec && !spec.startsWith("type ")) used.add(spec.split(/\s+as\s+/)[0]);
      }
    }
  }
  return used;
}

/** A JS expression that evaluates to the embedded package's source. */
function source(name) {
  if (!COMPRESSED.has(name)) return JSON.stringify(embedded[name]);
  const packed = brotliCompressSync(Buffer.from(embedded[name]), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).toString("base64");
  return `require("node:zlib").brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, "base64")).toString("utf8")`;
}

async function bundle(name) {
  const outfile = join(root, "dist", "bundle", `terraform-provider-${name}.js`);
  await build({
    entryPoints: [join(root, "src", "bin", `terraform-provider-${name}.ts`)],
    outfile,
    ...COMMON,
    banner: { js: "#!/usr/bin/env node" },
    plugins: [lazyPackages, builtinInquire],
  });
  chmodSync(outfile, 0o755);
}

/**
 * The V8 code caches of undici and zod beside the bundles (see src/bin/embedded-package.ts), made after running
 * what a provider's first calls run: the compiled provider (dist/), with its `require("zod")` and
 * `require("undici")` answered by the embedded packages themselves, configured against an emulator on loopback and
 * reading a connection there. Same Node, same flags as the provider: a cache made otherwise would be rejected.
 */
async function writeCodeCaches() {
  const { writeCodeCaches: write, CACHED_PACKAGES } = require(join(root, "dist", "bin", "embedded-package.js"));
  const packages = Object.fromEntries(CACHED_PACKAGES.map((name) => [name, embedded[name]]));
  await write(packages, require, join(root, "dist", "bundle"), async (exports) => {
    for (const name of Object.keys(packages)) {
      const id = require.resolve(name);
      require.cache[id] = { id, filename: id, loaded: true, exports: exports[name] };
    }
    const { startEmulator } = require(join(root, "dist", "emulator"));
    const { ProviderCore } = require(join(root, "dist", "core", "provider-core.js"));
    const { infisicalProvider } = require(join(root, "dist", "providers", "infisical.js"));
    const emu = await startEmulator({ port: 0, host: "127.0.0.1" });
    try {
      const core = new ProviderCore(infisicalProvider, { env: {} });
      await exerciseProvider(core, { host: emu.url, auth: { universal: { client_id: emu.infisical.clientId, client_secret: emu.infisical.clientSecret } } });
    } finally {
      await emu.close();
    }
  });
}

/** Configure, then create, read and plan one connection: what a plan's and an apply's first calls run. */
async function exerciseProvider(core, config) {
  const fail = (what, diags) => {
    throw new Error(`code cache exercise: ${what} failed: ${JSON.stringify(diags)}`);
  };
  const configured = core.configure(config);
  if (configured.hasError()) fail("configure", configured.toArray());
  const type = "infisical_app_connection_heroku";
  const wanted = { name: "code-cache", credentials: { auth_token: "HRKU-code-cache" } };
  const created = await core.applyResourceChange(type, null, core.planResourceChange(type, null, wanted).planned, wanted);
  if (!created.state) fail("create", created.diagnostics.toArray());
  const read = await core.readResource(type, created.state);
  if (!read.state) fail("read", read.diagnostics.toArray());
  core.planResourceChange(type, read.state, wanted);
  await core.close();
}

/** `vaultbridge terraform`'s own bundle (src/bin/vaultbridge-terraform.ts), loaded by bin/vaultbridge.js. */
function bundleWarmCommand() {
  return build({
    entryPoints: [join(root, "src", "bin", "vaultbridge-terraform.ts")],
    outfile: join(root, "dist", "bundle", "vaultbridge-terraform.js"),
    ...COMMON,
    plugins: [lazyPackages, builtinInquire],
  });
}

Promise.all([...["infisical", "scrapengine"].map(bundle), bundleWarmCommand()]).then(writeCodeCaches).catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
