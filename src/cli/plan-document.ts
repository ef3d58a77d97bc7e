/** A plan as Terraform's JSON plan document (what `plan -json` and `show -json PLANFILE` print). */
import { Diagnostics } from "../framework/diagnostics";
import type { ProviderDefinition } from "../framework/resource";
import { type EnginePlan, KNOWN } from "../engine/engine";
import { terraformPlanJson, type Schemas } from "../engine/plan-json";
import { loadStack } from "../engine/stack";
import { providers } from "../providers";
import { packageVersion } from "./package-version";

const definitions = (): ProviderDefinition<unknown>[] => Object.values(providers) as ProviderDefinition<unknown>[];

export const schemas: Schemas = {
  resource: (type) => definitions().flatMap((d) => d.resources).find((r) => r.typeName === type)?.attributes,
  provider: (name) => definitions().find((d) => d.name === name)?.attributes,
  source: (name) => definitions().find((d) => d.name === name)?.source ?? `registry.terraform.io/vaultbridge/${name}`,
  schemaVersion: (type) => definitions().flatMap((d) => d.resources).find((r) => r.typeName === type)?.version ?? 0,
};

/** Only keys Terraform's format defines: the plan's diagnostics go to stderr beside it. */
export async function planJson(p: EnginePlan): Promise<unknown> {
  const stack = loadStack(p.stackDir, KNOWN, new Diagnostics());
  const empty = { dir: p.stackDir, files: [], providers: [], resources: [], dataSources: [], imports: [], variables: [], outputs: [], statePath: p.statePath, backend: { kind: "local" as const } };
  return terraformPlanJson(p, stack ?? empty, schemas, packageVersion());
}
