/**
 * Terraform's spelling of flags (`-detailed-exitcode`, `-out=F`, `-var 'k=v'`) for the engine's commands, so a
 * pipeline written for terraform runs unchanged with the engine. Each single-dash flag the engine has becomes its
 * double-dash form before commander parses; a Terraform flag the engine does not have is refused by name, never
 * silently ignored.
 */

/** Flags the engine takes (without dashes): the same names and meanings as Terraform's. */
export const ENGINE_FLAGS = new Set([
  "auto-approve",
  "destroy",
  "detailed-exitcode",
  "input",
  "json",

  "lock-timeout",
  "no-color",
  "out",
  "parallelism",
  "refresh",
  "refresh-only",
  "replace",
  "state",
  "target",
  "var",
  "var-file",
  "raw",
  "help",
  "version",
  "dir",
  "stack",
  "force",
]);

/** Terraform flags the engine has no equivalent for: refused with the advice to run terraform. */
const TERRAFORM_ONLY = new Set(["chdir", "compact-warnings", "generate-config-out", "backup", "state-out", "upgrade", "reconfigure", "migrate-state", "backend-config", "get", "plugin-dir", "lockfile", "test-directory", "concise", "allow-missing"]);

export class UnsupportedFlagError extends Error {}

/**
 * `argv` (after the node and script entries) with Terraform's single-dash flags spelled as commander expects.
 * A value-taking flag keeps its value whether given as `-flag=value` or `-flag value`.
 */
export function normalizeTerraformFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  let afterDoubleDash = false;
  for (const arg of argv) {
    if (afterDoubleDash || arg === "--") {
      afterDoubleDash = true;
      out.push(arg);
      continue;
    }
    const m = /^-([a-z][a-z-]*)(=.*)?$/.exec(arg);
    if (!m) {
      out.push(arg);
      continue;
    }
    const [, name, value = ""] = m;
    if (ENGINE_FLAGS.has(name)) out.push(`--${name}${value}`);
    else if (TERRAFORM_ONLY.has(name) || name.length > 1) throw new UnsupportedFlagError(`-${name} is not supported by the engine; run terraform for it.`);
    else out.push(arg); // a short option (-h): commander's business
  }
  return out;
}
