/** A plan as Terraform's JSON plan document (what `plan -json` and `show -json PLANFILE` print). */
import { Diagnostics } from "../framework/diagnostics";
import { type EnginePlan, KNOWN } from "../engine/engine";
import { terraformPlanJson } from "../engine/plan-json";
import { schemas } from "../engine/provider-cores";
import { loadStack } from "../engine/stack";
import { packageVersion } from "./package-version";

/** Only keys Terraform's format defines: the plan's diagnostics go to stderr beside it. */
export async function planJson(p: EnginePlan): Promise<unknown> {
  const stack = loadStack(p.stackDir, KNOWN, new Diagnostics());
  const empty = { dir: p.stackDir, files: [], providers: [], resources: [], dataSources: [], imports: [], variables: [], outputs: [], statePath: p.statePath, backend: { kind: "local" as const } };
  return terraformPlanJson(p, stack ?? empty, schemas, packageVersion());
}
