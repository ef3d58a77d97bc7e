/** `vaultbridge provider package [--out DIR] [--gpg-key ID] [--node PATH…]`: Registry-shaped release artifacts and a network mirror. */
import type { Command } from "commander";
import { packageProviders } from "../../release/package-providers";

export function registerProviderPackageCommand(provider: Command): void {
  provider
    .command("package")
    .description("Build self-contained provider executables into Registry-shaped zips, SHA256SUMS, manifest, signature and a network mirror")
    .option("--out <dir>", "output folder", "dist/release")
    .option("--gpg-key <id>", "sign each SHA256SUMS with this GPG key (a detached signature, SHA256SUMS.sig)")
    .option(
      "--node <path>",
      "a Node binary (the same Node version as this one) to build from; its platform names the zip; repeat for more platforms (default: this Node)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (opts: { out: string; gpgKey?: string; node: string[] }) => {
      const r = await packageProviders({ out: opts.out, gpgKey: opts.gpgKey, nodes: opts.node, log: (line) => process.stdout.write(`${line}\n`) });
      process.stdout.write(`\nPackaged version ${r.version}. Serve ${r.mirror} over HTTPS and point network_mirror at it (docs/publishing.md).\n`);
    });
}
