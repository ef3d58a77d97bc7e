/**
 * In-memory state with optional JSON persistence. Every mutation is committed before it returns: with a data file
 * the whole state is written to a temporary file beside it and renamed over it, so a crash never leaves half a
 * file, and a request whose answer is lost has still been committed (as with a real server).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import {
  emptyState,
  freshIdentities,
  freshIds,
  type MachineIdentities,
  persistedState,
  type EmulatorIds,
  type PersistedState,
  type StoredConnection,
  type StoredIntegration,
  type StoredToken,
} from "./state";

export class EmulatorStore {
  // Insertion-ordered (a replaced entry keeps its place), as the lists the API returns and the file keeps them.
  private connectionsById = new Map<string, StoredConnection>();
  private integrationsById = new Map<string, StoredIntegration>();
  /** `scopeKey` → connection id: names are unique per organization or project. */
  private connectionsByName = new Map<string, string>();
  private integrationsByName = new Map<string, string>();

  private constructor(
    private readonly dataFile: string | undefined,
    private state: PersistedState,
  ) {
    for (const c of state.connections) this.indexConnection(c);
    for (const i of state.integrations) this.indexIntegration(i);
    // Kept in the maps from here on (commit writes them back).
    state.connections = [];
    state.integrations = [];
  }

  /** Loads `dataFile` when it exists (refusing a malformed one), else starts empty with new ids. */
  static open(dataFile: string | undefined): EmulatorStore {
    const loaded = dataFile === undefined ? undefined : readStateFile(dataFile);
    const state = loaded ?? emptyState(freshIds());
    const upgraded = state.ids.identities === undefined;
    if (upgraded) state.ids = { ...state.ids, identities: freshIdentities() };
    const store = new EmulatorStore(dataFile, state);
    if (loaded === undefined || upgraded) store.commit();
    return store;
  }

  get ids(): EmulatorIds {
    return this.state.ids;
  }

  /** Always present once opened (filled in for files written before them). */
  get identities(): MachineIdentities {
    const identities = this.state.ids.identities;
    if (identities === undefined) throw new Error("emulator identities missing after open");
    return identities;
  }

  // --- app connections -----------------------------------------------------------------------------------------

  connections(): readonly StoredConnection[] {
    return [...this.connectionsById.values()];
  }

  connection(id: string): StoredConnection | undefined {
    return this.connectionsById.get(id);
  }

  /** The connection named `name` in that organization, at org level (project null) or in that project. */
  connectionNamed(orgId: string, projectId: string | null, name: string): StoredConnection | undefined {
    const id = this.connectionsByName.get(scopeKey(orgId, projectId, name));
    return id === undefined ? undefined : this.connectionsById.get(id);
  }

  putConnection(connection: StoredConnection): void {
    this.unindexConnection(connection.id);
    this.indexConnection(connection);
    this.commit();
  }

  deleteConnection(id: string): void {
    this.unindexConnection(id);
    this.connectionsById.delete(id);
    this.commit();
  }

  // --- vault integrations --------------------------------------------------------------------------------------

  integrations(): readonly StoredIntegration[] {
    return [...this.integrationsById.values()];
  }

  integration(id: string): StoredIntegration | undefined {
    return this.integrationsById.get(id);
  }

  integrationNamed(name: string): StoredIntegration | undefined {
    const id = this.integrationsByName.get(name);
    return id === undefined ? undefined : this.integrationsById.get(id);
  }

  putIntegration(integration: StoredIntegration): void {
    const old = this.integrationsById.get(integration.id);
    if (old !== undefined && this.integrationsByName.get(old.name) === old.id) this.integrationsByName.delete(old.name);
    this.indexIntegration(integration);
    this.commit();
  }

  deleteIntegration(id: string): void {
    const old = this.integrationsById.get(id);
    if (old !== undefined && this.integrationsByName.get(old.name) === id) this.integrationsByName.delete(old.name);
    this.integrationsById.delete(id);
    this.commit();
  }

  // --- access tokens -------------------------------------------------------------------------------------------

  token(tokenHash: string): StoredToken | undefined {
    return this.state.tokens.find((t) => t.tokenHash === tokenHash);
  }

  putToken(token: StoredToken): void {
    const now = Date.now();
    const alive = this.state.tokens.filter(
      (t) => t.tokenHash !== token.tokenHash && (t.maxExpiresAt === null || t.maxExpiresAt > now),
    );
    this.state.tokens = [...alive, token];
    this.commit();
  }

  deleteToken(tokenHash: string): void {
    this.state.tokens = this.state.tokens.filter((t) => t.tokenHash !== tokenHash);
    this.commit();
  }

  /** Forgets every connection, integration and token; the org, project and gateway ids stay. */
  reset(): void {
    this.state = emptyState(this.state.ids);
    this.connectionsById = new Map();
    this.integrationsById = new Map();
    this.connectionsByName = new Map();
    this.integrationsByName = new Map();
    this.commit();
  }

  private indexConnection(c: StoredConnection): void {
    this.connectionsById.set(c.id, c);
    // The first of a name wins, as a scan in insertion order would find it (the service never lets two share one).
    const key = scopeKey(c.orgId ?? this.state.ids.orgId, c.projectId, c.name);
    if (!this.connectionsByName.has(key)) this.connectionsByName.set(key, c.id);
  }

  private unindexConnection(id: string): void {
    const old = this.connectionsById.get(id);
    if (old === undefined) return;
    const key = scopeKey(old.orgId ?? this.state.ids.orgId, old.projectId, old.name);
    if (this.connectionsByName.get(key) === id) this.connectionsByName.delete(key);
  }

  private indexIntegration(i: StoredIntegration): void {
    this.integrationsById.set(i.id, i);
    if (!this.integrationsByName.has(i.name)) this.integrationsByName.set(i.name, i.id);
  }

  /** With a data file, the whole state is written on every mutation: the emulator persists for demos, not for scale. */
  private commit(): void {
    if (this.dataFile === undefined) return;
    const tmp = `${this.dataFile}.${process.pid}.tmp`;
    mkdirSync(dirname(this.dataFile), { recursive: true });
    const state: PersistedState = { ...this.state, connections: [...this.connectionsById.values()], integrations: [...this.integrationsById.values()] };
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.dataFile);
  }
}

function scopeKey(orgId: string, projectId: string | null, name: string): string {
  return `${orgId}\u0000${projectId ?? ""}\u0000${name}`;
}

function readStateFile(dataFile: string): PersistedState | undefined {
  let text: string;
  try {
    text = readFileSync(dataFile, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`Cannot read emulator data file ${dataFile}: it is not JSON (${(err as Error).message})`);
  }
  const parsed = persistedState.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.join(".") : "(root)";
    throw new Error(`Cannot read emulator data file ${dataFile}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
