/**
 * The whole lifecycle of each resource type through the real `terraform` binary and the bundled providers
 * (dist/bundle, built by `npm test` before jest) against the emulator: create, no-op plan, in-place update, drift
 * made through the API and corrected, import (by id, by name, by <project_id>/<name>) into a fresh state whose
 * next plan only re-sends secrets, forced replacement, destroy. The cases live here; two test files run two each,
 * so that jest's two workers share them.
 */
import { TestEmulator } from "../support/emulator";
import { TerraformWorkspace, output, parsePlan, resourceBlock } from "../support/terraform";
import {
  AZURE,
  CERTIFICATE,
  CLIENT,
  HEROKU,
  PG,
  PRIVATE_KEY,
  TENANT,
  VAULT,
  blocksFor,
  getObject,
  listConnections,
  listObjects,
  listVaults,
  nonSecretChanges,
  type ApiObject,
} from "./helpers";

type Attrs = Record<string, unknown>;

export interface LifecycleCase {
  readonly type: string;
  readonly initial: Attrs;
  /** Name, description and a secret changed (vault: secret_id): an in-place update. */
  readonly inPlace: Attrs;
  /** Checks that the emulator holds the in-place change. */
  readonly reflectsUpdate: (before: ApiObject, after: ApiObject, calls: { method: string; path: string }[]) => void;
  /** Made through the API; `driftAttr` is what the next plan shows changing back. */
  readonly outOfBand: (emu: TestEmulator, id: string) => Promise<void>;
  readonly driftAttr: string;
  /** Checks that the emulator shows our value again after the drift was corrected. */
  readonly corrected: (obj: ApiObject, calls: { method: string; path: string }[], id: string) => void;
  /** Import ids tried into a fresh state before the replacement. */
  readonly importIds: (id: string, name: string) => string[];
  readonly replaced: (emu: TestEmulator) => Attrs;
  readonly forces: readonly string[];
  /** Import ids tried into a fresh state after the replacement. */
  readonly importIdsAfterReplace?: (emu: TestEmulator, id: string, name: string) => string[];
}

const connectionUpdateReflected = (expected: Attrs) => (before: ApiObject, after: ApiObject) => {
  expect(after).toMatchObject({ name: expected.name, description: expected.description });
  expect(after.credentialsHash).not.toBe(before.credentialsHash); // the new secret was sent
};
const patchDescription = async (emu: TestEmulator, type: string, id: string) => {
  const app = type === AZURE ? "azure-key-vault" : type === PG ? "postgres" : "heroku";
  const res = await emu.infisical("PATCH", `/api/v1/app-connections/${app}/${id}`, { description: "edited by hand" });
  expect(res.status).toBe(200);
};

const azureInPlace = {
  name: "azure-kv-renamed",
  description: "second",
  method: "client-secret",
  credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret: "client-secret-two" },
};
const pgCreds = (password: string) => ({ host: "db.internal", database: "app", username: "infisical", password });
const pgInPlace = { name: "pg-renamed", description: "second", credentials: pgCreds("pg-password-two") };
const herokuInPlace = { name: "heroku-renamed", description: "second", credentials: { auth_token: "HRKU-token-two" } };
const vaultBase = { name: "vault-main", address: "https://vault.example.com:8200", role_id: "role-123" };

export const LIFECYCLE_CASES: readonly LifecycleCase[] = [
  {
    type: AZURE,
    initial: { name: "azure-kv", description: "first", method: "client-secret", credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret: "client-secret-one" } },
    inPlace: azureInPlace,
    reflectsUpdate: connectionUpdateReflected(azureInPlace),
    outOfBand: (emu, id) => patchDescription(emu, AZURE, id),
    driftAttr: "description",
    corrected: (obj) => expect(obj.description).toBe("second"),
    importIds: (id, name) => [id, name],
    replaced: () => ({
      ...azureInPlace,
      method: "certificate",
      credentials: { tenant_id: TENANT, client_id: CLIENT, certificate_body: CERTIFICATE, private_key: PRIVATE_KEY },
    }),
    forces: ["method"],
  },
  {
    type: PG,
    initial: { name: "pg-main", description: "first", credentials: pgCreds("pg-password-one") },
    inPlace: pgInPlace,
    reflectsUpdate: connectionUpdateReflected(pgInPlace),
    outOfBand: (emu, id) => patchDescription(emu, PG, id),
    driftAttr: "description",
    corrected: (obj) => expect(obj.description).toBe("second"),
    importIds: (id, name) => [id, name],
    replaced: (emu) => ({ ...pgInPlace, project_id: emu.emulator.projectId }),
    forces: ["project_id"],
    importIdsAfterReplace: (emu, id, name) => [`${emu.emulator.projectId}/${name}`, id],
  },
  {
    type: HEROKU,
    initial: { name: "heroku-main", description: "first", credentials: { auth_token: "HRKU-token-one" } },
    inPlace: herokuInPlace,
    reflectsUpdate: connectionUpdateReflected(herokuInPlace),
    outOfBand: (emu, id) => patchDescription(emu, HEROKU, id),
    driftAttr: "description",
    corrected: (obj) => expect(obj.description).toBe("second"),
    importIds: (id, name) => [id, name],
    replaced: () => ({ ...herokuInPlace, method: "oauth", credentials: { code: "heroku-oauth-code" } }),
    forces: ["method"],
  },
  {
    type: VAULT,
    initial: { ...vaultBase, secret_id: "secret-id-one" },
    inPlace: { ...vaultBase, secret_id: "secret-id-two" },
    reflectsUpdate: (before, after, calls) => {
      expect(calls.filter((c) => c.method === "PUT" && c.path === `/api/v1/vault-integrations/${String(before.id)}`)).toHaveLength(1);
      expect(after.updatedAt).not.toBe(before.updatedAt);
      expect(after).toMatchObject({ name: "vault-main", address: vaultBase.address, roleId: vaultBase.role_id });
    },
    outOfBand: async (emu, id) => {
      const res = await emu.scrapengine("PUT", `/vault-integrations/${id}`, { secretId: "someone-elses-secret-id" });
      expect(res.status).toBe(200);
    },
    driftAttr: "secret_id",
    // secretId is never returned: our value is back when our apply sent it again.
    corrected: (_obj, calls, id) =>
      expect(calls.filter((c) => c.method === "PUT" && c.path === `/api/v1/vault-integrations/${id}`)).toHaveLength(1),
    importIds: (id, name) => [id, name],
    replaced: () => ({ ...vaultBase, address: "https://vault2.example.com", role_id: "role-456", secret_id: "secret-id-two" }),
    forces: ["address", "role_id"],
  },
];

/** Registers one lifecycle test per case, with one emulator for the file. */
export function lifecycleSuite(types: readonly string[]): void {
  let emu: TestEmulator;
  const workspaces: TerraformWorkspace[] = [];
  const workspace = (): TerraformWorkspace => {
    const ws = new TerraformWorkspace();
    workspaces.push(ws);
    return ws;
  };

  beforeAll(async () => {
    emu = await TestEmulator.start();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => emu.reset());
  afterEach(() => {
    for (const ws of workspaces.splice(0)) ws.cleanup();
  });

  const cases = LIFECYCLE_CASES.filter((c) => types.includes(c.type));
  if (cases.length !== types.length) throw new Error(`no lifecycle case for some of ${types.join(", ")}`);
  describe.each(cases.map((c) => [c.type, c] as const))("%s", (type, c) => {
    test("create, no-op, in-place update, drift corrected, import, replacement, destroy", async () => {
      const addr = `${type}.this`;
      const files = (attrs: Attrs) => ({ "main.tf": `${blocksFor(emu, type)}\n${resourceBlock(type, "this", attrs)}` });
      const ws = workspace();

      // Create.
      ws.write(files(c.initial));
      const created = await ws.apply();
      expect(parsePlan(created.stdout).resources.map((r) => [r.address, r.action])).toEqual([[addr, "will be created"]]);
      const id = ws.attributes(addr).id as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const remote = await getObject(emu, type, id);
      expect(remote).toMatchObject({ id, name: c.initial.name });
      expect(await listObjects(emu, type)).toHaveLength(1);

      // No change right after.
      await ws.plan(0);

      // In place: name, description and secret (vault: secret_id).
      ws.write(files(c.inPlace));
      await emu.clearRequests();
      const updated = await ws.apply();
      const update = parsePlan(updated.stdout).resources;
      expect(update.map((r) => [r.address, r.action, r.marker])).toEqual([[addr, "will be updated in-place", "~"]]);
      expect(update[0].changes.some((ch) => ch.forcesReplacement)).toBe(false);
      expect(ws.attributes(addr).id).toBe(id);
      const afterUpdate = await getObject(emu, type, id);
      c.reflectsUpdate(remote!, afterUpdate!, await emu.requests());

      // Drift made through the API: the next plan shows it (exit 2), apply corrects it.
      await c.outOfBand(emu, id);
      const drift = await ws.plan(2, ["-out=drift.tfplan"]);
      const driftPlan = parsePlan(drift.stdout).resources;
      expect(driftPlan.map((r) => [r.address, r.action])).toEqual([[addr, "will be updated in-place"]]);
      expect(driftPlan[0].changes.map((ch) => ch.name)).toContain(c.driftAttr);
      if (c.driftAttr === "description") {
        expect(driftPlan[0].changes.find((ch) => ch.name === "description")?.rest).toBe('"edited by hand" -> "second"');
      }
      await emu.clearRequests();
      await ws.run(["apply", "drift.tfplan"], { expectCode: 0 });
      c.corrected((await getObject(emu, type, id))!, await emu.requests(), id);

      // Import into a fresh state: by id and by name; the next plan only re-sends secrets.
      const name = c.inPlace.name as string;
      await expectImports(c.inPlace, c.importIds(id, name), id);

      // Forced replacement: -/+ with "# forces replacement" on the attribute; a new id.
      const replacedAttrs = c.replaced(emu);
      ws.write(files(replacedAttrs));
      const replaced = await ws.apply();
      const replacement = parsePlan(replaced.stdout).resources;
      expect(replacement.map((r) => [r.address, r.action, r.marker])).toEqual([[addr, "must be replaced", "-/+"]]);
      const forced = replacement[0].changes.filter((ch) => ch.forcesReplacement).map((ch) => ch.name);
      expect(forced.sort()).toEqual([...c.forces].sort());
      const newId = ws.attributes(addr).id as string;
      expect(newId).not.toBe(id);
      expect(await getObject(emu, type, id)).toBeNull();
      expect((await listObjects(emu, type)).map((o) => o.id)).toEqual([newId]);
      if (c.importIdsAfterReplace) await expectImports(replacedAttrs, c.importIdsAfterReplace(emu, newId, name), newId);

      // Destroy: nothing left in either API.
      await ws.run(["destroy", "-auto-approve"], { expectCode: 0 });
      expect(ws.instances()).toEqual([]);
      expect(await listConnections(emu)).toEqual([]);
      expect(await listVaults(emu)).toEqual([]);
    }, 180_000);

    /** `terraform import` of each id into a fresh state, then a plan that changes nothing but secrets. */
    async function expectImports(attrs: Attrs, importIds: readonly string[], id: string): Promise<void> {
      const addr = `${type}.this`;
      const fresh = workspace();
      const main = `${blocksFor(emu, type)}\n${resourceBlock(type, "this", attrs)}`;
      fresh.write({ "main.tf": main });
      for (const importId of importIds) {
        fresh.removeState();
        const imported = await fresh.run(["import", addr, importId], { expectCode: 0 });
        expect(output(imported)).toContain("Import successful!");
        expect(fresh.attributes(addr).id).toBe(id);
        const next = await fresh.plan(2);
        const plan = parsePlan(next.stdout);
        expect({ importId, resources: plan.resources.map((r) => [r.address, r.action]) }).toEqual({ importId, resources: [[addr, "will be updated in-place"]] });
        expect({ importId, nonSecret: nonSecretChanges(plan.resources[0]) }).toEqual({ importId, nonSecret: [] });
        expect(plan.resources[0].changes.some((ch) => ch.rest.includes("(sensitive value)"))).toBe(true);
      }
    }
  });
}
