/** The App Connection object as the API returns it (notes/infisical-api.md, "Response object"). */
import type { EmulatorIds, StoredConnection } from "../state";
import { rotationView } from "./rotation";

export interface ProjectView {
  readonly name: string;
  readonly id: string;
  readonly type: string;
  readonly slug: string;
}

/** The only project of the emulated org. */
export function emulatorProject(ids: EmulatorIds): ProjectView {
  return { name: "Emulator Project", id: ids.projectId, type: "secret-manager", slug: "emulator-project" };
}

/** `project` is part of list rows only. */
export function connectionView(
  connection: StoredConnection,
  ids: EmulatorIds,
  options: { readonly withProject: boolean } = { withProject: false },
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: connection.id,
    name: connection.name,
    orgId: connection.orgId ?? ids.orgId,
    createdAt: connection.createdAt,
    updatedAt: connection.updatedAt,
    app: connection.app,
    method: connection.method,
    credentials: { ...connection.credentials },
    description: connection.description,
    version: 1,
    isPlatformManagedCredentials: connection.isPlatformManagedCredentials,
    gatewayId: connection.gatewayId,
    projectId: connection.projectId,
    isAutoRotationEnabled: connection.isAutoRotationEnabled,
    rotation: rotationView(connection),
    credentialsHash: connection.credentialsHash,
  };
  if (options.withProject) view.project = connection.projectId === null ? null : emulatorProject(ids);
  return view;
}
