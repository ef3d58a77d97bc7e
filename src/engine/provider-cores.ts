/**
 * The engine's view of vaultbridge's providers: one provider core per configuration key, their declarations, state
 * addresses, and the stack's state store.
 */
import { ProviderCore } from "../core/provider-core";
import { type Diagnostic, Diagnostics } from "../framework/diagnostics";
import { dataSourcesOf, type Logger, type ProviderDefinition } from "../framework/resource";
import { type Value, isObject } from "../framework/value";
import type { Attributes } from "../framework/schema";
import { writeOnlyPaths } from "../framework/write-only";
import { providers } from "../providers";
import type { Schemas } from "./plan-json";
import { evaluate } from "./evaluate";
import { type KnownProviders, type Stack } from "./stack";
import { type StateInstance, type StateResource } from "./state-file";
import { BackendSettingsError, openStateStore } from "./state-store/open-store";
import type { StateStore } from "./state-store/state-store";
import { closest } from "./suggest";
import { sensitivePaths } from "./state-values";

type AnyDefinition = ProviderDefinition<unknown>;

const DEFINITIONS: readonly AnyDefinition[] = Object.values(providers) as AnyDefinition[];

export const schemaVersionOf = (type: string): number | undefined => {
  const r = DEFINITIONS.flatMap((d) => d.resources).find((x) => x.typeName === type);
  return r ? (r.version ?? 0) : undefined;
};

export const KNOWN: KnownProviders = Object.fromEntries(
  DEFINITIONS.map((d) => [d.name, { source: d.source, resourceTypes: d.resources.map((r) => r.typeName), dataSourceTypes: dataSourcesOf(d).map((x) => x.typeName) }]),
);

export function makeCores(stack: Stack, variables: ReadonlyMap<string, Value>, env: NodeJS.ProcessEnv, log: Logger, diags: Diagnostics): Map<string, ProviderCore<unknown>> {
  const cores = new Map<string, ProviderCore<unknown>>();
  const keys = new Set([...stack.providers.map((p) => p.key), ...stack.resources.map((r) => r.provider)]);
  for (const key of keys) {
    const core = newCore(key, env, log);
    if (!core) {
      const name = key.split(".")[0];
      const typo = closest(name, DEFINITIONS.map((d) => d.name));
      diags.error("Unknown Provider Configuration", `Resources refer to provider "${key}", which is not one of vaultbridge's (${DEFINITIONS.map((d) => d.name).join(", ")}).${typo ? ` Did you mean "${typo}"?` : ""}`);
      continue;
    }
    if (key.includes(".") && !stack.providers.some((p) => p.key === key)) {
      diags.error("Unknown Provider Configuration", `Resources refer to provider "${key}", but no provider block declares that alias.`);
      continue;
    }
    prefix(diags, `provider.${key}`, core.validateProviderConfig(providerConfig(stack, key, variables)));
    cores.set(key, core);
  }
  return cores;
}

export function newCore(key: string, env: NodeJS.ProcessEnv, log: Logger): ProviderCore<unknown> | null {
  const def = DEFINITIONS.find((d) => d.name === key.split(".")[0]);
  return def ? new ProviderCore(def, { env, log }) : null;
}

export function providerConfig(stack: Stack, key: string, variables: ReadonlyMap<string, Value>): Value {
  const pc = stack.providers.find((p) => p.key === key);
  return pc ? evaluate(pc.config, { variables, instance: () => undefined, countOf: () => undefined }) : {};
}

export function coreFor(cores: Map<string, ProviderCore<unknown>>, res: StateResource, env: NodeJS.ProcessEnv, log: Logger): ProviderCore<unknown> | null {
  const key = providerKeyOf(res);
  const existing = cores.get(key);
  if (existing) return existing;
  const core = newCore(key, env, log);
  if (core) {
    core.configure({});
    cores.set(key, core);
  }
  return core;
}

/** `provider["registry.terraform.io/vaultbridge/infisical"].eu` → `infisical.eu`. */
export function providerKeyOf(res: StateResource): string {
  const m = /^provider\["[^"]*\/([^"/]+)"\](?:\.(.+))?$/.exec(res.provider);
  return m ? (m[2] ? `${m[1]}.${m[2]}` : m[1]) : res.provider;
}

export function providerAddress(source: string, key: string): string {
  const alias = key.split(".")[1];
  return `provider["${source}"]${alias ? `.${alias}` : ""}`;
}

export function instanceAddress(res: StateResource, inst: StateInstance): string {
  const base = `${res.type}.${res.name}`;
  return inst.index_key === undefined ? base : typeof inst.index_key === "number" ? `${base}[${inst.index_key}]` : `${base}["${inst.index_key}"]`;
}

/** The declarations the JSON plan and state representations are written from. */
export const schemas: Schemas = {
  resource: (type) => attributesOfType(type),
  provider: (name) => DEFINITIONS.find((d) => d.name === name)?.attributes,
  source: (name) => DEFINITIONS.find((d) => d.name === name)?.source ?? `registry.terraform.io/vaultbridge/${name}`,
  schemaVersion: (type) => schemaVersionOf(type) ?? 0,
};

export function attributesOfType(type: string): Attributes | undefined {
  for (const d of DEFINITIONS) for (const r of d.resources) if (r.typeName === type) return r.attributes;
  return undefined;
}

// Derived from a declaration once, not once per instance (10,000 instances of one type share them).
const writeOnlyOf = new WeakMap<Attributes, ReturnType<typeof writeOnlyPaths>>();
const sensitiveNames = new WeakMap<Attributes, string[]>();

/** The write-only attribute paths `config` sets (a known or unknown value, never null). */
export function writeOnlySet(core: ProviderCore<unknown>, type: string, config: Value): string[] {
  const def = core.resource(type);
  if (!def) return [];
  let paths = writeOnlyOf.get(def.attributes);
  if (!paths) writeOnlyOf.set(def.attributes, (paths = writeOnlyPaths(def.attributes)));
  return paths.filter((path) => {
    let v: Value = config;
    for (const step of path.steps) v = step.kind === "attribute" && isObject(v) ? (v[step.name] ?? null) : null;
    return v !== null;
  }).map(String);
}

export function sensitiveOf(core: ProviderCore<unknown>, type: string): string[] {
  const def = core.resource(type);
  if (!def) return [];
  let names = sensitiveNames.get(def.attributes);
  if (!names) sensitiveNames.set(def.attributes, (names = sensitivePaths(def.attributes).map((p) => p.map((s) => s.value).join("."))));
  return [...names];
}

export function prefix(diags: Diagnostics, where: string, from: Iterable<Diagnostic>): void {
  for (const d of from) diags.add({ ...d, detail: `${where}: ${d.detail}` });
}

export async function closeCores(cores: Map<string, ProviderCore<unknown>>): Promise<void> {
  await Promise.all([...cores.values()].map((c) => c.close()));
}

/** The stack's state store; a backend that cannot be opened is a diagnostic naming it (never its password). */
export async function openStore(stack: Stack, env: NodeJS.ProcessEnv, diags: Diagnostics): Promise<StateStore | null> {
  try {
    return await openStateStore(stack, env);
  } catch (err) {
    if (!(err instanceof BackendSettingsError) && !(err instanceof Error)) throw err;
    diags.error("State Backend Unavailable", `${err.message}.`);
    return null;
  }
}
