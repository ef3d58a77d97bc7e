/**
 * Data sources: read-only look-ups, declared from the same attribute declarations as the resources they read, so
 * no attribute is written twice. A data source's attributes are the resource's non-secret ones, all computed, with
 * the look-up keys (e.g. `id`, `name`) optional as well.
 */
import type { Diagnostics } from "./diagnostics";
import type { ResourceContext } from "./resource";
import type { Attribute, Attributes } from "./schema";
import type { ObjectValue } from "./value";

export interface DataSourceDefinition<Client> {
  /** e.g. `infisical_app_connection_postgres`; carries the provider's prefix, like a resource type. */
  readonly typeName: string;
  readonly description: string;
  readonly attributes: Attributes;
  /** Rules on configuration alone (which look-up keys may be combined); values may be unknown. */
  validateConfig?(config: ObjectValue, diags: Diagnostics): void;
  /** Reads the object the configuration names; reports "not found" naming what was looked for. */
  read(ctx: ResourceContext<Client>, config: ObjectValue, diags: Diagnostics): Promise<ObjectValue | null>;
}

/**
 * The attributes of a data source reading objects of `resource`: secrets, write-only values and configuration-only
 * attributes are left out; every other attribute is computed; `lookup` names the ones that are optional too (and
 * keep their validators, so a malformed look-up key is refused before any call).
 */
export function dataSourceAttributes(resource: Attributes, lookup: readonly string[] = []): Attributes {
  const out: Record<string, Attribute> = {};
  for (const [name, a] of Object.entries(resource)) {
    if (a.sensitive || a.writeOnly || a.configOnly) continue;
    out[name] = lookup.includes(name) ? { ...readOnly(a), optional: true, validators: a.validators } : readOnly(a);
  }
  return out;
}

function readOnly(a: Attribute): Attribute {
  const base = { description: a.description, computed: true as const, ...(a.apiName ? { apiName: a.apiName } : {}) };
  if (a.kind === "nested" || a.kind === "list") return { ...base, kind: a.kind, attributes: dataSourceAttributes(a.attributes) };
  return { ...base, kind: a.kind };
}
