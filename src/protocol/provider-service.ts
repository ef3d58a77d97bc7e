/**
 * tfplugin6.Provider over the provider core: each RPC decodes its request, calls the core, encodes the answer.
 * Nothing here decides anything about resources; it only translates. A handler never throws to gRPC (Terraform
 * would show an opaque INTERNAL error): anything unexpected becomes an error diagnostic saying it is a bug.
 */
import type { ProviderCore } from "../core/provider-core";
import { Diagnostics } from "../framework/diagnostics";
import { dataSourcesOf, type Logger } from "../framework/resource";
import type { Attributes } from "../framework/schema";
import { VaultbridgeError } from "../framework/vaultbridge-error";
import { type ObjectValue, isUnknown } from "../framework/value";
import type { UnaryCall, UnaryHandler } from "../plugin/grpc-server";
import { decodeDynamicValue, decodeJsonState, encodeDynamicValue, toFrameworkValue } from "./cty-codec";
import {
  type Diagnostic as ProtoDiagnostic,
  DiagnosticSeverity,
  type DynamicValue,
  messageCodec,
  PROVIDER_RPCS,
  type ProviderRpcName,
  type RpcRequest,
  type RpcResponse,
  type Schema,
} from "./messages";
import { toProtoDiagnostics, toProtoPath } from "./proto-diagnostics";
import { toProtoSchema } from "./proto-schema";

type Handlers = { [R in ProviderRpcName]?: (req: RpcRequest<R>, call: UnaryCall) => Promise<RpcResponse<R>> };

export function providerService<C>(core: ProviderCore<C>, log: Logger): Map<string, UnaryHandler> {
  const def = core.definition;
  const attributesOf = (typeName: string | undefined): Attributes => {
    const r = core.resource(typeName ?? "");
    if (!r) throw new VaultbridgeError(`this provider has no resource type "${typeName}"; it has ${core.resourceTypes.join(", ")}`, "VB_UNKNOWN_TYPE");
    return r.attributes;
  };
  const dataAttributesOf = (typeName: string | undefined): Attributes => {
    const d = core.dataSource(typeName ?? "");
    if (!d) throw new VaultbridgeError(`this provider has no data source "${typeName}"; it has ${core.dataSourceTypes.join(", ")}`, "VB_UNKNOWN_TYPE");
    return d.attributes;
  };
  const decode = (attributes: Attributes, v: DynamicValue | undefined): ObjectValue | null | ReturnType<typeof toFrameworkValue> =>
    toFrameworkValue(decodeDynamicValue(attributes, v));
  /** Prior/current state is always wholly known; an unknown there is Terraform's bug or ours. */
  const decodeState = (attributes: Attributes, v: DynamicValue | undefined): ObjectValue | null => {
    const value = decode(attributes, v);
    if (isUnknown(value)) throw new VaultbridgeError("a state value arrived unknown", "VB_CODEC");
    return value;
  };
  const encode = (attributes: Attributes, v: ObjectValue | null): DynamicValue => encodeDynamicValue(attributes, v);

  let schemaCache: RpcResponse<"GetProviderSchema"> | undefined;
  const resourceSchemas = (): Record<string, Schema> =>
    Object.fromEntries(def.resources.map((r) => [r.typeName, toProtoSchema(r.attributes, r.version ?? 0, r.description)]));
  const dataSourceSchemas = (): Record<string, Schema> =>
    Object.fromEntries(dataSourcesOf(def).map((d) => [d.typeName, toProtoSchema(d.attributes, 0, d.description)]));

  const handlers: Handlers = {
    async GetMetadata() {
      return {
        server_capabilities: { get_provider_schema_optional: true },
        resources: def.resources.map((r) => ({ type_name: r.typeName })),
        data_sources: core.dataSourceTypes.map((type_name) => ({ type_name })),
      };
    },

    async GetProviderSchema() {
      schemaCache ??= {
        provider: toProtoSchema(def.attributes, 0, def.description),
        resource_schemas: resourceSchemas(),
        data_source_schemas: dataSourceSchemas(),
        server_capabilities: { get_provider_schema_optional: true },
      };
      return schemaCache;
    },

    async ValidateProviderConfig(req) {
      return { diagnostics: toProtoDiagnostics(core.validateProviderConfig(decode(def.attributes, req.config))) };
    },

    async ConfigureProvider(req) {
      const config = decode(def.attributes, req.config);
      return { diagnostics: toProtoDiagnostics(core.configure(config)) };
    },

    async ValidateResourceConfig(req) {
      const attributes = attributesOf(req.type_name);
      // Terraform 1.12+ says here whether it handles write-only attributes; 1.11 says so only when planning.
      const allowed = req.client_capabilities ? req.client_capabilities.write_only_attributes_allowed === true : true;
      return { diagnostics: toProtoDiagnostics(core.validateResourceConfig(req.type_name ?? "", decode(attributes, req.config), allowed)) };
    },

    async ValidateDataResourceConfig(req) {
      const attributes = dataAttributesOf(req.type_name);
      return { diagnostics: toProtoDiagnostics(core.validateDataSourceConfig(req.type_name ?? "", decode(attributes, req.config))) };
    },

    async ReadDataSource(req) {
      const typeName = req.type_name ?? "";
      const attributes = dataAttributesOf(typeName);
      const config = decode(attributes, req.config);
      if (isUnknown(config)) throw new VaultbridgeError("a data source configuration arrived wholly unknown", "VB_CODEC");
      const r = await core.readDataSource(typeName, config);
      // Terraform ignores the state when there are errors, but it must still decode: send the configuration back.
      return { state: r.state === null ? req.config : encode(attributes, r.state), diagnostics: toProtoDiagnostics(r.diagnostics) };
    },

    async UpgradeResourceState(req) {
      const typeName = req.type_name ?? "";
      const attributes = attributesOf(typeName);
      const current = core.resource(typeName)?.version ?? 0;
      if ((req.version ?? 0) > current) {
        return { diagnostics: [unsupported(`The state of this ${typeName} was written by a newer vaultbridge (schema version ${req.version}, this one knows ${current}). Upgrade vaultbridge.`)] };
      }
      const json = req.raw_state?.json;
      if (!json || json.length === 0) {
        return { diagnostics: [unsupported(`The state of this ${typeName} is in the legacy flatmap format, which vaultbridge never wrote.`)] };
      }
      // Current schema: unknown keys dropped, missing ones added as null.
      const upgraded = toFrameworkValue(decodeJsonState(attributes, json));
      return { upgraded_state: encode(attributes, isUnknown(upgraded) ? null : upgraded) };
    },

    async ReadResource(req) {
      const typeName = req.type_name ?? "";
      const attributes = attributesOf(typeName);
      const state = decodeState(attributes, req.current_state);
      if (state === null) return { new_state: encode(attributes, null) };
      const r = await core.readResource(typeName, state);
      return { new_state: encode(attributes, r.state), diagnostics: toProtoDiagnostics(r.diagnostics), private: req.private };
    },

    async PlanResourceChange(req) {
      const typeName = req.type_name ?? "";
      const attributes = attributesOf(typeName);
      const prior = decodeState(attributes, req.prior_state);
      const config = decode(attributes, req.config);
      if (config === null) return { planned_state: encode(attributes, null), planned_private: req.prior_private };
      const plan = core.planResourceChange(typeName, prior, config, req.client_capabilities?.write_only_attributes_allowed === true);
      if (plan.diagnostics.hasError() || plan.planned === null) {
        // Terraform ignores the planned state when there are errors; send back what it proposed.
        return { planned_state: req.proposed_new_state, diagnostics: toProtoDiagnostics(plan.diagnostics) };
      }
      return {
        planned_state: encodeDynamicValue(attributes, plan.planned),
        requires_replace: prior === null ? [] : plan.requiresReplace.map(toProtoPath),
        planned_private: req.prior_private,
        diagnostics: toProtoDiagnostics(plan.diagnostics),
      };
    },

    async ApplyResourceChange(req) {
      const typeName = req.type_name ?? "";
      const attributes = attributesOf(typeName);
      const prior = decodeState(attributes, req.prior_state);
      const planned = decode(attributes, req.planned_state);
      if (isUnknown(planned)) throw new VaultbridgeError("the planned state arrived wholly unknown", "VB_CODEC");
      // Write-only values exist only in the configuration Terraform sends with the apply.
      const config = decode(attributes, req.config);
      const r = await core.applyResourceChange(typeName, prior, planned, isUnknown(config) ? null : config);
      return { new_state: encode(attributes, r.state), diagnostics: toProtoDiagnostics(r.diagnostics), private: req.planned_private };
    },

    async ImportResourceState(req) {
      const typeName = req.type_name ?? "";
      const attributes = attributesOf(typeName);
      const r = await core.importResourceState(typeName, req.id ?? "");
      if (r.state === null) return { diagnostics: toProtoDiagnostics(r.diagnostics) };
      return { imported_resources: [{ type_name: typeName, state: encode(attributes, r.state) }], diagnostics: toProtoDiagnostics(r.diagnostics) };
    },

    async GetFunctions() {
      return { functions: {} };
    },

    async StopProvider() {
      core.stop();
      return {};
    },
  };

  const out = new Map<string, UnaryHandler>();
  for (const name of Object.keys(handlers) as ProviderRpcName[]) {
    out.set(`/tfplugin6.Provider/${name}`, rpc(name, handlers[name] as Handler, log));
  }
  return out;
}

type Handler = (req: unknown, call: UnaryCall) => Promise<unknown>;

/** Decoding, timing, logging, and the last line of defence: a thrown error becomes a diagnostic. */
function rpc(name: ProviderRpcName, handler: Handler, log: Logger): UnaryHandler {
  const [requestType, responseType] = PROVIDER_RPCS[name];
  const requestCodec = messageCodec(requestType);
  const responseCodec = messageCodec(responseType);
  return async (bytes, call) => {
    const started = Date.now();
    let response: unknown;
    try {
      const request = requestCodec.decode(bytes);
      response = await handler(request, call);
    } catch (err) {
      log.warn(`${name} failed`, { error: err instanceof Error ? err.message : String(err) });
      response = { diagnostics: [failure(name, err)] };
    }
    log.debug(`${name} answered`, { ms: Date.now() - started });
    return responseCodec.encode(response as never);
  };
}

function failure(rpcName: string, err: unknown): ProtoDiagnostic {
  const message = err instanceof Error ? err.message : String(err);
  const ours = err instanceof VaultbridgeError;
  const d = new Diagnostics().error(
    ours ? `Invalid ${rpcName} request` : `Unexpected error in ${rpcName}`,
    ours ? message : `${message}. This is a bug in vaultbridge, please report it.`,
  );
  return toProtoDiagnostics(d)[0];
}

function unsupported(detail: string): ProtoDiagnostic {
  return { severity: DiagnosticSeverity.ERROR, summary: "Unsupported", detail };
}
