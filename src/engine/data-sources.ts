/**
 * `data` blocks of vaultbridge's data sources, read at plan time (after the providers are configured, before any
 * resource is planned) in dependency order. Their values are saved with the plan, so an apply — in this process
 * or from a plan file — evaluates references to them exactly as planned, with no second read.
 */
import type { ProviderCore } from "../core/provider-core";
import type { Diagnostics } from "../framework/diagnostics";
import { type Value, isWhollyKnown } from "../framework/value";
import { evaluate, type Scope } from "./evaluate";
import { topological } from "./configuration";
import type { Stack } from "./stack";

export async function readDataSources(
  stack: Stack,
  cores: ReadonlyMap<string, ProviderCore<unknown>>,
  scope: Omit<Scope, "instance">,
  diags: Diagnostics,
): Promise<Map<string, Value>> {
  const values = new Map<string, Value>();
  for (const d of topological(stack.dataSources)) {
    const core = cores.get(d.provider);
    if (!core) {
      diags.error("Unknown Provider Configuration", `${d.constructPath}: no provider configuration "${d.provider}" is declared.`);
      continue;
    }
    let config: Value;
    try {
      config = evaluate(d.config, { ...scope, instance: (a) => values.get(a) });
    } catch (err) {
      diags.error("Invalid Reference", `${d.constructPath}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (!isWhollyKnown(config)) {
      // Terraform would defer the read to apply; the engine reads data sources at plan time only.
      diags.error("Data Source Depends On Unknown Values", `${d.constructPath}: its configuration refers to values known only after apply (a resource not created yet); the engine reads data sources while planning — run this stack with Terraform, or refer to known values.`);
      continue;
    }
    const read = await core.readDataSource(d.type, config);
    for (const x of read.diagnostics) diags.add({ ...x, detail: `${d.constructPath}: ${x.detail}` });
    if (read.state) values.set(d.address, read.state);
  }
  return values;
}
