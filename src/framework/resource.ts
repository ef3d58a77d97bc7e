/**
 * What a resource type is: a declaration (attributes) plus CRUD over plain values. Only the declaration and
 * the four CRUD methods are required; every other capability is an optional member the front ends detect.
 */
import type { DataSourceDefinition } from "./data-source";
import type { Diagnostics } from "./diagnostics";
import type { AttributePath } from "./path";
import type { Attributes } from "./schema";
import type { ObjectValue } from "./value";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {} };

/** Passed to every CRUD call: the configured API client, a cancellation signal and a logger. */
export interface ResourceContext<Client> {
  readonly client: Client;
  /**
   * Pass it to every API call. Reads are cancelled by it at once on stop; in create, update and delete it lets a
   * call in flight finish (bounded), and ends only waits and calls not yet sent.
   */
  readonly signal: AbortSignal;
  readonly log: Logger;
}

export interface ModifyPlanRequest {
  /** Prior state (after refresh); null when creating. */
  readonly prior: ObjectValue | null;
  readonly config: ObjectValue;
  /** Paths whose planned value differs from prior state. */
  readonly changed: readonly AttributePath[];
}

export interface ModifyPlanResponse {
  /** The planned new state; replace it to adjust. Planned values must keep every configured value. */
  planned: ObjectValue;
  requiresReplace: AttributePath[];
}

/** One form of import id, e.g. `<project_id>/<name>`, with a sample value and what it finds. */
export interface ImportIdForm {
  readonly format: string;
  readonly example: string;
  readonly finds: string;
}

export interface ResourceDefinition<Client> {
  /** e.g. `infisical_app_connection_postgres`; must carry the provider's prefix. */
  readonly typeName: string;
  readonly description: string;
  readonly attributes: Attributes;
  /** Schema version stored in state; bump it with an `upgradeState` when attributes change shape. */
  readonly version?: number;

  /**
   * Rules that span attributes, on configuration alone (no API call). Values may be unknown: skip those and
   * let plan time decide. Each diagnostic names the attribute at fault.
   */
  validateConfig?(config: ObjectValue, diags: Diagnostics): void;

  /**
   * Rules and adjustments that need prior state (e.g. "cannot be reversed"), run after the attribute plan
   * modifiers. Must keep every configured value as planned; may mark computed values unknown.
   */
  modifyPlan?(req: ModifyPlanRequest, resp: ModifyPlanResponse, diags: Diagnostics): void;

  /** Creates the object from a wholly-known plan; returns the new state with every unknown filled. */
  create(ctx: ResourceContext<Client>, planned: ObjectValue, diags: Diagnostics): Promise<ObjectValue | null>;

  /** Refreshes state from the API; null means the object is gone (Terraform then plans a create). */
  read(ctx: ResourceContext<Client>, prior: ObjectValue, diags: Diagnostics): Promise<ObjectValue | null>;

  /** Converges the object from prior to planned; returns the new state with every unknown filled. */
  update(ctx: ResourceContext<Client>, prior: ObjectValue, planned: ObjectValue, diags: Diagnostics): Promise<ObjectValue | null>;

  /** Deletes the object; an object already gone is success. State is removed when no error is reported. */
  delete(ctx: ResourceContext<Client>, prior: ObjectValue, diags: Diagnostics): Promise<void>;

  /** Finds an existing object by the id the user gives to `terraform import` (secrets come back null). */
  importState?(ctx: ResourceContext<Client>, id: string, diags: Diagnostics): Promise<ObjectValue | null>;

  /** The id forms `importState` accepts, in the order it tries them; the reference docs' Import section lists them. */
  readonly importIds?: readonly ImportIdForm[];

  /** The import id that finds the object a plan would create (used to adopt a create a killed run left behind). */
  importIdOf?(planned: ObjectValue): string | null;

  /** What `vaultbridge adopt` needs to write a configuration for objects that already exist. */
  readonly adoption?: Adoption<Client>;

  /** The data source that reads one object of this type (same type name), derived from this declaration. */
  readonly dataSource?: DataSourceDefinition<Client>;
}

export interface Adoption<Client> {
  /** Every object of this type the credentials see (optionally one project's), as state with secrets null. */
  list(ctx: ResourceContext<Client>, filter: { readonly projectId?: string }): Promise<ObjectValue[]>;
  /** The write-only attributes holding the secrets this object needs whenever its credentials are sent. */
  secrets(state: ObjectValue): readonly AttributePath[];
}

/** A provider: its own configuration schema, how that configuration becomes an API client, its resources. */
export interface ProviderDefinition<Client> {
  /** Short name, e.g. `infisical`. */
  readonly name: string;
  /** Terraform source address, e.g. `registry.terraform.io/vaultbridge/infisical`. */
  readonly source: string;
  readonly description: string;
  readonly attributes: Attributes;
  /** Markdown sections appended to the provider's reference page (what attribute lists cannot say: CI examples). */
  readonly guide?: string;
  validateConfig?(config: ObjectValue, diags: Diagnostics): void;
  /** Builds the client from configuration and the environment; reports and returns null on failure. */
  configure(config: ObjectValue, env: NodeJS.ProcessEnv, diags: Diagnostics, log: Logger): Client | null;
  /** Releases the client's connections. */
  close?(client: Client): Promise<void>;
  /**
   * Where a configured client's objects live (its API's base URL): create intents are kept apart per scope (see
   * core/create-intents intentKey; only the URL's origin and path are kept).
   */
  intentScope?(client: Client): string;
  readonly resources: readonly ResourceDefinition<Client>[];
  /** Data sources beyond the resources' own (`ResourceDefinition.dataSource`), e.g. lists. */
  readonly dataSources?: readonly DataSourceDefinition<Client>[];
}

/** Every data source of a provider: each resource's own, then the provider's others. */
export function dataSourcesOf<D>(p: { readonly resources: readonly { readonly dataSource?: D }[]; readonly dataSources?: readonly D[] }): D[] {
  return [...p.resources.flatMap((r) => (r.dataSource ? [r.dataSource] : [])), ...(p.dataSources ?? [])];
}
