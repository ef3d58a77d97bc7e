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
  private constructor(
    private readonly dataFile: string | undefined,
    private state: PersistedState,
  ) {}

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
    return this.state.connections;
  }

  connection(id: string): StoredConnection | undefined {
    return this.state.connections.find((c) => c.id === id);
  }

  putConnection(connection: StoredConnection): void {
    this.state.connections = upsert(this.state.connections, connection);
    this.commit();
  }

  deleteConnection(id: string): void {
    this.state.connections = this.state.connections.filter((c) => c.id !== id);
    this.commit();
  }

  // --- vault integrations --------------------------------------------------------------------------------------

  integrations(): readonly StoredIntegration[] {
    return this.state.integrations;
  }

  integration(id: string): StoredIntegration | undefined {
    return this.state.integrations.find((i) => i.id === id);
  }

  putIntegration(integration: StoredIntegration): void {
    this.state.integrations = upsert(this.state.integrations, integration);
    this.commit();
  }

  deleteIntegration(id: string): void {
    this.state.integrations = this.state.integrations.filter((i) => i.id !== id);
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
    this.commit();
  }

  private commit(): void {
    if (this.dataFile === undefined) return;
    const tmp = `${this.dataFile}.${process.pid}.tmp`;
    mkdirSync(dirname(this.dataFile), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(this.state, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.dataFile);
  }
}

/** A copy of `list` with `item` replacing the element of the same id, or appended. */
function upsert<T extends { readonly id: string }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  return index === -1 ? [...list, item] : list.map((x, i) => (i === index ? item : x));
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
