/** The vault-integrations service (DESIGN §3): the secretId is accepted, never stored or returned. */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { createVaultIntegrationRequest, rotateSecretRequest } from "../../api/scrapengine-requests";
import type { StoredIntegration } from "../state";
import type { EmulatorStore } from "../store";
import { bumpedIso, nowIso } from "../timestamps";
import { errors } from "./errors";

export class IntegrationService {
  constructor(private readonly store: EmulatorStore) {}

  list(): StoredIntegration[] {
    return [...this.store.integrations()];
  }

  get(id: string): StoredIntegration {
    const found = z.uuid().safeParse(id).success ? this.store.integration(id) : undefined;
    if (found === undefined) throw errors.notFound(id);
    return found;
  }

  create(body: unknown): StoredIntegration {
    const parsed = createVaultIntegrationRequest.safeParse(body ?? {});
    if (!parsed.success) throw errors.invalidBody(parsed.error.issues);
    const request = parsed.data;
    if (this.store.integrationNamed(request.name) !== undefined) throw errors.duplicateName(request.name);
    const now = nowIso();
    const integration: StoredIntegration = {
      id: randomUUID(),
      name: request.name,
      type: request.type ?? "hashicorp",
      address: request.address,
      namespace: request.namespace || null, // the real server stores "" as no namespace
      authMethod: request.authMethod ?? "approle",
      roleId: request.roleId,
      createdAt: now,
      updatedAt: now,
    };
    this.store.putIntegration(integration);
    return integration;
  }

  /** Rotates the AppRole secret_id: only `updatedAt` moves. */
  rotateSecret(id: string, body: unknown): StoredIntegration {
    const existing = this.get(id);
    const parsed = rotateSecretRequest.safeParse(body ?? {});
    if (!parsed.success) throw errors.invalidBody(parsed.error.issues);
    const rotated = { ...existing, updatedAt: bumpedIso(existing.updatedAt) };
    this.store.putIntegration(rotated);
    return rotated;
  }

  delete(id: string): void {
    this.store.deleteIntegration(this.get(id).id);
  }
}
