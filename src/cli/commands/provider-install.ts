/**
 * `vaultbridge provider install`: both providers into a Terraform filesystem mirror, unpacked layout
 * (<mirror>/<host>/<namespace>/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>), under both
 * registry hosts (registry.terraform.io for terraform, registry.opentofu.org for tofu), and the CLI configuration
 * that uses it — printed, or written with --cli-config. With --self-contained the executables are single-executable
 * applications (no Node needed where they run) instead of a launcher and the Node bundle beside it
 * (release/launcher.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { bundlePath, executableName, MIRROR_PATTERNS, mirrorPath, packageVersion, PROVIDER_TYPES, REGISTRY_HOSTS } from "../../release/layout";
import { placeLaunchedProvider } from "../../release/launcher";
import { placeFile } from "../../release/place-file";
import { hostPlatform } from "../../release/platform";
import { buildExecutable } from "../../release/sea";
import { registerProviderPackageCommand } from "./provider-package";
import { registerProviderServeCommand } from "./provider-serve";

const MARKER = "# written by vaultbridge provider install";

export interface InstallOptions {
  /** Single-executable applications instead of Node scripts. */
  readonly selfContained?: boolean;
}

export interface InstallResult {
  readonly mirror: string;
  readonly version: string;
  /** Every executable written, for every host. */
  readonly executables: string[];
  readonly cliConfig: string;
}

export async function installProviders(mirrorDir: string, o: InstallOptions = {}): Promise<InstallResult> {
  const version = packageVersion();
  const mirror = resolve(mirrorDir);
  const platform = hostPlatform();
  const executables: string[] = [];
  for (const type of PROVIDER_TYPES) {
    const bundle = bundlePath(type);
    const [first, ...others] = REGISTRY_HOSTS.map((host) => join(mirror, mirrorPath(host, type), version, platform, executableName(type, version, platform)));
    if (o.selfContained) {
      mkdirSync(dirname(first), { recursive: true });
      await buildExecutable({ bundle, node: process.execPath, out: first });
      for (const other of others) placeFile(first, other, 0o755);
    } else {
      for (const exe of [first, ...others]) placeLaunchedProvider(type, bundle, exe);
    }
    executables.push(first, ...others);
  }
  const patterns = `[${MIRROR_PATTERNS.map((p) => JSON.stringify(p)).join(", ")}]`;
  const cliConfig = [
    MARKER,
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = ${patterns}`,
    "  }",
    "  direct {",
    `    exclude = ${patterns}`,
    "  }",
    "}",
    "",
  ].join("\n");
  return { mirror, version, executables, cliConfig };
}

export function registerProviderCommand(program: Command): void {
  const provider = program.command("provider").description("Install, package or serve the Terraform providers");
  registerProviderServeCommand(provider);
  registerProviderPackageCommand(provider);
  provider
    .command("install")
    .description("Write terraform-provider-infisical and terraform-provider-scrapengine into a Terraform filesystem mirror (for terraform and tofu)")
    .option("--mirror <dir>", "filesystem mirror folder", join(homedir(), ".terraform.d", "plugins"))
    .option("--cli-config <file>", "write the Terraform CLI configuration to this file (otherwise it is printed)")
    .option("--self-contained", "install single-executable applications, which run without Node (larger: ~100 MB each)")
    .action(async (opts: { mirror: string; cliConfig?: string; selfContained?: boolean }) => {
      const r = await installProviders(opts.mirror, { selfContained: opts.selfContained === true });
      for (const e of r.executables) process.stdout.write(`installed ${e}\n`);
      if (opts.cliConfig) {
        const file = resolve(opts.cliConfig);
        if (existsSync(file) && !readFileSync(file, "utf8").startsWith(MARKER)) {
          throw new Error(`${file} exists and was not written by vaultbridge; add this to it yourself:\n\n${r.cliConfig}`);
        }
        writeFileSync(file, r.cliConfig);
        process.stdout.write(`wrote ${file}\nexport TF_CLI_CONFIG_FILE=${file}   # terraform and tofu both read it\n`);
      } else {
        process.stdout.write(`\nAdd this to your CLI configuration (~/.terraformrc, ~/.tofurc, or the file $TF_CLI_CONFIG_FILE names):\n\n${r.cliConfig}`);
      }
      process.stdout.write(
        `\nThe providers are version ${r.version}. After reinstalling a changed build of the same version, delete the vaultbridge entries from .terraform.lock.hcl and run terraform init again (the lock records a hash of the files).\n`,
      );
    });
}
