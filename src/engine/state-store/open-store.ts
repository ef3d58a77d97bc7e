/** The state store a stack's backend names, for the workspace TF_WORKSPACE selects (default: "default"). */
import { join } from "node:path";
import type { Stack } from "../stack";
import { openHttpStore } from "./http-store";
import { localStore } from "./local-store";
import { openPgStore } from "./pg-store";
import type { StateStore } from "./state-store";

export class BackendSettingsError extends Error {}

export async function openStateStore(stack: Pick<Stack, "backend" | "statePath" | "dir">, env: NodeJS.ProcessEnv): Promise<StateStore> {
  const workspace = env.TF_WORKSPACE || "default";
  const backend = stack.backend;
  if (backend.kind === "local") {
    // Terraform's layout: the default workspace at the backend's path, the others under terraform.tfstate.d/.
    return localStore(workspace === "default" ? stack.statePath : join(stack.dir, "terraform.tfstate.d", workspace, "terraform.tfstate"));
  }
  if (backend.kind === "pg") {
    const connStr = backend.settings.connStr ?? env.PG_CONN_STR;
    if (!connStr) throw new BackendSettingsError("the pg backend needs conn_str (or PG_CONN_STR in the environment)");
    return openPgStore({ ...backend.settings, connStr, workspace });
  }
  if (workspace !== "default") throw new BackendSettingsError(`the http backend has no workspaces; unset TF_WORKSPACE (it is "${workspace}")`);
  return openHttpStore(backend.settings);
}
