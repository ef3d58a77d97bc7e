/**
 * Terraform's JSON plan representation (format 1.2, as `terraform show -json PLANFILE` writes it with Terraform
 * 1.11), so policy checks and review tools that read terraform's JSON read the engine's too: the same keys, the
 * same actions and addresses, the same sensitivity and unknown masks. One deliberate difference: a secret's value
 * is null wherever Terraform would print it (its mask still says it is sensitive).
 */
import type { Attributes } from "../framework/schema";
import { type ObjectValue, type Value, isObject, isUnknown, isWhollyKnown, valuesEqual } from "../framework/value";
import type { EnginePlan, InstanceChange } from "./engine";
import { parseTemplate, type Reference } from "./expressions";
import type { Stack } from "./stack";
import type { StateDocument } from "./state-file";

/** Declarations by resource type, and provider configuration schemas by provider name. */
export interface Schemas {
  resource(type: string): Attributes | undefined;
  provider(name: string): Attributes | undefined;
  source(name: string): string;
  schemaVersion(type: string): number;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function terraformPlanJson(p: EnginePlan, stack: Stack, schemas: Schemas, version: string): { [k: string]: Json } {
  const sensitiveVars = new Set(stack.variables.filter((v) => v.sensitive).map((v) => v.name));
  const errored = p.diagnostics.some((d) => d.severity === "error");
  const changes = [...p.changes].sort((a, b) => cmp(a.address, b.address));
  const doc: { [k: string]: Json } = {
    format_version: "1.2",
    terraform_version: version,
    variables: Object.fromEntries(Object.entries(p.variables).map(([k, v]) => [k, { value: sensitiveVars.has(k) ? null : plain(v) }])),
    planned_values: {
      outputs: Object.fromEntries(
        p.outputs.map((o): [string, Json] => [o.name, isUnknown(o.value) ? { sensitive: o.sensitive } : { sensitive: o.sensitive, type: ctyType(o.value), value: o.sensitive ? null : plain(o.value) }]),
      ),
      root_module: moduleOf(changes.filter((c) => c.after !== null).map((c) => resourceValues(c, c.after as ObjectValue, schemas, true))),
    },
  };
  if (p.drift.length > 0) doc.resource_drift = p.drift.map((d) => driftJson(d, changes, schemas));
  doc.resource_changes = changes.map((c) => changeJson(c, schemas));
  doc.output_changes = Object.fromEntries(p.outputs.map((o) => [o.name, outputChange(p, o)]));
  // Terraform's refresh walk also evaluates the outputs already known then (those not waiting on an apply).
  const knownOutputs = Object.fromEntries(
    p.outputs.filter((o) => !(o.name in p.refreshed.outputs) && isWhollyKnown(o.value) && o.value !== null).map((o) => [o.name, { value: o.value, type: ctyType(o.value), ...(o.sensitive ? { sensitive: true } : {}) }]),
  );
  const refreshed = { ...p.refreshed, outputs: { ...p.refreshed.outputs, ...knownOutputs } };
  const prior = priorState(refreshed, schemas, version, (a) => changes.find((c) => c.address === a)?.sensitive ?? []);
  if (prior) doc.prior_state = prior;
  doc.configuration = configuration(stack, schemas);
  const relevant = relevantAttributes(p, stack);
  if (relevant.length > 0) doc.relevant_attributes = relevant;
  doc.timestamp = (p.timestamp ?? new Date().toISOString()).replace(/\.\d+Z$/, "Z");
  doc.applyable = !errored && (changes.some((c) => c.action !== "noop" || c.importId !== undefined) || Object.values(doc.output_changes as Record<string, { actions: Json }>).some((o) => JSON.stringify(o.actions) !== '["no-op"]'));
  doc.complete = !errored;
  doc.errored = errored;
  return doc;
}

const PROVIDER = (schemas: Schemas, key: string): string => schemas.source(key.split(".")[0]);

type Identified = Pick<InstanceChange, "address" | "type" | "index" | "providerKey" | "resource">;

/** The keys that name a resource instance, first in every entry of the format. */
function identity(c: Identified, schemas: Schemas): { [k: string]: Json } {
  return {
    address: c.address,
    mode: "managed",
    type: c.type,
    name: c.resource.split(".")[1],
    ...(c.index !== undefined ? { index: c.index } : {}),
    provider_name: PROVIDER(schemas, c.providerKey),
  };
}

function resourceValues(c: Identified & { sensitive?: readonly string[] }, value: ObjectValue, schemas: Schemas, omitUnknown: boolean): { [k: string]: Json } {
  const attributes = schemas.resource(c.type) ?? {};
  const marked = new Set(c.sensitive ?? []);
  return {
    ...identity(c, schemas),
    schema_version: schemas.schemaVersion(c.type),
    values: redacted(attributes, value, omitUnknown, marked) as Json,
    sensitive_values: sensitiveMask(attributes, value, marked),
  };
}

function moduleOf(resources: { [k: string]: Json }[]): { [k: string]: Json } {
  return resources.length > 0 ? { resources } : {};
}

function changeJson(c: InstanceChange, schemas: Schemas): { [k: string]: Json } {
  const attributes = schemas.resource(c.type) ?? {};
  const marked = new Set(c.sensitive);
  const change: { [k: string]: Json } = {
    actions: c.action === "replace" && c.createBeforeDestroy ? ["create", "delete"] : actions(c.action),
    before: c.before === null ? null : (redacted(attributes, c.before, false, marked) as Json),
    after: c.after === null ? null : (redacted(attributes, c.after, true, marked) as Json),
    after_unknown: c.after === null ? {} : unknownMask(attributes, c.after),
    before_sensitive: c.before === null ? false : sensitiveMask(attributes, c.before, marked),
    after_sensitive: c.after === null ? false : sensitiveMask(attributes, c.after, marked),
  };
  if (c.action === "replace") change.replace_paths = c.requiresReplace.map((p) => p.split(".") as Json);
  if (c.importId !== undefined) change.importing = { id: c.importId };
  const out: { [k: string]: Json } = { ...identity(c, schemas), change };
  const reason = c.actionReason ?? (c.action === "replace" ? "replace_because_cannot_update" : c.action === "delete" && c.orphan ? "delete_because_no_resource_config" : undefined);
  if (reason) out.action_reason = reason;
  return out;
}

function driftJson(d: EnginePlan["drift"][number], changes: readonly InstanceChange[], schemas: Schemas): { [k: string]: Json } {
  const c = changes.find((x) => x.address === d.address);
  const type = c?.type ?? d.address.split(".")[0];
  const attributes = schemas.resource(type) ?? {};
  const marked = new Set(c?.sensitive ?? []);
  const name = d.address.slice(type.length + 1).replace(/\[\d+\]$/, "");
  const index = /\[(\d+)\]$/.exec(d.address)?.[1];
  return {
    address: d.address,
    mode: "managed",
    type,
    name,
    ...(index !== undefined ? { index: Number(index) } : {}),
    provider_name: c ? PROVIDER(schemas, c.providerKey) : "",
    change: {
      actions: d.gone ? ["delete"] : ["update"],
      before: redacted(attributes, d.before, false, marked) as Json,
      after: d.after === null ? null : (redacted(attributes, d.after, false, marked) as Json),
      after_unknown: {},
      before_sensitive: sensitiveMask(attributes, d.before, marked),
      after_sensitive: d.after === null ? false : sensitiveMask(attributes, d.after, marked),
    },
  };
}

function outputChange(p: EnginePlan, o: EnginePlan["outputs"][number]): { [k: string]: Json } {
  const before = p.refreshed.outputs[o.name];
  const beforeValue = before === undefined ? null : (before.value as Value);
  const unknown = isUnknown(o.value);
  const action = before === undefined ? "create" : !unknown && valuesEqual(beforeValue, o.value) ? "no-op" : "update";
  return {
    actions: [action],
    before: o.sensitive ? null : plain(beforeValue),
    ...(unknown ? {} : { after: o.sensitive ? null : plain(o.value) }),
    after_unknown: unknown,
    before_sensitive: o.sensitive,
    after_sensitive: o.sensitive,
  };
}

/** A state as Terraform's JSON values representation (`terraform show -json` without a plan file). */
export function priorState(state: StateDocument, schemas: Schemas, version: string, marksOf: (address: string) => readonly string[] = () => []): { [k: string]: Json } | null {
  const outputs = Object.fromEntries(Object.entries(state.outputs).map(([k, o]) => [k, { sensitive: o.sensitive === true, value: o.sensitive ? null : (o.value as Json), type: o.type as Json }]));
  const resources = state.resources
    .filter((r) => r.mode === "managed")
    .flatMap((r) =>
      r.instances.map((inst) => {
        const index = typeof inst.index_key === "number" ? inst.index_key : undefined;
        const address = `${r.type}.${r.name}${index === undefined ? "" : `[${index}]`}`;
        const key = /\/([^/"]+)"\](?:\.(.+))?$/.exec(r.provider);
        return resourceValues({ address, type: r.type, index, resource: `${r.type}.${r.name}`, providerKey: key ? key[1] : r.provider, sensitive: marksOf(address) }, inst.attributes as ObjectValue, schemas, false);
      }),
    )
    .sort((a, b) => cmp(String(a.address), String(b.address)));
  if (resources.length === 0 && Object.keys(outputs).length === 0) return null;
  return { format_version: "1.0", terraform_version: version, values: { outputs, root_module: moduleOf(resources) } };
}

function configuration(stack: Stack, schemas: Schemas): { [k: string]: Json } {
  const providerConfig: { [k: string]: Json } = {};
  const keys = new Set([...stack.providers.map((p) => p.key), ...stack.resources.map((r) => r.provider)]);
  for (const key of [...keys].sort()) {
    const [name, alias] = key.split(".");
    const pc = stack.providers.find((p) => p.key === key);
    providerConfig[key] = {
      name,
      full_name: schemas.source(name),
      ...(alias ? { alias } : {}),
      ...(pc && Object.keys(pc.config).length > 0 ? { expressions: expressions(pc.config, schemas.provider(name) ?? {}) } : {}),
    };
  }
  const outputs = Object.fromEntries(
    stack.outputs.map((o) => [o.name, { ...(o.sensitive ? { sensitive: true } : {}), ...(o.description ? { description: o.description } : {}), expression: expression(o.value, false) }]),
  );
  const resources = [...stack.resources]
    .sort((a, b) => cmp(a.address, b.address))
    .map((r) => ({
      address: r.address,
      mode: "managed",
      type: r.type,
      name: r.name,
      provider_config_key: r.provider,
      expressions: expressions(r.config, schemas.resource(r.type) ?? {}),
      schema_version: schemas.schemaVersion(r.type),
      ...(r.count !== undefined ? { count_expression: expression(r.count, false) } : {}),
      ...(r.dependsOn.length > 0 ? { depends_on: [...r.dependsOn] } : {}),
    }));
  const variables = Object.fromEntries(
    stack.variables.map((v) => [
      v.name,
      {
        ...(v.default !== undefined ? { default: v.sensitive ? null : (v.default as Json) } : {}),
        ...(v.description ? { description: v.description } : {}),
        ...(v.sensitive ? { sensitive: true } : {}),
        ...(v.ephemeral ? { ephemeral: true } : {}),
      },
    ]),
  );
  const root: { [k: string]: Json } = {};
  if (Object.keys(outputs).length) root.outputs = outputs;
  if (resources.length) root.resources = resources;
  if (Object.keys(variables).length) root.variables = variables;
  return { provider_config: providerConfig, root_module: root };
}

function expressions(config: Record<string, unknown>, attributes: Attributes): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const key of Object.keys(config).sort()) {
    if (key === "//") continue;
    out[key] = expression(config[key], attributes[key] === undefined ? false : isSecretTree(attributes, key));
  }
  return out;
}

/** An attribute's expression: its references, or (when it has none) its constant value — a secret's as null. */
function expression(value: unknown, secret: boolean | Attributes): { [k: string]: Json } {
  const refs = referencesOf(value);
  if (refs.length > 0) return { references: refs };
  return { constant_value: constant(value, secret) };
}

/** Terraform lists `type.name.attr` and then `type.name` for a resource reference; each once, in order. */
function referencesOf(value: unknown): string[] {
  const out: string[] = [];
  const add = (s: string): void => void (out.includes(s) ? undefined : out.push(s));
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      for (const part of safeTemplate(v)) {
        if (typeof part === "string") continue;
        if (part.kind === "var") add(`var.${part.name}`);
        else if (part.kind === "count.index") add("count.index");
        else {
          const base = `${part.type}.${part.name}${part.index === undefined ? "" : `[${part.index}]`}`;
          if (part.attribute.length > 0) add(`${base}.${part.attribute.join(".")}`);
          add(base);
          if (part.index !== undefined) add(`${part.type}.${part.name}`);
        }
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") Object.entries(v as Record<string, unknown>).forEach(([k, x]) => k !== "//" && walk(x));
  };
  walk(value);
  return out;
}

function safeTemplate(s: string): (string | Reference)[] {
  try {
    return [...parseTemplate(s)];
  } catch {
    return [];
  }
}

/** A constant as Terraform prints it (`$${` unescaped); secrets (by declaration) as null. */
function constant(value: unknown, secret: boolean | Attributes): Json {
  if (secret === true) return null;
  if (typeof value === "string") return safeTemplate(value).join("");
  if (Array.isArray(value)) return value.map((v) => constant(v, false));
  if (value !== null && typeof value === "object") {
    const nested = typeof secret === "object" ? secret : {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== "//")
        .map(([k, v]) => [k, constant(v, nested[k] === undefined ? false : isSecretTree(nested, k))]),
    );
  }
  return (value ?? null) as Json;
}

/** true for a sensitive attribute, its nested attributes for an object, false otherwise. */
function isSecretTree(attributes: Attributes, name: string): boolean | Attributes {
  const a = attributes[name];
  if (!a) return false;
  if (a.sensitive) return true;
  return a.kind === "nested" ? a.attributes : false;
}

/** The value with secrets null and (for planned values) unknown attributes left out. */
function redacted(attributes: Attributes, value: Value, omitUnknown: boolean, marked: ReadonlySet<string> = NONE, path = ""): unknown {
  if (!isObject(value)) return plain(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const a = attributes[k];
    const at = path ? `${path}.${k}` : k;
    if (isUnknown(v)) {
      if (!omitUnknown) out[k] = null;
      continue;
    }
    if (a?.sensitive || marked.has(at)) out[k] = null;
    else if (a && (a.kind === "nested" || a.kind === "list") && isObject(v)) out[k] = redacted(a.attributes, v, omitUnknown, marked, at);
    else out[k] = plain(v);
  }
  return out;
}

const NONE: ReadonlySet<string> = new Set();

/** Terraform's `*_sensitive` masks: true at each sensitive leaf set or not, nested objects as objects. */
function sensitiveMask(attributes: Attributes, value: Value, marked: ReadonlySet<string> = NONE, path = ""): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  if (!isObject(value)) return out;
  for (const [k, a] of Object.entries(attributes)) {
    const v = value[k] ?? null;
    const at = path ? `${path}.${k}` : k;
    // Declared sensitive, or holding a sensitive variable's value (terraform's value marks).
    if (a.sensitive || (marked.has(at) && v !== null)) out[k] = true;
    else if (a.kind === "nested" && isObject(v)) {
      const inner = sensitiveMask(a.attributes, v, marked, at);
      if (Object.keys(inner).length > 0) out[k] = inner;
    }
  }
  return out;
}

/** `after_unknown`: true at each unknown, nested objects always present (as terraform writes them). */
function unknownMask(attributes: Attributes, value: Value): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  if (!isObject(value)) return out;
  for (const [k, a] of Object.entries(attributes)) {
    const v = value[k] ?? null;
    if (isUnknown(v)) out[k] = true;
    else if (a.kind === "nested" && isObject(v)) out[k] = unknownMask(a.attributes, v);
  }
  return out;
}

/**
 * The resource attributes that changes in the plan refer to (terraform's relevant_attributes): references from
 * every resource being changed and every output whose value changes.
 */
function relevantAttributes(p: EnginePlan, stack: Stack): { [k: string]: Json }[] {
  const changing = new Set(p.changes.filter((c) => c.action !== "noop").map((c) => c.resource));
  const sources: unknown[] = [
    ...stack.resources.filter((r) => changing.has(r.address)).map((r) => r.config),
    ...stack.outputs.filter((o) => outputChange(p, p.outputs.find((x) => x.name === o.name) ?? { name: o.name, value: null, sensitive: o.sensitive }).actions?.toString() !== "no-op").map((o) => o.value),
  ];
  const declared = new Set(stack.resources.map((r) => r.address));
  const out: { [k: string]: Json }[] = [];
  const seen = new Set<string>();
  for (const ref of sources.flatMap(referencesOf)) {
    const m = /^([^.[]+)\.([^.[]+)(\[\d+\])?\.(.+)$/.exec(ref);
    if (!m || !declared.has(`${m[1]}.${m[2]}`) || seen.has(ref)) continue;
    seen.add(ref);
    out.push({ resource: `${m[1]}.${m[2]}${m[3] ?? ""}`, attribute: m[4].split(".") });
  }
  return out;
}

function actions(a: InstanceChange["action"]): Json {
  if (a === "replace") return ["delete", "create"];
  if (a === "noop") return ["no-op"];
  return [a];
}

/** A value as JSON: unknowns (never in a known position) as null. */
function plain(v: Value | undefined): Json {
  if (v === undefined || v === null || isUnknown(v)) return null;
  if (Array.isArray(v)) return v.map(plain);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v as Json;
}

function ctyType(v: Value): Json {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return ["tuple", v.map(ctyType)];
  if (isObject(v)) return ["object", Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ctyType(x)]))];
  return "dynamic";
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
