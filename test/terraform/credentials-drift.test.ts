/**
 * Acceptance, through the real `terraform` binary and the bundled providers (dist/bundle, built by `npm test`
 * before jest): how a changed credentials_hash shows in a plan. A secret the server refreshes by itself (Azure Key
 * Vault OAuth) is recorded silently; a secret replaced by someone else is re-sent, with a warning.
 */
import { TestEmulator } from "../support/emulator";
import { TerraformWorkspace, output, ownDiagnostics, parsePlan, resourceBlock } from "../support/terraform";
import { AZURE, HEROKU, TENANT, blocksFor, getConnection, isResourceCall, nonSecretChanges } from "./helpers";

let emu: TestEmulator;
let ws: TerraformWorkspace | undefined;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.reset());
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

test("azure key vault oauth: a background token refresh plans no change and warns of nothing", async () => {
  ws = new TerraformWorkspace();
  ws.write({
    "main.tf": `${blocksFor(emu, AZURE)}\n${resourceBlock(AZURE, "oauth", {
      name: "azure-oauth",
      method: "oauth",
      credentials: { tenant_id: TENANT, code: "one-time-oauth-code" },
    })}`,
  });
  await ws.apply();
  const { id, credentials_hash: hashBefore } = ws.attributes(`${AZURE}.oauth`);

  const refreshed = await emu.control("POST", `/connections/${String(id)}/refresh`);
  expect(refreshed.status).toBe(200);
  expect((await getConnection(emu, AZURE, String(id)))!.credentialsHash).not.toBe(hashBefore);

  const plan = await ws.plan(0);
  expect(output(plan)).toContain("No changes.");
  expect(ownDiagnostics(output(plan))).toEqual([]);
}, 60_000);

test("heroku: credentials replaced outside Terraform are re-sent, with a warning, then nothing to do", async () => {
  ws = new TerraformWorkspace();
  const addr = `${HEROKU}.main`;
  ws.write({
    "main.tf": `${blocksFor(emu, HEROKU)}\n${resourceBlock(HEROKU, "main", { name: "heroku-main", credentials: { auth_token: "HRKU-ours" } })}`,
  });
  await ws.apply();
  const id = String(ws.attributes(addr).id);

  // Someone replaces the token in the UI: only the credentials hash tells.
  const patched = await emu.infisical("PATCH", `/api/v1/app-connections/heroku/${id}`, { credentials: { authToken: "HRKU-someone-else" } });
  expect(patched.status).toBe(200);
  const theirHash = (await getConnection(emu, HEROKU, id))!.credentialsHash;

  const plan = await ws.plan(2, ["-out=resend.tfplan"]);
  const warnings = ownDiagnostics(output(plan));
  expect(warnings.map((d) => [d.severity, d.summary])).toEqual([["Warning", "Credentials Changed Outside Terraform"]]);
  expect(warnings[0].address).toBe(addr);
  const planned = parsePlan(plan.stdout).resources;
  expect(planned.map((r) => [r.address, r.action])).toEqual([[addr, "will be updated in-place"]]);
  // The update re-sends the credentials and nothing else.
  expect(planned[0].changes.find((c) => c.name === "auth_token")?.rest).toContain("(sensitive value)");
  expect(nonSecretChanges(planned[0])).toEqual([]);

  await emu.clearRequests();
  await ws.run(["apply", "resend.tfplan"], { expectCode: 0 });
  const writes = (await emu.requests()).filter((r) => isResourceCall(r.path) && r.method !== "GET");
  expect(writes.map((r) => [r.method, r.path])).toEqual([["PATCH", `/api/v1/app-connections/heroku/${id}`]]);
  const after = (await getConnection(emu, HEROKU, id))!;
  expect(after.credentialsHash).not.toBe(theirHash);
  expect(ws.attributes(addr).credentials_hash).toBe(after.credentialsHash);

  const again = await ws.plan(0);
  expect(ownDiagnostics(output(again))).toEqual([]);
}, 60_000);
