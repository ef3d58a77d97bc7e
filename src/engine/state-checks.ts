/**
 * What the engine refuses in a state before it calls any API, as Terraform does: an instance written by a newer
 * provider schema than this vaultbridge knows (reading it would drop or misread attributes), and one address held
 * twice (which of the two is the object?). Each problem names the instance and says what to do.
 */
import type { Diagnostics } from "../framework/diagnostics";
import type { StateDocument, StateInstance, StateResource } from "./state-file";

/** `type.name`, `type.name[0]`, `type.name["k"]`, prefixed with the module path and `data.` where they apply. */
export function stateAddress(res: StateResource, inst?: StateInstance): string {
  const base = `${res.module ? `${res.module}.` : ""}${res.mode === "data" ? "data." : ""}${res.type}.${res.name}`;
  if (inst?.index_key === undefined) return base;
  return typeof inst.index_key === "number" ? `${base}[${inst.index_key}]` : `${base}["${inst.index_key}"]`;
}

/**
 * @param schemaVersionOf the current schema version of a resource type this engine drives, undefined for others
 *   (those are reported where the state is refreshed).
 */
export function checkStateDocument(state: StateDocument, statePath: string, schemaVersionOf: (type: string) => number | undefined, diags: Diagnostics): void {
  const resources = new Map<string, number>();
  const instances = new Map<string, number>();
  const bump = (m: Map<string, number>, address: string): void => void m.set(address, (m.get(address) ?? 0) + 1);
  for (const res of state.resources) {
    bump(resources, stateAddress(res));
    for (const inst of res.instances) {
      // A deposed object (create_before_destroy half way) shares its address with the current one on purpose.
      if (inst.deposed === undefined) bump(instances, stateAddress(res, inst));
      const current = res.mode === "managed" ? schemaVersionOf(res.type) : undefined;
      if (current !== undefined && inst.schema_version > current) {
        diags.error(
          "Resource Instance Managed By Newer Provider Version",
          `The current state of ${stateAddress(res, inst)} in ${statePath} was written with schema version ${inst.schema_version} of ${res.type}; this vaultbridge knows version ${current}. Upgrade vaultbridge (the npm package, or the provider Terraform uses) to work with this state.`,
        );
      }
    }
  }
  const times = new Map<string, number>();
  for (const [address, n] of [...resources, ...instances]) if (n > 1) times.set(address, Math.max(n, times.get(address) ?? 0));
  const duplicates = [...times];
  if (duplicates.length > 0) {
    diags.error(
      "Duplicate Resource Instances In State",
      `${statePath} records the same address more than once: ${duplicates.map(([a, n]) => `${a} appears ${n} times`).join("; ")}. The state is damaged (edited by hand, or merged); keep one entry for each address and run again.`,
    );
  }
}
