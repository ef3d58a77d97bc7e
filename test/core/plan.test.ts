/** The planner over plain values: create / update / replace / no-op, defaults, unknown computed values. */
import { ProviderCore } from "../../src/core/provider-core";
import { type ObjectValue, type Value, isUnknown, isObject } from "../../src/framework/value";
import { infisicalProvider } from "../../src/providers/infisical";
import { scrapengineProvider } from "../../src/providers/scrapengine";
import { configs } from "../support/configs";

const infisical = new ProviderCore(infisicalProvider, { env: {} });
const scrapengine = new ProviderCore(scrapengineProvider, { env: {} });
const PG = "infisical_app_connection_postgres";
const AZURE = "infisical_app_connection_azure_key_vault";
const VAULT = "scrapengine_vault_integration";

/** What the server would fill in after a create: every unknown replaced by a recognisable value. */
function fill(v: Value, name = ""): Value {
  if (isUnknown(v)) return `server-${name}`;
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, k)]));
  return v;
}

function stateAfterCreate(core: ProviderCore<unknown>, type: string, config: ObjectValue): ObjectValue {
  const plan = core.planResourceChange(type, null, config);
  expect(plan.diagnostics.errors).toEqual([]);
  return fill(plan.planned) as ObjectValue;
}

const paths = (xs: readonly { toString(): string }[]): string[] => xs.map(String);

describe("create", () => {
  test("fills defaults and leaves computed values unknown", () => {
    const plan = infisical.planResourceChange(PG, null, configs.postgres());
    expect(plan.action).toBe("create");
    const p = plan.planned!;
    expect(p.method).toBe("username-and-password");
    expect(p.is_platform_managed_credentials).toBe(false);
    expect(p.credentials).toMatchObject({ port: 5432, ssl_enabled: true, ssl_reject_unauthorized: true, ssl_certificate: null });
    for (const computed of ["id", "org_id", "credentials_hash", "created_at", "updated_at"]) expect(isUnknown(p[computed])).toBe(true);
    expect(p.description).toBeNull();
  });
});

describe("update and no-op", () => {
  const prior = stateAfterCreate(infisical, PG, configs.postgres());

  test("same configuration is a no-op that keeps state exactly", () => {
    const plan = infisical.planResourceChange(PG, prior, configs.postgres());
    expect(plan.action).toBe("noop");
    expect(plan.planned).toEqual(prior);
  });

  test("a new name is an in-place update; stable computed values are kept, updated_at is unknown", () => {
    const plan = infisical.planResourceChange(PG, prior, configs.postgres({ name: "pg-renamed" }));
    expect(plan.action).toBe("update");
    expect(paths(plan.changed)).toEqual(["name"]);
    const p = plan.planned!;
    expect(p.id).toBe(prior.id);
    expect(p.created_at).toBe(prior.created_at);
    expect(p.credentials_hash).toBe(prior.credentials_hash);
    expect(isUnknown(p.updated_at)).toBe(true);
  });

  test("a new password is an update whose credentials_hash becomes unknown", () => {
    const config = configs.postgres({ credentials: { host: "db.internal", database: "app", username: "infisical", password: "pg-password-2" } });
    const plan = infisical.planResourceChange(PG, prior, config);
    expect(plan.action).toBe("update");
    expect(paths(plan.changed)).toEqual(["credentials.password"]);
    expect(isUnknown(plan.planned!.credentials_hash)).toBe(true);
  });

  test("removing the description plans it null", () => {
    const described = stateAfterCreate(infisical, PG, configs.postgres({ description: "main db" }));
    const plan = infisical.planResourceChange(PG, described, configs.postgres());
    expect(plan.action).toBe("update");
    expect(plan.planned!.description).toBeNull();
  });
});

describe("replacement", () => {
  test.each([
    ["project_id", { project_id: "65a1f0c2b4d3e5f60718293a" }],
  ])("changing %s forces replacement", (attribute, override) => {
    const prior = stateAfterCreate(infisical, PG, configs.postgres());
    const plan = infisical.planResourceChange(PG, prior, configs.postgres(override));
    expect(plan.action).toBe("replace");
    expect(paths(plan.requiresReplace)).toEqual([attribute]);
    expect(isUnknown(plan.planned!.id)).toBe(true);
  });

  test("changing method forces replacement", () => {
    const prior = stateAfterCreate(infisical, AZURE, configs.azureClientSecret());
    const plan = infisical.planResourceChange(AZURE, prior, configs.azureOauth({ name: "azure-prod" }));
    expect(plan.action).toBe("replace");
    expect(paths(plan.requiresReplace)).toContain("method");
  });

  test.each([["address", { address: "https://vault2.example.com" }], ["role_id", { role_id: "role-999" }], ["name", { name: "vault-two" }], ["namespace", { namespace: "team-a" }]])(
    "vault integration: %s forces replacement",
    (attribute, override) => {
      const prior = stateAfterCreate(scrapengine, VAULT, configs.vault());
      const plan = scrapengine.planResourceChange(VAULT, prior, configs.vault(override));
      expect(plan.action).toBe("replace");
      expect(paths(plan.requiresReplace)).toEqual([attribute]);
    },
  );

  test("vault integration: secret_id is updated in place", () => {
    const prior = stateAfterCreate(scrapengine, VAULT, configs.vault());
    const plan = scrapengine.planResourceChange(VAULT, prior, configs.vault({ secret_id: "secret-new" }));
    expect(plan.action).toBe("update");
    expect(isUnknown(plan.planned!.updated_at)).toBe(true);
    expect(plan.planned!.id).toBe(prior.id);
  });
});

describe("platform-managed postgres", () => {
  const managed = stateAfterCreate(infisical, PG, configs.postgres({ is_platform_managed_credentials: true }));

  test("cannot be reversed", () => {
    const plan = infisical.planResourceChange(PG, managed, configs.postgres({ is_platform_managed_credentials: false }));
    expect(plan.diagnostics.errors.map((e) => [String(e.path), e.detail])).toEqual([["is_platform_managed_credentials", expect.stringMatching(/cannot be reversed/)]]);
    expect(plan.planned).toBeNull();
  });

  test("other credential changes are errors on their path", () => {
    const plan = infisical.planResourceChange(PG, managed, configs.postgres({ is_platform_managed_credentials: true, credentials: { host: "db2", database: "app", username: "infisical", password: "pg-password-1" } }));
    expect(plan.diagnostics.errors.map((e) => String(e.path))).toEqual(["credentials.host"]);
  });

  test("a changed password alone is recorded with a warning, not an error", () => {
    const plan = infisical.planResourceChange(PG, managed, configs.postgres({ is_platform_managed_credentials: true, credentials: { host: "db.internal", database: "app", username: "infisical", password: "new" } }));
    expect(plan.diagnostics.errors).toEqual([]);
    expect(plan.diagnostics.toArray().map((d) => [d.severity, String(d.path)])).toEqual([["warning", "credentials.password"]]);
    expect(plan.action).toBe("update");
  });
});

describe("destroy", () => {
  test("a null configuration plans a delete", () => {
    const prior = stateAfterCreate(infisical, PG, configs.postgres());
    expect(infisical.planResourceChange(PG, prior, null)).toMatchObject({ action: "delete", planned: null });
  });
});
