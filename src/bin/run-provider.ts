/**
 * The provider executables' main: the core for one provider, served over the plugin protocol. Logs are hclog
 * JSON on stderr (Terraform shows them under TF_LOG); stdout carries only the handshake line.
 */
import { setFlagsFromString } from "node:v8";
import { CreateIntents, providerIntentsPath } from "../core/create-intents";
import { ProviderCore } from "../core/provider-core";
import type { ProviderDefinition } from "../framework/resource";
import { trustDeferredExtraCaCerts } from "../plugin/extra-ca-certs";
import { hclogLogger } from "../plugin/hclog";
import { servePlugin } from "../plugin/serve";
import { providerService } from "../protocol/provider-service";

export function runProvider<C>(definition: ProviderDefinition<C>): void {
  // undici parses HTTP with llhttp, WebAssembly compiled on the first connection. V8 then optimises it on a
  // background thread, and a process cannot exit before that job ends: 50-70 ms after Shutdown was answered, on the
  // last launch of every plan (measured; --no-wasm-tier-up does not avoid it). The baseline compiler alone parses
  // our few, small answers as well, and the process then exits within ~10 ms of Shutdown.
  setFlagsFromString("--liftoff-only");
  const log = hclogLogger(`provider.terraform-provider-${definition.name}`);
  trustDeferredExtraCaCerts(process.env, (message) => log.warn(message));
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
