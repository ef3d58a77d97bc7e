/**
 * Acceptance, through the real `terraform` binary and the bundled providers (dist/bundle, built by `npm test`
 * before jest): every plan-time rule of DESIGN §2 is refused by `terraform plan` as an error tied to the resource
 * and to the source line of the offending attribute, and makes no app-connection or vault-integration call (a
 * universal-auth login may appear). Then the rules that need prior state (platform-managed PostgreSQL).
 *
 * Terraform can locate a top-level attribute in the source, but not an attribute inside an object value
 * (`credentials = { … }`; hashicorp/terraform#33491), where it would print the resource's header line. So the
 * provider points Terraform at the top-level attribute: the tests require the `credentials = {` line for a nested
 * path, and the detail to name the full path. (A top-level attribute absent from the configuration has no line:
 * Terraform prints the header.)
 */
import { TestEmulator } from "../support/emulator";
import { TerraformWorkspace, lineOf, output, ownDiagnostics, resourceBlock, type Diagnostic, type RunResult } from "../support/terraform";
import { AZURE, CLIENT, HEROKU, PG, TENANT, VAULT, blocksFor, isLogin } from "./helpers";

type Attrs = Record<string, unknown>;

interface RuleCase {
  /** Resource type and name: the case's address. */
  readonly type: string;
  readonly name: string;
  readonly attrs: Attrs;
  readonly summary: string;
  /** A top-level attribute whose line Terraform must print. */
  readonly attribute?: string;
  /** A path Terraform cannot locate (nested, or absent from the config): the detail must name it. */
  readonly path?: string;
  /** For `path`: other top-level attributes whose line would also be right to print. */
  readonly alsoAt?: readonly string[];
}

const ROTATION = { rotation_interval: 30, rotate_at_utc: { hours: 2, minutes: 30 } };
const GATEWAY = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const heroku = (o: Attrs): Attrs => ({ name: "heroku-x", credentials: { auth_token: "HRKU-abc" }, ...o });
const azureSecret = (o: Attrs): Attrs => ({
  name: "azure-x",
  method: "client-secret",
  credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret: "s3cret" },
  ...o,
});
const pg = (o: Attrs): Attrs => ({ name: "pg-x", credentials: { host: "db.internal", database: "app", username: "u", password: "p" }, ...o });
const unsupported = "Unsupported Attribute";

const CASES: readonly RuleCase[] = [
  // Heroku: the unsupported fields.
  { type: HEROKU, name: "gateway", attrs: heroku({ gateway_id: GATEWAY }), summary: unsupported, attribute: "gateway_id" },
  { type: HEROKU, name: "managed", attrs: heroku({ is_platform_managed_credentials: true }), summary: unsupported, attribute: "is_platform_managed_credentials" },
  { type: HEROKU, name: "auto_rotation", attrs: heroku({ is_auto_rotation_enabled: true }), summary: unsupported, attribute: "is_auto_rotation_enabled" },
  { type: HEROKU, name: "rotation", attrs: heroku({ rotation: ROTATION }), summary: unsupported, attribute: "rotation" },
  // Common: name not a slug, method not in the list.
  { type: HEROKU, name: "bad_name", attrs: heroku({ name: "Not_A_Slug" }), summary: "Invalid Attribute Value Match", attribute: "name" },
  { type: HEROKU, name: "bad_method", attrs: heroku({ method: "password" }), summary: "Invalid Attribute Value", attribute: "method" },
  { type: AZURE, name: "bad_method", attrs: azureSecret({ method: "managed-identity" }), summary: "Invalid Attribute Value", attribute: "method" },
  // Heroku OAuth needs its one-time code to create.
  { type: HEROKU, name: "oauth_no_code", attrs: heroku({ method: "oauth", credentials: {} }), summary: "Missing Credential", path: "credentials.code" },
  // Azure Key Vault.
  { type: AZURE, name: "managed", attrs: azureSecret({ is_platform_managed_credentials: true }), summary: unsupported, attribute: "is_platform_managed_credentials" },
  { type: AZURE, name: "gateway", attrs: azureSecret({ gateway_id: GATEWAY }), summary: unsupported, attribute: "gateway_id" },
  {
    type: AZURE,
    name: "oauth_rotation",
    attrs: { name: "azure-x", method: "oauth", credentials: { tenant_id: TENANT, code: "c" }, rotation: ROTATION },
    summary: "Rotation Not Supported For Method",
    attribute: "rotation",
  },
  {
    type: AZURE,
    name: "auto_rotation_without_rotation",
    attrs: azureSecret({ is_auto_rotation_enabled: true }),
    summary: "Missing Rotation Schedule",
    path: "rotation",
    alsoAt: ["is_auto_rotation_enabled"],
  },
  {
    type: AZURE,
    name: "missing_client_secret",
    attrs: azureSecret({ credentials: { tenant_id: TENANT, client_id: CLIENT } }),
    summary: "Missing Credential",
    path: "credentials.client_secret",
  },
  {
    type: AZURE,
    name: "missing_private_key",
    attrs: azureSecret({ method: "certificate", credentials: { tenant_id: TENANT, client_id: CLIENT, certificate_body: "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----" } }),
    summary: "Missing Credential",
    path: "credentials.private_key",
  },
  {
    type: AZURE,
    name: "oauth_foreign_secret",
    attrs: { name: "azure-x", method: "oauth", credentials: { tenant_id: TENANT, code: "c", client_secret: "s" } },
    summary: "Credential Not Used By Method",
    path: "credentials.client_secret",
  },
  {
    type: AZURE,
    name: "secret_foreign_certificate",
    attrs: azureSecret({ credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret: "s", certificate_body: "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----" } }),
    summary: "Credential Not Used By Method",
    path: "credentials.certificate_body",
  },
  { type: AZURE, name: "oauth_no_code", attrs: { name: "azure-x", method: "oauth", credentials: { tenant_id: TENANT } }, summary: "Missing Credential", path: "credentials.code" },
  // PostgreSQL: no rotation.
  { type: PG, name: "rotation", attrs: pg({ rotation: ROTATION }), summary: unsupported, attribute: "rotation" },
  { type: PG, name: "auto_rotation", attrs: pg({ is_auto_rotation_enabled: true }), summary: unsupported, attribute: "is_auto_rotation_enabled" },
  // Vault integration: address must be an http(s) URL.
  { type: VAULT, name: "bad_address", attrs: { name: "vault-x", address: "vault.example.com:8200", role_id: "r", secret_id: "s" }, summary: "Invalid Attribute Value", attribute: "address" },
];

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

const address = (c: RuleCase) => `${c.type}.${c.name}`;
const source = (cases: readonly RuleCase[]) => `${blocksFor(emu, ...cases.map((c) => c.type))}\n${cases.map((c) => resourceBlock(c.type, c.name, c.attrs)).join("\n")}`;

/** A failing `terraform plan` after which the emulator saw nothing but (maybe) logins. */
async function planWithoutCalls(ws: TerraformWorkspace): Promise<RunResult> {
  await emu.clearRequests();
  const result = await ws.plan(1);
  const calls = (await emu.requests()).filter((r) => !isLogin(r.path));
  expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  return result;
}

/** Checks that `diag` points at the offending attribute's line of `main`. */
function expectUnderlined(c: RuleCase, main: string, diag: Diagnostic): void {
  const addr = address(c);
  const lines = main.split("\n");
  expect(diag.file).toBe("main.tf");
  if (c.attribute !== undefined) {
    const line = lineOf(main, addr, c.attribute);
    expect({ addr, line: diag.line, snippet: diag.snippet?.trim() }).toEqual({ addr, line, snippet: lines[line - 1].trim() });
  } else {
    const path = c.path!;
    const top = path.split(".")[0];
    const acceptable = path.includes(".") ? [lineOf(main, addr, top)] : [lineOf(main, addr)];
    for (const a of c.alsoAt ?? []) acceptable.push(lineOf(main, addr, a));
    expect({ addr, line: acceptable.includes(diag.line!) ? "acceptable" : diag.line }).toEqual({ addr, line: "acceptable" });
    expect(diag.snippet?.trim()).toBe(lines[diag.line! - 1].trim());
    expect(diag.detail).toContain(path);
  }
}

test("every configuration-only rule is an error on the offending attribute's line, with no API call", async () => {
  // All cases in one configuration: Terraform reports every validation error at once. A rule that is checked
  // only while planning (after validation passed) is not reached there, so its case is planned on its own.
  const ws = workspace();
  const main = source(CASES);
  ws.write({ "main.tf": main });
  const together = ownDiagnostics(output(await planWithoutCalls(ws)));
  expect(together.every((d) => d.severity === "Error")).toBe(true);
  // No error lands on a resource that is not one of the cases.
  expect(together.filter((d) => !CASES.some((c) => address(c) === d.address))).toEqual([]);

  const alone: string[] = [];
  for (const c of CASES) {
    let diag = together.find((d) => d.address === address(c) && d.summary === c.summary);
    let text = main;
    if (diag === undefined) {
      alone.push(address(c));
      text = source([c]);
      ws.write({ "main.tf": text });
      const own = ownDiagnostics(output(await planWithoutCalls(ws)));
      expect({ addr: address(c), diags: own.map((d) => [d.address, d.summary]) }).toEqual({ addr: address(c), diags: [[address(c), c.summary]] });
      diag = own[0];
    }
    expectUnderlined(c, text, diag);
  }
  // Only what is needed to create (an OAuth code, a secret given as F or F_wo) is a plan-walk rule: an object
  // already in state may leave them unset. Everything else is caught by validation.
  expect(alone.sort()).toEqual([`${AZURE}.missing_client_secret`, `${AZURE}.missing_private_key`, `${AZURE}.oauth_no_code`, `${HEROKU}.oauth_no_code`]);
}, 120_000);

describe("postgres: rules on prior state", () => {
  const addr = `${PG}.managed`;
  const pgManaged = (o: Attrs) =>
    resourceBlock(PG, "managed", { name: "pg-managed", is_platform_managed_credentials: true, credentials: { host: "db.internal", database: "app", username: "u", password: "p1" }, ...o });

  test("platform-managed credentials cannot be reversed, nor their non-secret fields changed; a new password is ignored", async () => {
    const ws = workspace();
    ws.write({ "main.tf": `${blocksFor(emu, PG)}\n${pgManaged({})}` });
    await ws.apply();
    await ws.plan(0);

    const noWrites = async (expectCode: 0 | 1 | 2) => {
      await emu.clearRequests();
      const r = await ws.plan(expectCode);
      expect((await emu.requests()).filter((x) => x.method !== "GET" && !isLogin(x.path)).map((x) => `${x.method} ${x.path}`)).toEqual([]);
      return r;
    };

    // Switching it off: refused on the attribute.
    let main = `${blocksFor(emu, PG)}\n${pgManaged({ is_platform_managed_credentials: false })}`;
    ws.write({ "main.tf": main });
    const reversed = ownDiagnostics(output(await noWrites(1)));
    expect(reversed.map((d) => [d.severity, d.summary, d.address])).toEqual([["Error", "Cannot Reverse Platform-Managed Credentials", addr]]);
    expect(reversed[0].detail).toContain("cannot be reversed");
    const line = lineOf(main, addr, "is_platform_managed_credentials");
    expect([reversed[0].line, reversed[0].snippet?.trim()]).toEqual([line, main.split("\n")[line - 1].trim()]);

    // A credential field other than the password: refused, naming the field.
    main = `${blocksFor(emu, PG)}\n${pgManaged({ credentials: { host: "db2.internal", database: "app", username: "u", password: "p1" } })}`;
    ws.write({ "main.tf": main });
    const changed = ownDiagnostics(output(await noWrites(1)));
    expect(changed.map((d) => [d.severity, d.summary, d.address])).toEqual([["Error", "Cannot Change Platform-Managed Credentials", addr]]);
    expect(changed[0].detail).toContain("credentials.host");
    expect([changed[0].line, changed[0].snippet?.trim()]).toEqual([lineOf(main, addr, "credentials"), "credentials = {"]);

    // The password alone: recorded, not sent, with a warning.
    ws.write({ "main.tf": `${blocksFor(emu, PG)}\n${pgManaged({ credentials: { host: "db.internal", database: "app", username: "u", password: "p2" } })}` });
    const password = ownDiagnostics(output(await noWrites(2)));
    expect(password.map((d) => [d.severity, d.summary, d.address])).toEqual([["Warning", "Password Change Ignored", addr]]);
  }, 60_000);
});
