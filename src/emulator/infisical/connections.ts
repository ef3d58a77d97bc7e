/**
 * The App Connections service: the rules the server enforces beyond schema validation (notes/infisical-api.md):
 * scopes and duplicate names, the wrong-app check, platform-managed PostgreSQL, rotation, the live credential
 * check, and a fresh credentials hash on every credential write. Every call runs in one organization (the
 * caller's token's): another organization's connections are invisible to it. Returns API views; throws the
 * server's errors.
 */
import { randomUUID } from "node:crypto";
import type { AppSlug } from "../../api/infisical";
import type { StoredConnection } from "../state";
import type { EmulatorStore } from "../store";
import { bumpedIso, nowIso } from "../timestamps";
import { credentialsHash, redactCredentials } from "./credentials";
import { badRequest, errors, messages } from "./errors";
import { checkCredentials, type RemoteCheckSettings } from "./remote-check";
import {
  parseConnectionId,
  parseCreateRequest,
  parseCredentials,
  parseUpdateRequest,
  type CreateRequest,
  type UpdateRequest,
} from "./requests";
import { newSchedule } from "./rotation";
import { connectionView } from "./wire";

type View = Record<string, unknown>;

const ROTATING_METHOD = "client-secret";

export class ConnectionService {
  constructor(
    private readonly store: EmulatorStore,
    private readonly checks: RemoteCheckSettings,
  ) {}

  /** Every connection of the org (or of one project), all apps or one, sorted case-insensitively by name. */
  list(orgId: string, app: AppSlug | undefined, projectId: string | undefined): View[] {
    if (projectId !== undefined) this.requireProject(orgId, projectId);
    return this.inOrg(orgId)
      .filter((c) => (app === undefined || c.app === app) && (projectId === undefined || c.projectId === projectId))
      .sort(byName)
      .map((c) => connectionView(c, this.store.ids, { withProject: true }));
  }

  get(orgId: string, app: AppSlug, rawId: string): View {
    return this.view(this.find(orgId, app, parseConnectionId(rawId)));
  }

  /** Without a project, only org-level connections match. */
  getByName(orgId: string, app: AppSlug, name: string, projectId: string | undefined): View {
    if (projectId !== undefined) this.requireProject(orgId, projectId);
    const scope = projectId ?? null;
    const found = this.store.connectionNamed(orgId, scope, name);
    if (found === undefined) throw errors.connectionNameNotFound(name, scope === null ? "organization" : "project");
    if (found.app !== app) throw errors.wrongApp(found.id, app);
    return this.view(found);
  }

  async create(orgId: string, app: AppSlug, body: unknown): Promise<View> {
    const request = parseCreateRequest(app, body);
    const projectId = request.projectId ?? null;
    if (projectId !== null) this.requireProject(orgId, projectId);
    this.requireGateway(request.gatewayId);
    if (wantsRotation(request) && request.method !== ROTATING_METHOD) {
      throw badRequest(messages.rotationOnlyForClientSecret());
    }
    this.requireUniqueName(orgId, request.name, projectId, undefined);
    await checkCredentials(app, request.method, request.credentials, this.checks);
    this.requireUniqueName(orgId, request.name, projectId, undefined); // again: the check above yields to other requests
    const now = nowIso();
    const connection: StoredConnection = {
      id: randomUUID(),
      name: request.name,
      description: request.description ?? null,
      app,
      method: request.method,
      credentials: redactCredentials(app, request.method, request.credentials),
      credentialsHash: credentialsHash(request.credentials),
      isPlatformManagedCredentials: request.isPlatformManagedCredentials ?? false,
      gatewayId: request.gatewayId ?? null,
      projectId,
      ...(orgId === this.store.ids.orgId ? {} : { orgId }),
      isAutoRotationEnabled: request.isAutoRotationEnabled === true,
      rotation: request.isAutoRotationEnabled === true && request.rotation ? newSchedule(request.rotation, now) : null,
      createdAt: now,
      updatedAt: now,
    };
    this.store.putConnection(connection);
    return this.view(connection);
  }

  async update(orgId: string, app: AppSlug, rawId: string, body: unknown): Promise<View> {
    const id = parseConnectionId(rawId);
    const request = parseUpdateRequest(app, body);
    const existing = this.find(orgId, app, id);
    const credentials =
      request.credentials === undefined ? undefined : parseCredentials(app, existing.method, request.credentials);
    this.checkPlatformManagement(existing, request, credentials !== undefined);
    this.requireGateway(request.gatewayId);
    if (wantsRotation(request) && existing.method !== ROTATING_METHOD) {
      throw badRequest(messages.rotationOnlyForClientSecret());
    }
    if (request.name !== undefined) this.requireUniqueName(orgId, request.name, existing.projectId, existing.id);
    if (credentials !== undefined) await checkCredentials(app, existing.method, credentials, this.checks);

    const current = this.find(orgId, app, id); // may have changed while the check ran
    if (request.name !== undefined) this.requireUniqueName(orgId, request.name, current.projectId, current.id);
    const switchesToManaged = request.isPlatformManagedCredentials === true && !current.isPlatformManagedCredentials;
    const updated: StoredConnection = {
      ...current,
      name: request.name ?? current.name,
      description: request.description === undefined ? current.description : request.description,
      gatewayId: request.gatewayId === undefined ? current.gatewayId : request.gatewayId,
      isPlatformManagedCredentials: current.isPlatformManagedCredentials || switchesToManaged,
      ...(credentials === undefined
        ? {}
        : {
            credentials: redactCredentials(app, current.method, credentials),
            credentialsHash: credentialsHash(credentials),
          }),
      ...nextRotationState(current, request),
      updatedAt: bumpedIso(current.updatedAt),
    };
    this.store.putConnection(updated);
    return this.view(updated);
  }

  delete(orgId: string, app: AppSlug, rawId: string): View {
    const connection = this.find(orgId, app, parseConnectionId(rawId));
    this.store.deleteConnection(connection.id);
    return this.view(connection);
  }

  /** A background token refresh: the stored secret changes without any user action (control API). */
  refresh(id: string): View | undefined {
    const connection = this.store.connection(id);
    if (connection === undefined) return undefined;
    const refreshed = { ...connection, credentialsHash: credentialsHash() };
    this.store.putConnection(refreshed);
    return this.view(refreshed);
  }

  /**
   * A scheduled credential rotation, run now (control API): a new secret, hence a new hash, and the next rotation
   * counted from now. "disabled" when the connection has no active schedule.
   */
  rotate(id: string): View | undefined | "disabled" {
    const connection = this.store.connection(id);
    if (connection === undefined) return undefined;
    if (!connection.isAutoRotationEnabled || connection.rotation === null) return "disabled";
    const rotated: StoredConnection = {
      ...connection,
      credentialsHash: credentialsHash(),
      rotation: { ...connection.rotation, lastRotatedAt: nowIso() },
    };
    this.store.putConnection(rotated);
    return this.view(rotated);
  }

  private view(connection: StoredConnection): View {
    return connectionView(connection, this.store.ids);
  }

  /** The organization's connections; those written before sub-organizations belong to the root one. */
  private inOrg(orgId: string): StoredConnection[] {
    return this.store.connections().filter((c) => (c.orgId ?? this.store.ids.orgId) === orgId);
  }

  private find(orgId: string, app: AppSlug, id: string): StoredConnection {
    const connection = this.store.connection(id);
    if (connection === undefined || (connection.orgId ?? this.store.ids.orgId) !== orgId) throw errors.connectionNotFound(id);
    if (connection.app !== app) throw errors.wrongApp(id, app);
    return connection;
  }

  /** The one project belongs to the root organization. */
  private requireProject(orgId: string, projectId: string): void {
    if (projectId !== this.store.ids.projectId || orgId !== this.store.ids.orgId) throw errors.projectNotFound(projectId);
  }

  private requireGateway(gatewayId: string | null | undefined): void {
    if (gatewayId !== undefined && gatewayId !== null && gatewayId !== this.store.ids.gatewayId) {
      throw errors.gatewayNotFound(gatewayId);
    }
  }

  /** Names are unique per org among org-level connections, and per project among a project's, across all apps. */
  private requireUniqueName(orgId: string, name: string, projectId: string | null, exceptId: string | undefined): void {
    const holder = this.store.connectionNamed(orgId, projectId, name);
    if (holder !== undefined && holder.id !== exceptId) throw errors.duplicateName(name);
  }

  /**
   * Platform-managed credentials can only be switched on, with credentials; once on, neither the flag nor the
   * credentials may be sent again.
   */
  private checkPlatformManagement(existing: StoredConnection, request: UpdateRequest, hasCredentials: boolean): void {
    if (request.isPlatformManagedCredentials === true && !hasCredentials) {
      throw badRequest(messages.platformManagedNeedsCredentials());
    }
    if (existing.isPlatformManagedCredentials && (request.isPlatformManagedCredentials === false || hasCredentials)) {
      throw badRequest(messages.platformManagedLocked());
    }
  }
}

function wantsRotation(request: CreateRequest | UpdateRequest): boolean {
  return request.isAutoRotationEnabled === true || (request.rotation !== undefined && request.rotation !== null);
}

/**
 * Disabling deletes the schedule; enabling needs the whole schedule (422 otherwise, checked earlier); a schedule sent
 * alone replaces an active one. A replaced schedule keeps counting from the last rotation.
 */
function nextRotationState(
  current: StoredConnection,
  request: UpdateRequest,
): Pick<StoredConnection, "isAutoRotationEnabled" | "rotation"> {
  if (request.isAutoRotationEnabled === false) return { isAutoRotationEnabled: false, rotation: null };
  const enabled = request.isAutoRotationEnabled === true || current.isAutoRotationEnabled;
  if (!enabled || !request.rotation)
    return { isAutoRotationEnabled: current.isAutoRotationEnabled, rotation: current.rotation };
  const schedule = newSchedule(request.rotation, nowIso());
  const lastRotatedAt =
    current.isAutoRotationEnabled && current.rotation ? current.rotation.lastRotatedAt : schedule.lastRotatedAt;
  return { isAutoRotationEnabled: true, rotation: { ...schedule, lastRotatedAt } };
}

function byName(a: StoredConnection, b: StoredConnection): number {
  return (
    compare(a.name.toLowerCase(), b.name.toLowerCase()) ||
    compare(a.projectId ?? "", b.projectId ?? "") ||
    compare(a.id, b.id)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
