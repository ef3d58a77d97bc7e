/**
 * The provider executables' main: the core for one provider, served over the plugin protocol. Logs are hclog
 * JSON on stderr (Terraform shows them under TF_LOG); stdout carries only the handshake line.
 */
import { CreateIntents, providerIntentsPath } from "../core/create-intents";
import { ProviderCore } from "../core/provider-core";
import type { ProviderDefinition } from "../framework/resource";
import { trustDeferredExtraCaCerts } from "../plugin/extra-ca-certs";
import { hclogLogger, providerLogLevel } from "../plugin/hclog";
import { applyProviderV8Flags, onEmbeddedPackageLoaded } from "./embedded-package";
import { servePlugin } from "../plugin/serve";
import { providerService } from "../protocol/provider-service";

export function runProvider<C>(definition: ProviderDefinition<C>): void {
  applyProviderV8Flags();
  // Lines terraform would not show are not written: the level is read from the environment terraform passes on,
  // as Terraform's own SDKs do. At debug, a plan of 100 writes ~400 lines (8 ms of the provider's CPU, measured).
  const log = hclogLogger(`provider.terraform-provider-${definition.name}`, undefined, providerLogLevel(process.env));
  trustDeferredExtraCaCerts(process.env, (message) => log.warn(message));
  onEmbeddedPackageLoaded((name, codeCache, ms) => log.debug(`compiled ${name}`, { code_cache: codeCache, ms }));
  // Terraform starts providers in its working directory: the intents live in its data directory there.
  const core = new ProviderCore(definition, { log, intents: new CreateIntents(providerIntentsPath(process.env)) });
  servePlugin({
    source: definition.source,
    executable: `terraform-provider-${definition.name}`,
    handlers: providerService(core, log),
    onError: (method, err) => log.warn(`${method} failed`, { error: err instanceof Error ? err.message : String(err) }),
  }).catch((err: unknown) => {
    process.stderr.write(`terraform-provider-${definition.name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
