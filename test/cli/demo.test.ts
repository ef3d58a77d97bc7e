/** The README's main command: the example stack end to end against a fresh emulator, no secret printed. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");

test("vaultbridge demo applies, re-plans with no changes, corrects drift and destroys", () => {
  const canary = { PG_PASSWORD: "canary-pg-4471", HEROKU_AUTH_TOKEN: "HRKU-canary-4471", VAULT_SECRET_ID: "canary-sid-4471" };
  const r = spawnSync(process.execPath, [BIN, "demo"], { env: { ...process.env, ...canary }, encoding: "utf8", timeout: 60_000 });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("No changes. Your infrastructure matches the configuration.");
  expect(r.stdout).toContain("~ infisical_app_connection_postgres.main will be updated in-place (description)");
  expect(r.stdout).toContain("Done: created, re-planned with no changes, corrected drift, destroyed.");
  for (const secret of Object.values(canary)) expect(r.stdout + r.stderr).not.toContain(secret);
});
