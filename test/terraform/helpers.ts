/** What the terraform acceptance tests share: emulator look-ups through its APIs, and plan-output checks. */
import type { EmulatorOptions } from "../../src/emulator";
import { TestEmulator } from "../support/emulator";
import { pick } from "../support/http";
import { TerraformWorkspace, providerBlocks, type PlannedResource, type ProviderName } from "../support/terraform";

export const AZURE = "infisical_app_connection_azure_key_vault";
export const PG = "infisical_app_connection_postgres";
export const HEROKU = "infisical_app_connection_heroku";
export const VAULT = "scrapengine_vault_integration";

export const TENANT = "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b";
export const CLIENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
export const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBfakecertificatebody\n-----END CERTIFICATE-----";
export const PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nMIIEfakeprivatekey\n-----END PRIVATE KEY-----";

/** The provider blocks for a configuration holding these resource types (only the providers they need). */
export function blocksFor(emu: TestEmulator, ...types: string[]): string {
  const needed = new Set<ProviderName>(types.map((t) => (t === VAULT ? "scrapengine" : "infisical")));
  return providerBlocks(emu, [...needed].sort());
}

export const APP_OF: Readonly<Record<string, string>> = { [AZURE]: "azure-key-vault", [PG]: "postgres", [HEROKU]: "heroku" };

export type ApiObject = Record<string, unknown>;

/** Every app connection of the org (project-scoped ones included), as the API lists them. */
export async function listConnections(emu: TestEmulator): Promise<ApiObject[]> {
  const res = await emu.infisical("GET", "/api/v1/app-connections");
  if (res.status !== 200) throw new Error(`list connections: ${res.status} ${res.text}`);
  return pick(res.body, "appConnections") as ApiObject[];
}

/** One connection by id, or null on 404. */
export async function getConnection(emu: TestEmulator, type: string, id: string): Promise<ApiObject | null> {
  const res = await emu.infisical("GET", `/api/v1/app-connections/${APP_OF[type]}/${id}`);
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`get connection ${id}: ${res.status} ${res.text}`);
  return pick(res.body, "appConnection") as ApiObject;
}

export async function listVaults(emu: TestEmulator): Promise<ApiObject[]> {
  const res = await emu.scrapengine("GET", "/vault-integrations");
  if (res.status !== 200) throw new Error(`list vault integrations: ${res.status} ${res.text}`);
  return pick(res.body, "data") as ApiObject[];
}

export async function getVault(emu: TestEmulator, id: string): Promise<ApiObject | null> {
  const res = await emu.scrapengine("GET", `/vault-integrations/${id}`);
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`get vault integration ${id}: ${res.status} ${res.text}`);
  return res.body as ApiObject;
}

/** The object of any of the four types, by id (null when gone). */
export function getObject(emu: TestEmulator, type: string, id: string): Promise<ApiObject | null> {
  return type === VAULT ? getVault(emu, id) : getConnection(emu, type, id);
}

export async function listObjects(emu: TestEmulator, type: string): Promise<ApiObject[]> {
  if (type === VAULT) return listVaults(emu);
  return (await listConnections(emu)).filter((c) => c.app === APP_OF[type]);
}

/** True for requests to the resources' APIs (not logins, not the control API). */
export const isResourceCall = (path: string): boolean => /^\/api\/v1\/(app-connections|vault-integrations)/.test(path);
export const isLogin = (path: string): boolean => /^\/api\/v1\/auth\//.test(path);

/** Attributes Terraform shows as `-> (known after apply)` because the server recomputes them on any update. */
const RECOMPUTED = new Set(["credentials_hash", "updated_at"]);

/**
 * The changes of a planned update that only re-sends secrets: every changed line is a sensitive value, the
 * `credentials = {` opener, or a server-computed attribute becoming unknown. Returns the offending lines.
 */
export function nonSecretChanges(r: PlannedResource): string[] {
  return r.changes
    .filter((c) => {
      if (c.rest.includes("(sensitive value)")) return false;
      if (c.name === "credentials" && c.depth === 0 && c.rest.trim() === "{") return false;
      if (RECOMPUTED.has(c.name) && c.depth === 0 && /-> \(known after apply\)$/.test(c.rest)) return false;
      return true;
    })
    .map((c) => `${c.marker} ${c.name} ${c.rest}`);
}

/**
 * Registers the jest hooks of a terraform test file: one emulator per file (reset before each test, started with
 * `options`), a fresh workspace per test, removed after it. Read `emu` and `ws` inside tests.
 */
export function useEmulatorAndWorkspace(options: EmulatorOptions = {}): { readonly emu: TestEmulator; readonly ws: TerraformWorkspace } {
  let emu: TestEmulator | undefined;
  let ws: TerraformWorkspace | undefined;
  beforeAll(async () => {
    emu = await TestEmulator.start(options);
  });
  afterAll(() => emu?.close());
  beforeEach(async () => {
    await emu?.reset();
    ws = new TerraformWorkspace();
  });
  afterEach(() => {
    ws?.cleanup();
    ws = undefined;
  });
  return {
    get emu() {
      if (!emu) throw new Error("the emulator is started in beforeAll: use it inside a test");
      return emu;
    },
    get ws() {
      if (!ws) throw new Error("the workspace is made in beforeEach: use it inside a test");
      return ws;
    },
  };
}
