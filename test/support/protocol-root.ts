/**
 * The protocol as protobufjs reflection, from the JSON descriptor (descriptors.generated.ts): for tests that check
 * the wire contract. The provider never loads it; it encodes and decodes with static.generated.ts.
 */
import { Root, type Type } from "protobufjs/light";
import { protocolDescriptor } from "../../src/protocol/descriptors.generated";

let root: Root | undefined;

/** The root of both packages, every type resolved (throws if a reference points nowhere). */
export function protocolRoot(): Root {
  if (!root) {
    root = Root.fromJSON(protocolDescriptor);
    root.resolveAll();
  }
  return root;
}

export interface ServiceMethod {
  /** RPC name, e.g. `PlanResourceChange`. */
  readonly name: string;
  /** gRPC path, e.g. `/tfplugin6.Provider/PlanResourceChange`. */
  readonly path: string;
  /** Full protobuf names of the request and response messages. */
  readonly requestType: string;
  readonly responseType: string;
}

/** Every RPC of a service, in declaration order. */
export function serviceMethods(service: "tfplugin6.Provider" | "plugin.GRPCController"): ServiceMethod[] {
  return protocolRoot()
    .lookupService(service)
    .methodsArray.map((m) => ({
      name: m.name,
      path: `/${service}/${m.name}`,
      requestType: fullName(m.resolvedRequestType),
      responseType: fullName(m.resolvedResponseType),
    }));
}

/** protobufjs names start with a dot (`.tfplugin6.Schema`); gRPC does not. */
function fullName(type: Type | null): string {
  if (!type) throw new Error("unresolved method type");
  return type.fullName.replace(/^\./, "");
}
