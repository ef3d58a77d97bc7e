/**
 * `vaultbridge … | head -1`: a reader that goes away early must not crash the command with an EPIPE stack
 * trace; the command finishes its work and exits with its own status. The read end is closed before the command
 * writes, so the broken pipe is certain, not a race. Assumes dist/ is built (the test command builds first).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../support/cli";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "vb-epipe-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "vaultbridge.js"), ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stderr })));
}

test.each([
  ["provider install", ["provider", "install", "--mirror", "mirror"], "mirror/registry.terraform.io/vaultbridge/infisical"],
  ["schema", ["schema", "--out", "schemas"], "schemas/infisical.json"],
  ["docs", ["docs", "--out", "docs"], "docs/infisical/index.md"],
])("%s with its reader gone: no crash, the work done", async (_name, args, written) => {
  expect(await runWithClosedStdout(args)).toEqual({ code: 0, stderr: "" });
  expect(existsSync(join(dir, written))).toBe(true);
});

test("a real `| head -1` gets the first line and the command exits 0", async () => {
  const child = spawn("bash", ["-c", `set -o pipefail; node ${JSON.stringify(join(REPO_ROOT, "bin", "vaultbridge.js"))} provider install --mirror m2 | head -1`], { cwd: dir });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += String(d)));
  child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
  const code = await new Promise((resolve) => child.once("close", resolve));
  expect([code, stderr, stdout]).toEqual([0, "", expect.stringMatching(/^installed .*terraform-provider-infisical_v[\d.]+\n$/)]);
});
