/**
 * Attribute declarations: plain, readonly data that every layer reads (wire schema, validation, planning,
 * request bodies, docs, CDKTF bindings). Builders fill in nothing but the kind; flags mean what Terraform says.
 */
import type { Diagnostics } from "./diagnostics";
import type { AttributePath } from "./path";
import type { ObjectValue, Primitive, Value } from "./value";

export interface ValidatorRequest {
  /** A known, non-null value of the attribute's own type. */
  readonly value: Primitive;
  readonly path: AttributePath;
}

/**
 * A small named check on one attribute; every validator runs, even after another reported an error. A validator
 * never quotes the value: Terraform strips sensitivity marks before a provider sees the configuration, so any value
 * may be a secret (`name = var.secret`). Path, reason and allowed values only; Terraform's own snippet shows the
 * expression, masked when sensitive.
 */
export interface Validator {
  /** Reads as the end of "The value …", e.g. "must be one of: oauth, client-secret". Used in docs. */
  readonly description: string;
  validate(req: ValidatorRequest, diags: Diagnostics): void;
}

export interface PlanModifierRequest {
  readonly path: AttributePath;
  readonly config: Value;
  /** The attribute's prior state value; undefined when the resource is being created. */
  readonly prior: Value | undefined;
  readonly planned: Value;
  /** Paths whose planned value differs from prior state (only configurable attributes count). */
  readonly changed: readonly AttributePath[];
}

export interface PlanModifierResponse {
  planned?: Value;
  requiresReplace?: boolean;
}

/** A small named adjustment to one attribute's planned value; modifiers stop at the first error. */
export interface PlanModifier {
  readonly description: string;
  /** Set by modifiers that can force replacement, so docs can say so. */
  readonly forcesReplacement?: boolean;
  modify(req: PlanModifierRequest, resp: PlanModifierResponse, diags: Diagnostics): void;
}

interface AttributeBase {
  /** Mandatory: the docs and the CDKTF bindings are generated from it. */
  readonly description: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /**
   * Write-only (Terraform ≥ 1.11): read from configuration at apply, null in every planned and new state; may hold
   * ephemeral values. Never computed, never compared (a change alone plans nothing).
   */
  readonly writeOnly?: boolean;
  /** Kept in state from configuration alone (e.g. `credentials_wo_version`): the API has no such field. */
  readonly configOnly?: boolean;
  /** For a write-only twin `F_wo`: the name of `F`, the stored form of the same secret. */
  readonly writeOnlyTwinOf?: string;
  /** The API's field name when it is not the camelCase of the attribute name. */
  readonly apiName?: string;
  readonly validators?: readonly Validator[];
  readonly planModifiers?: readonly PlanModifier[];
}

export interface StringAttribute extends AttributeBase {
  readonly kind: "string";
  readonly default?: string;
}
export interface NumberAttribute extends AttributeBase {
  readonly kind: "number";
  readonly default?: number;
}
export interface BoolAttribute extends AttributeBase {
  readonly kind: "bool";
  readonly default?: boolean;
}
/** A nested attribute with nesting mode "single" (one object): kept per-field required/optional in CDKTF. */
export interface NestedAttribute extends AttributeBase {
  readonly kind: "nested";
  readonly attributes: Attributes;
}

/** A list of nested objects (nesting mode "list"): read-only results of data sources, never configured. */
export interface ListNestedAttribute extends AttributeBase {
  readonly kind: "list";
  readonly attributes: Attributes;
}

export type Attribute = StringAttribute | NumberAttribute | BoolAttribute | NestedAttribute | ListNestedAttribute;
export type Attributes = { readonly [name: string]: Attribute };

type Decl<A extends Attribute> = Omit<A, "kind">;

export const string = (a: Decl<StringAttribute>): StringAttribute => ({ kind: "string", ...a });
export const number = (a: Decl<NumberAttribute>): NumberAttribute => ({ kind: "number", ...a });
export const bool = (a: Decl<BoolAttribute>): BoolAttribute => ({ kind: "bool", ...a });
export const nested = (a: Decl<NestedAttribute>): NestedAttribute => ({ kind: "nested", ...a });
export const listNested = (a: Decl<ListNestedAttribute>): ListNestedAttribute => ({ kind: "list", ...a });

const entriesCache = new WeakMap<Attributes, ReadonlyArray<readonly [string, Attribute]>>();

/** `Object.entries(attributes)`, made once per declaration: plan, validation and the codec walk it per value. */
export function attributeEntries(attributes: Attributes): ReadonlyArray<readonly [string, Attribute]> {
  let e = entriesCache.get(attributes);
  if (e === undefined) entriesCache.set(attributes, (e = Object.entries(attributes)));
  return e;
}

export function defaultOf(a: Attribute): Primitive | undefined {
  return a.kind === "nested" || a.kind === "list" ? undefined : a.default;
}

/** An attribute with a default is optional and computed in Terraform's eyes. */
export function isComputed(a: Attribute): boolean {
  return a.computed === true || defaultOf(a) !== undefined;
}

/** Only computed, never configurable. */
export function isComputedOnly(a: Attribute): boolean {
  return a.computed === true && !a.optional && !a.required;
}

export function describeRequirement(a: Attribute): "Required" | "Optional" | "Read-Only" {
  if (a.required) return "Required";
  if (isComputedOnly(a)) return "Read-Only";
  return "Optional";
}

/** Walks the declaration to the attribute at `path` (attribute steps only). */
export function attributeAt(attributes: Attributes, path: AttributePath): Attribute | undefined {
  let current: Attributes | undefined = attributes;
  let found: Attribute | undefined;
  for (const step of path.steps) {
    if (step.kind !== "attribute" || !current) return undefined;
    found = current[step.name];
    current = found?.kind === "nested" ? found.attributes : undefined;
  }
  return found;
}

/** An object with every attribute present: null, or the nested object walked the same way. */
export type { ObjectValue };
