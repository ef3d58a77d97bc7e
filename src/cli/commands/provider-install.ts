/**
 * `vaultbridge provider install`: both providers into a Terraform filesystem mirror, unpacked layout
 * (<mirror>/<host>/<namespace>/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>), and the CLI
 * configuration that uses it — printed, or written with --cli-config.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { registerProviderServeCommand } from "./provider-serve";

const HOST = "registry.terraform.io";
const NAMESPACE = "vaultbridge";
const TYPES = ["infisical", "scrapengine"] as const;
const MARKER = "# written by vaultbridge provider install";

export interface InstallResult {
  readonly mirror: string;
  readonly version: string;
  readonly executables: string[];
  readonly cliConfig: string;
}

/** Terraform's name for this platform, e.g. linux_amd64. */
export function terraformPlatform(): string {
  const arch = ({ x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" } as Record<string, string>)[process.arch] ?? process.arch;
  return `${process.platform}_${arch}`;
}

export function installProviders(mirrorDir: string): InstallResult {
  const packageRoot = join(__dirname, "..", "..", "..");
  const version = (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
  const mirror = resolve(mirrorDir);
  const executables: string[] = [];
  for (const type of TYPES) {
    const bundle = join(packageRoot, "dist", "bundle", `terraform-provider-${type}.js`);
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` in ${packageRoot} first.`);
    const target = join(mirror, HOST, NAMESPACE, type, version, terraformPlatform(), `terraform-provider-${type}_v${version}`);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(bundle, target);
    chmodSync(target, 0o755);
    executables.push(target);
  }
  const cliConfig = [
    MARKER,
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = ["${HOST}/${NAMESPACE}/*"]`,
    "  }",
    "  direct {",
    `    exclude = ["${HOST}/${NAMESPACE}/*"]`,
    "  }",
    "}",
    "",
  ].join("\n");
  return { mirror, version, executables, cliConfig };
}

export function registerProviderCommand(program: Command): void {
  const provider = program.command("provider").description("Install or serve the Terraform providers");
  registerProviderServeCommand(provider);
  provider
    .command("install")
    .description("Write terraform-provider-infisical and terraform-provider-scrapengine into a Terraform filesystem mirror")
    .option("--mirror <dir>", "filesystem mirror folder", join(homedir(), ".terraform.d", "plugins"))
    .option("--cli-config <file>", "write the Terraform CLI configuration to this file (otherwise it is printed)")
    .action((opts: { mirror: string; cliConfig?: string }) => {
      const r = installProviders(opts.mirror);
      for (const e of r.executables) process.stdout.write(`installed ${e}\n`);
      if (opts.cliConfig) {
        const file = resolve(opts.cliConfig);
        if (existsSync(file) && !readFileSync(file, "utf8").startsWith(MARKER)) {
          throw new Error(`${file} exists and was not written by vaultbridge; add this to it yourself:\n\n${r.cliConfig}`);
        }
        writeFileSync(file, r.cliConfig);
        process.stdout.write(`wrote ${file}\nexport TF_CLI_CONFIG_FILE=${file}\n`);
      } else {
        process.stdout.write(`\nAdd this to your Terraform CLI configuration (~/.terraformrc or $TF_CLI_CONFIG_FILE):\n\n${r.cliConfig}`);
      }
      process.stdout.write(
        `\nThe providers are version ${r.version}. After reinstalling a changed build of the same version, delete the vaultbridge entries from .terraform.lock.hcl and run terraform init again (the lock records a hash of the files).\n`,
      );
    });
}
