/**
 * The provider bundles are ASCII only. V8 keeps a script's whole source for as long as the process runs, and one
 * character beyond Latin-1 anywhere in it (esbuild copies regex literals as written) makes that a two-byte string:
 * 2 MB instead of 1 for the infisical bundle. `vaultbridge terraform` (the warm path) runs its own bundle the same
 * way. Assumes dist/ is built (the test command builds first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const BUNDLE_DIR = join(__dirname, "..", "..", "dist", "bundle");

test.each(["terraform-provider-infisical", "terraform-provider-scrapengine", "vaultbridge-terraform"])("%s.js has no character beyond ASCII", (name) => {
  const text = readFileSync(join(BUNDLE_DIR, `${name}.js`), "utf8");
  const found = /[^\x00-\x7f]/.exec(text);
  expect(found ? `${JSON.stringify(found[0])} in …${text.slice(Math.max(0, found.index - 60), found.index + 20)}…` : null).toBeNull();
});
