/**
 * tfplugin6 and go-plugin messages: TypeScript shapes and encode/decode helpers over protobufjs' static code
 * (static.generated.ts, made by `npm run gen:proto`), loaded with `protobufjs/minimal` on the first encode/decode:
 * no descriptor, no reflection, no code generated at run time. Reflection cost ~9 ms of every launch to set up
 * (profiled), three launches per plan; static code takes 9–21 ms off a plan of 100 connections (~500 ms; four
 * runs, medians of 9, interleaved), and reflection is no longer in the provider bundles.
 *
 * Shapes follow protobufjs' object form with field names as in the .proto (snake_case):
 * - every field is optional on input; decoded messages omit fields holding their default (proto3), except that
 *   repeated and map fields always come back as arrays / objects;
 * - int64 fields are plain numbers (all int64 values in this protocol are small: versions, list indexes);
 * - bytes are `Uint8Array` on input and `Buffer` when decoded; enums are numbers (constants below);
 * - a oneof also reports which member is set through its name (`selector` on an AttributePath step).
 */
import type { IConversionOptions } from "protobufjs/minimal";
import type { StaticMessageType } from "./static.generated";

// ---------------------------------------------------------------------------------------------- enums

export const DiagnosticSeverity = { INVALID: 0, ERROR: 1, WARNING: 2 } as const;
export type DiagnosticSeverity = (typeof DiagnosticSeverity)[keyof typeof DiagnosticSeverity];

export const StringKind = { PLAIN: 0, MARKDOWN: 1 } as const;
export type StringKind = (typeof StringKind)[keyof typeof StringKind];

/** Schema.Object.NestingMode: how a nested attribute holds its objects. */
export const ObjectNesting = { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4 } as const;
export type ObjectNesting = (typeof ObjectNesting)[keyof typeof ObjectNesting];

/** Schema.NestedBlock.NestingMode. */
export const BlockNesting = { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4, GROUP: 5 } as const;
export type BlockNesting = (typeof BlockNesting)[keyof typeof BlockNesting];

export const DeferredReason = { UNKNOWN: 0, RESOURCE_CONFIG_UNKNOWN: 1, PROVIDER_CONFIG_UNKNOWN: 2, ABSENT_PREREQ: 3 } as const;
export type DeferredReason = (typeof DeferredReason)[keyof typeof DeferredReason];

// ---------------------------------------------------------------------------------------------- shared messages

/** A Terraform value: `msgpack` (what Terraform sends and what we answer) or `json` (fallback only). */
export interface DynamicValue {
  readonly msgpack?: Uint8Array;
  readonly json?: Uint8Array;
}

export type AttributePathStep =
  | { readonly attribute_name: string; readonly selector?: "attribute_name" }
  | { readonly element_key_string: string; readonly selector?: "element_key_string" }
  | { readonly element_key_int: number; readonly selector?: "element_key_int" };

export interface AttributePath {
  readonly steps?: readonly AttributePathStep[];
}

export interface Diagnostic {
  readonly severity?: DiagnosticSeverity;
  readonly summary?: string;
  readonly detail?: string;
  readonly attribute?: AttributePath;
}

export interface RawState {
  readonly json?: Uint8Array;
  readonly flatmap?: Readonly<Record<string, string>>;
}

export interface SchemaAttribute {
  readonly name?: string;
  /** JSON of a cty type, e.g. `"string"` with the quotes; unset when `nested_type` is set. */
  readonly type?: Uint8Array;
  readonly nested_type?: SchemaObject;
  readonly description?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly description_kind?: StringKind;
  readonly deprecated?: boolean;
  readonly write_only?: boolean;
}

export interface SchemaObject {
  readonly attributes?: readonly SchemaAttribute[];
  readonly nesting?: ObjectNesting;
}

export interface SchemaNestedBlock {
  readonly type_name?: string;
  readonly block?: SchemaBlock;
  readonly nesting?: BlockNesting;
  readonly min_items?: number;
  readonly max_items?: number;
}

export interface SchemaBlock {
  readonly version?: number;
  readonly attributes?: readonly SchemaAttribute[];
  readonly block_types?: readonly SchemaNestedBlock[];
  readonly description?: string;
  readonly description_kind?: StringKind;
  readonly deprecated?: boolean;
}

export interface Schema {
  readonly version?: number;
  readonly block?: SchemaBlock;
}

export interface FunctionParameter {
  readonly name?: string;
  readonly type?: Uint8Array;
  readonly allow_null_value?: boolean;
  readonly allow_unknown_values?: boolean;
  readonly description?: string;
  readonly description_kind?: StringKind;
}

/** tfplugin6.Function (renamed: `Function` is a TypeScript global). */
export interface FunctionDefinition {
  readonly parameters?: readonly FunctionParameter[];
  readonly variadic_parameter?: FunctionParameter;
  readonly return?: { readonly type?: Uint8Array };
  readonly summary?: string;
  readonly description?: string;
  readonly description_kind?: StringKind;
  readonly deprecation_message?: string;
}

export interface ServerCapabilities {
  readonly plan_destroy?: boolean;
  /** Later launches may use a cached schema instead of calling GetProviderSchema. */
  readonly get_provider_schema_optional?: boolean;
  readonly move_resource_state?: boolean;
}

export interface ClientCapabilities {
  readonly deferral_allowed?: boolean;
  readonly write_only_attributes_allowed?: boolean;
}

export interface Deferred {
  readonly reason?: DeferredReason;
}

// ---------------------------------------------------------------------------------------------- RPC messages

export type GetMetadataRequest = Record<string, never>;
export interface GetMetadataResponse {
  readonly server_capabilities?: ServerCapabilities;
  readonly diagnostics?: readonly Diagnostic[];
  readonly data_sources?: readonly { readonly type_name?: string }[];
  readonly resources?: readonly { readonly type_name?: string }[];
  readonly functions?: readonly { readonly name?: string }[];
  readonly ephemeral_resources?: readonly { readonly type_name?: string }[];
}

export type GetProviderSchemaRequest = Record<string, never>;
export interface GetProviderSchemaResponse {
  readonly provider?: Schema;
  readonly resource_schemas?: Readonly<Record<string, Schema>>;
  readonly data_source_schemas?: Readonly<Record<string, Schema>>;
  readonly functions?: Readonly<Record<string, FunctionDefinition>>;
  readonly ephemeral_resource_schemas?: Readonly<Record<string, Schema>>;
  readonly diagnostics?: readonly Diagnostic[];
  readonly provider_meta?: Schema;
  readonly server_capabilities?: ServerCapabilities;
}

export interface ValidateProviderConfigRequest {
  readonly config?: DynamicValue;
}
export interface ValidateProviderConfigResponse {
  readonly diagnostics?: readonly Diagnostic[];
}

export interface UpgradeResourceStateRequest {
  readonly type_name?: string;
  /** The schema version recorded in state. */
  readonly version?: number;
  readonly raw_state?: RawState;
}
export interface UpgradeResourceStateResponse {
  /** msgpack, in the current schema. */
  readonly upgraded_state?: DynamicValue;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ValidateResourceConfigRequest {
  readonly type_name?: string;
  readonly config?: DynamicValue;
  readonly client_capabilities?: ClientCapabilities;
}
export interface ValidateResourceConfigResponse {
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ValidateDataResourceConfigRequest {
  readonly type_name?: string;
  readonly config?: DynamicValue;
}
export interface ValidateDataResourceConfigResponse {
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ConfigureProviderRequest {
  readonly terraform_version?: string;
  readonly config?: DynamicValue;
  readonly client_capabilities?: ClientCapabilities;
}
export interface ConfigureProviderResponse {
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ReadResourceRequest {
  readonly type_name?: string;
  readonly current_state?: DynamicValue;
  readonly private?: Uint8Array;
  readonly provider_meta?: DynamicValue;
  readonly client_capabilities?: ClientCapabilities;
}
export interface ReadResourceResponse {
  /** Null (msgpack nil) says the object is gone: Terraform then plans a create. */
  readonly new_state?: DynamicValue;
  readonly diagnostics?: readonly Diagnostic[];
  readonly private?: Uint8Array;
  readonly deferred?: Deferred;
}

export interface PlanResourceChangeRequest {
  readonly type_name?: string;
  readonly prior_state?: DynamicValue;
  readonly proposed_new_state?: DynamicValue;
  readonly config?: DynamicValue;
  readonly prior_private?: Uint8Array;
  readonly provider_meta?: DynamicValue;
  readonly client_capabilities?: ClientCapabilities;
}
export interface PlanResourceChangeResponse {
  readonly planned_state?: DynamicValue;
  readonly requires_replace?: readonly AttributePath[];
  readonly planned_private?: Uint8Array;
  readonly diagnostics?: readonly Diagnostic[];
  /** Reserved for the legacy SDK: never set it. */
  readonly legacy_type_system?: boolean;
  readonly deferred?: Deferred;
}

export interface ApplyResourceChangeRequest {
  readonly type_name?: string;
  readonly prior_state?: DynamicValue;
  readonly planned_state?: DynamicValue;
  readonly config?: DynamicValue;
  readonly planned_private?: Uint8Array;
  readonly provider_meta?: DynamicValue;
}
export interface ApplyResourceChangeResponse {
  readonly new_state?: DynamicValue;
  readonly private?: Uint8Array;
  readonly diagnostics?: readonly Diagnostic[];
  /** Reserved for the legacy SDK: never set it. */
  readonly legacy_type_system?: boolean;
}

export interface ImportResourceStateRequest {
  readonly type_name?: string;
  readonly id?: string;
  readonly client_capabilities?: ClientCapabilities;
}
export interface ImportedResource {
  readonly type_name?: string;
  readonly state?: DynamicValue;
  readonly private?: Uint8Array;
}
export interface ImportResourceStateResponse {
  readonly imported_resources?: readonly ImportedResource[];
  readonly diagnostics?: readonly Diagnostic[];
  readonly deferred?: Deferred;
}

export interface MoveResourceStateRequest {
  readonly source_provider_address?: string;
  readonly source_type_name?: string;
  readonly source_schema_version?: number;
  /** Only `json` is set. */
  readonly source_state?: RawState;
  readonly target_type_name?: string;
  readonly source_private?: Uint8Array;
}
export interface MoveResourceStateResponse {
  readonly target_state?: DynamicValue;
  readonly diagnostics?: readonly Diagnostic[];
  readonly target_private?: Uint8Array;
}

export interface ReadDataSourceRequest {
  readonly type_name?: string;
  readonly config?: DynamicValue;
  readonly provider_meta?: DynamicValue;
  readonly client_capabilities?: ClientCapabilities;
}
export interface ReadDataSourceResponse {
  readonly state?: DynamicValue;
  readonly diagnostics?: readonly Diagnostic[];
  readonly deferred?: Deferred;
}

export type GetFunctionsRequest = Record<string, never>;
export interface GetFunctionsResponse {
  readonly functions?: Readonly<Record<string, FunctionDefinition>>;
  readonly diagnostics?: readonly Diagnostic[];
}

export type StopProviderRequest = Record<string, never>;
export interface StopProviderResponse {
  /** Capitalised in the protocol. */
  readonly Error?: string;
}

/** plugin.Empty (go-plugin's GRPCController). */
export type Empty = Record<string, never>;

/** Every message with a typed codec, by its full protobuf name. */
export interface ProtocolMessages {
  "tfplugin6.DynamicValue": DynamicValue;
  "tfplugin6.Diagnostic": Diagnostic;
  "tfplugin6.AttributePath": AttributePath;
  "tfplugin6.Schema": Schema;
  "tfplugin6.GetMetadata.Request": GetMetadataRequest;
  "tfplugin6.GetMetadata.Response": GetMetadataResponse;
  "tfplugin6.GetProviderSchema.Request": GetProviderSchemaRequest;
  "tfplugin6.GetProviderSchema.Response": GetProviderSchemaResponse;
  "tfplugin6.ValidateProviderConfig.Request": ValidateProviderConfigRequest;
  "tfplugin6.ValidateProviderConfig.Response": ValidateProviderConfigResponse;
  "tfplugin6.UpgradeResourceState.Request": UpgradeResourceStateRequest;
  "tfplugin6.UpgradeResourceState.Response": UpgradeResourceStateResponse;
  "tfplugin6.ValidateResourceConfig.Request": ValidateResourceConfigRequest;
  "tfplugin6.ValidateResourceConfig.Response": ValidateResourceConfigResponse;
  "tfplugin6.ValidateDataResourceConfig.Request": ValidateDataResourceConfigRequest;
  "tfplugin6.ValidateDataResourceConfig.Response": ValidateDataResourceConfigResponse;
  "tfplugin6.ConfigureProvider.Request": ConfigureProviderRequest;
  "tfplugin6.ConfigureProvider.Response": ConfigureProviderResponse;
  "tfplugin6.ReadResource.Request": ReadResourceRequest;
  "tfplugin6.ReadResource.Response": ReadResourceResponse;
  "tfplugin6.PlanResourceChange.Request": PlanResourceChangeRequest;
  "tfplugin6.PlanResourceChange.Response": PlanResourceChangeResponse;
  "tfplugin6.ApplyResourceChange.Request": ApplyResourceChangeRequest;
  "tfplugin6.ApplyResourceChange.Response": ApplyResourceChangeResponse;
  "tfplugin6.ImportResourceState.Request": ImportResourceStateRequest;
  "tfplugin6.ImportResourceState.Response": ImportResourceStateResponse;
  "tfplugin6.MoveResourceState.Request": MoveResourceStateRequest;
  "tfplugin6.MoveResourceState.Response": MoveResourceStateResponse;
  "tfplugin6.ReadDataSource.Request": ReadDataSourceRequest;
  "tfplugin6.ReadDataSource.Response": ReadDataSourceResponse;
  "tfplugin6.GetFunctions.Request": GetFunctionsRequest;
  "tfplugin6.GetFunctions.Response": GetFunctionsResponse;
  "tfplugin6.StopProvider.Request": StopProviderRequest;
  "tfplugin6.StopProvider.Response": StopProviderResponse;
  "plugin.Empty": Empty;
}
export type MessageName = keyof ProtocolMessages;

/**
 * The Provider RPCs with typed messages: [request, response]. The other RPCs of the service (ephemeral
 * resources, CallFunction) are answered UNIMPLEMENTED without decoding; `serviceMethods` lists them all.
 */
export const PROVIDER_RPCS = {
  GetMetadata: ["tfplugin6.GetMetadata.Request", "tfplugin6.GetMetadata.Response"],
  GetProviderSchema: ["tfplugin6.GetProviderSchema.Request", "tfplugin6.GetProviderSchema.Response"],
  ValidateProviderConfig: ["tfplugin6.ValidateProviderConfig.Request", "tfplugin6.ValidateProviderConfig.Response"],
  ValidateResourceConfig: ["tfplugin6.ValidateResourceConfig.Request", "tfplugin6.ValidateResourceConfig.Response"],
  ValidateDataResourceConfig: ["tfplugin6.ValidateDataResourceConfig.Request", "tfplugin6.ValidateDataResourceConfig.Response"],
  UpgradeResourceState: ["tfplugin6.UpgradeResourceState.Request", "tfplugin6.UpgradeResourceState.Response"],
  ConfigureProvider: ["tfplugin6.ConfigureProvider.Request", "tfplugin6.ConfigureProvider.Response"],
  ReadResource: ["tfplugin6.ReadResource.Request", "tfplugin6.ReadResource.Response"],
  PlanResourceChange: ["tfplugin6.PlanResourceChange.Request", "tfplugin6.PlanResourceChange.Response"],
  ApplyResourceChange: ["tfplugin6.ApplyResourceChange.Request", "tfplugin6.ApplyResourceChange.Response"],
  ImportResourceState: ["tfplugin6.ImportResourceState.Request", "tfplugin6.ImportResourceState.Response"],
  MoveResourceState: ["tfplugin6.MoveResourceState.Request", "tfplugin6.MoveResourceState.Response"],
  ReadDataSource: ["tfplugin6.ReadDataSource.Request", "tfplugin6.ReadDataSource.Response"],
  GetFunctions: ["tfplugin6.GetFunctions.Request", "tfplugin6.GetFunctions.Response"],
  StopProvider: ["tfplugin6.StopProvider.Request", "tfplugin6.StopProvider.Response"],
} as const satisfies Record<string, readonly [MessageName, MessageName]>;
export type ProviderRpcName = keyof typeof PROVIDER_RPCS;
export type RpcRequest<R extends ProviderRpcName> = ProtocolMessages[(typeof PROVIDER_RPCS)[R][0]];
export type RpcResponse<R extends ProviderRpcName> = ProtocolMessages[(typeof PROVIDER_RPCS)[R][1]];

// ---------------------------------------------------------------------------------------------- codecs

export interface MessageCodec<T> {
  /** Full protobuf name, e.g. `tfplugin6.PlanResourceChange.Request`. */
  readonly typeName: string;
  /** Encodes after protobufjs' `fromObject` (which coerces numbers to int64, checks enums and oneofs). */
  encode(message: T): Buffer;
  /** Throws protobufjs' error on malformed input. */
  decode(bytes: Uint8Array): T;
}

/** Options for `Type.toObject`; the interfaces above describe the result. */
const TO_OBJECT: IConversionOptions = { longs: Number, enums: Number, defaults: false, arrays: true, objects: true, oneofs: true };

let staticTypes: (typeof import("./static.generated"))["messageTypes"] | undefined;

/**
 * The static code is required on first use, not at start: the handshake never needs it (spawn → handshake 45.7 ms
 * when imported up front, 44.2 ms so, median of 41).
 */
function messageType(name: string): StaticMessageType {
  staticTypes ??= (require("./static.generated") as typeof import("./static.generated")).messageTypes;
  const type = staticTypes[name];
  if (!type) throw new Error(`no protobuf message type ${name}`);
  return type;
}

class LazyCodec<T> implements MessageCodec<T> {
  private type: StaticMessageType | undefined;

  constructor(readonly typeName: string) {}

  encode(message: T): Buffer {
    const type = this.resolve();
    const bytes = type.encode(type.fromObject(message as object)).finish();
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  decode(bytes: Uint8Array): T {
    const type = this.resolve();
    // A Buffer input makes protobufjs return bytes fields as Buffers (zero-copy slices).
    const input = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The one unchecked step: protobufjs returns a plain object in the shape the interfaces describe.
    return type.toObject(type.decode(input), TO_OBJECT) as T;
  }

  private resolve(): StaticMessageType {
    this.type ??= messageType(this.typeName);
    return this.type;
  }
}

const codecs = new Map<string, MessageCodec<unknown>>();

/** The codec of one message type; the type itself is looked up on first use. */
export function messageCodec<N extends MessageName>(name: N): MessageCodec<ProtocolMessages[N]> {
  let codec = codecs.get(name);
  if (!codec) {
    codec = new LazyCodec<unknown>(name);
    codecs.set(name, codec);
  }
  return codec as MessageCodec<ProtocolMessages[N]>;
}

export function encodeMessage<N extends MessageName>(name: N, message: ProtocolMessages[N]): Buffer {
  return messageCodec(name).encode(message);
}

export function decodeMessage<N extends MessageName>(name: N, bytes: Uint8Array): ProtocolMessages[N] {
  return messageCodec(name).decode(bytes);
}
