/**
 * Synth-time validation for the generated construct classes of both CDKs (CDKTF and CDK Terrain): the provider
 * core's configuration-only rules
 * (`validateResourceConfig`, `validateProviderConfig`) run when the app synthesizes, so a bad configuration fails
 * `app.synth()` with the construct path and the attribute before Terraform is involved.
 *
 * The generated classes are never edited: `scripts/generate-bindings.js` writes a same-named subclass of each one
 * whose constructor calls `validateOnSynth(this)`. That registers a constructs-10 validation (`node.addValidation`),
 * which cdktf runs for every construct of a stack after aspects and before writing `cdk.tf.json`. The validation reads
 * what the element will synthesize — its public `toTerraform()`, so overrides (`addOverride`) count too — resolved in
 * its stack as cdktf itself resolves it, i.e. as Terraform JSON with snake_case names. A value that is still a
 * Terraform expression there (a variable, a reference, a function call) is unknown until plan time and left to the
 * plan-time checks, exactly as Terraform's own validate call leaves it.
 *
 * One implementation for both CDKs: this module imports neither. `synthValidation(cdk)` takes the CDK module the
 * bindings were generated for (`cdktf` or `cdktn`, which share this API: cdktn is cdktf's continuation), and
 * ./validation.ts and ../cdktn/validation.ts bind it, so a cdktf app never loads cdktn and a cdktn app never loads
 * cdktf. Elements and stacks must be resolved by their own CDK: cdktn's `TerraformStack.of` does not know a cdktf
 * stack, nor the other way round.
 *
 * Loaded only by the binding entries, never by the provider executables or the emulator.
 */
import type { IConstruct } from "constructs";
import { ProviderCore } from "../core/provider-core";
import { type Diagnostic, Diagnostics } from "../framework/diagnostics";
import type { ProviderDefinition } from "../framework/resource";
import { UNKNOWN, type ObjectValue, type Value } from "../framework/value";
import { providers } from "../providers";

/** Terraform meta-arguments and cdktf metadata: not part of a resource's own configuration. */
const RESOURCE_META = new Set(["//", "connection", "count", "depends_on", "for_each", "lifecycle", "provider", "provisioner"]);
const PROVIDER_META = new Set(["//", "alias"]);

/**
 * What synth validation uses of a CDK module: the part of the API `cdktf` and `cdktn` have in common. `R` is the
 * CDK's own token resolver type (each CDK's `Tokenization.resolve` takes only its own).
 */
export interface CdkModule<R> {
  readonly Annotations: { of(scope: IConstruct): { addWarning(message: string): void } };
  readonly DefaultTokenResolver: new (concat: FragmentConcatenator) => R;
  readonly StringConcat: new () => FragmentConcatenator;
  readonly TerraformProvider: { isTerraformProvider(x: unknown): boolean };
  readonly TerraformStack: { of(construct: IConstruct): IConstruct };
  readonly Tokenization: { resolve(obj: unknown, options: { scope: IConstruct; preparing: boolean; resolver: R }): unknown };
}

interface FragmentConcatenator {
  join(left: unknown, right: unknown): unknown;
}

/** A generated provider, resource or data source class instance, of either CDK. */
export interface TerraformElement extends IConstruct {
  readonly terraformResourceType: string;
  toTerraform(): unknown;
}

/** One core per provider, created on first use; validation needs no client and no environment. */
const cores = new Map<ProviderDefinition<unknown>, ProviderCore<unknown>>();

function coreFor(predicate: (definition: ProviderDefinition<unknown>) => boolean): ProviderCore<unknown> | undefined {
  const definitions: readonly ProviderDefinition<unknown>[] = Object.values(providers);
  const definition = definitions.find(predicate);
  if (!definition) return undefined;
  let core = cores.get(definition);
  if (!core) {
    core = new ProviderCore(definition, { env: {} });
    cores.set(definition, core);
  }
  return core;
}

/**
 * `validateOnSynth(element)` for one CDK: registers the configuration rules of `element`'s provider as a validation
 * of `element`. Each error diagnostic becomes one validation message, `<attribute path>: <summary>: <detail>` (the
 * CDK prefixes it with `[<construct path>]`); warnings become warning annotations on the construct. An element whose
 * type no vaultbridge provider declares is left alone.
 */
export function synthValidation<R>(cdk: CdkModule<R>): (element: TerraformElement) => void {
  const resolver = new cdk.DefaultTokenResolver(new cdk.StringConcat());
  /** Resolves tokens in the element's stack exactly as the stack does when it writes `cdk.tf.json`. */
  const resolveIn = (element: IConstruct, value: unknown): unknown => cdk.Tokenization.resolve(value, { scope: cdk.TerraformStack.of(element), preparing: false, resolver });

  return (element) => {
    const typeName = element.terraformResourceType;
    const isProvider = cdk.TerraformProvider.isTerraformProvider(element);
    const core = isProvider ? coreFor((p) => p.name === typeName) : coreFor((p) => p.resources.some((r) => r.typeName === typeName));
    if (!core) return;
    const warned = new Set<string>();
    element.node.addValidation({
      validate(): string[] {
        const block = resolveIn(element, element.toTerraform());
        const config = isProvider ? providerConfig(block, typeName) : resourceConfig(block, typeName);
        if (config === undefined) return [];
        const diags = checked(() => (isProvider ? core.validateProviderConfig(config) : core.validateResourceConfig(typeName, config)), typeName);
        for (const w of diags.toArray().filter((d) => d.severity === "warning")) {
          const message = validationMessage(w);
          if (!warned.has(message)) cdk.Annotations.of(element).addWarning(message);
          warned.add(message);
        }
        return diags.errors.map(validationMessage);
      },
    });
  };
}

/** The core's answer; a throw from it is a bug, reported as one error rather than a crash of the whole synth. */
function checked(validate: () => Diagnostics, typeName: string): Diagnostics {
  try {
    return validate();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return new Diagnostics().error("Unexpected Validation Error", `Validating ${typeName} failed: ${message}. This is a bug in vaultbridge, please report it.`);
  }
}

/** `<attribute path>: <summary>: <detail>`, or `<summary>: <detail>` for a diagnostic about the whole block. */
export function validationMessage(d: Diagnostic): string {
  const at = d.path && !d.path.isEmpty ? `${d.path}: ` : "";
  return `${at}${d.summary}: ${d.detail}`;
}

/** The resource's own arguments as they will be synthesized; undefined when it synthesizes no resource block. */
function resourceConfig(resolved: unknown, typeName: string): ObjectValue | undefined {
  const block = resolved as { resource?: Record<string, Record<string, unknown>> };
  const instances = block.resource?.[typeName];
  if (!instances) return undefined; // moved away (`moveTo`): nothing of it is synthesized
  return configOf(Object.values(instances)[0], RESOURCE_META);
}

function providerConfig(resolved: unknown, typeName: string): ObjectValue | undefined {
  const block = resolved as { provider?: Record<string, unknown[]> };
  return configOf(block.provider?.[typeName]?.[0] ?? {}, PROVIDER_META);
}

function configOf(block: unknown, meta: ReadonlySet<string>): ObjectValue {
  const out: Record<string, Value> = {};
  if (typeof block !== "object" || block === null) return out;
  for (const [name, v] of Object.entries(block)) {
    if (meta.has(name) || v === undefined) continue;
    out[name] = toValue(v);
  }
  return out;
}

/**
 * A resolved Terraform JSON value as the core's plain value. A string holding an interpolation (`${…}`) or a
 * directive (`%{…}`) is an expression Terraform evaluates at plan time, so it is unknown here, whatever type the
 * attribute has; other strings are template literals, with the `$${` / `%%{` escapes undone.
 */
export function toValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return templateLiteral(v) ?? UNKNOWN;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(toValue);
  if (typeof v === "object") {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toValue(x);
    return out;
  }
  return UNKNOWN;
}

/** The literal a Terraform JSON string stands for, or null when it is a template with an expression in it. */
function templateLiteral(s: string): string | null {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === "$" || c === "%") && s[i + 1] === "{") return null;
    if ((c === "$" || c === "%") && s[i + 1] === c && s[i + 2] === "{") {
      out += `${c}{`;
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}
