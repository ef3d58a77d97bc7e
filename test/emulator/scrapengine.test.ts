/** Contract: the ScrapEngine vault-integrations API of DESIGN §3. */
import { vaultIntegration, vaultIntegrationList } from "../../src/api/scrapengine";
import { TestEmulator } from "../support/emulator";
import { ISO_PATTERN, MISSING_ID, UUID_PATTERN, vaultIntegrationBody } from "../support/fixtures";
import { call, pick, pickString, type HttpResult } from "../support/http";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start({ apiKey: "test-api-key" });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function expectError(res: HttpResult, status: number, error: string, message: unknown): void {
  expect({ status: res.status, body: res.body }).toEqual({ status, body: { statusCode: status, error, message } });
}

async function create(name: string, extra: Record<string, unknown> = {}): Promise<HttpResult> {
  const res = await emu.scrapengine("POST", "/vault-integrations", vaultIntegrationBody(name, extra));
  expect(res.status).toBe(201);
  return res;
}

test("create, list, get, rotate, delete", async () => {
  const created = await create("prod-vault");
  const id = pickString(created.body, "id");
  const createdAt = pickString(created.body, "createdAt");
  expect(created.body).toEqual({
    id: expect.stringMatching(UUID_PATTERN),
    name: "prod-vault",
    type: "hashicorp",
    address: "https://vault.example.com:8200",
    namespace: null,
    authMethod: "approle",
    roleId: "8f2e1c0c-0e4a-4b58-8b2e-4a9e1c8a4a11",
    createdAt: expect.stringMatching(ISO_PATTERN),
    updatedAt: createdAt,
  });
  expect(() => vaultIntegration.parse(created.body)).not.toThrow();
  expect(created.text).not.toContain("secretId");
  expect(created.text).not.toContain("s.vault-secret-id");

  const listed = await emu.scrapengine("GET", "/vault-integrations");
  expect(listed.status).toBe(200);
  expect(listed.body).toEqual({ data: [created.body] });
  expect(vaultIntegrationList.parse(listed.body)).toHaveLength(1);

  const got = await emu.scrapengine("GET", `/vault-integrations/${id}`);
  expect(got.status).toBe(200);
  expect(got.body).toEqual(created.body);

  const stamps = [createdAt];
  for (let i = 0; i < 3; i++) {
    const rotated = await emu.scrapengine("PUT", `/vault-integrations/${id}`, { secretId: `s.rotated-${i}` });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({ ...(created.body as object), updatedAt: expect.stringMatching(ISO_PATTERN) });
    expect(rotated.text).not.toContain(`s.rotated-${i}`);
    stamps.push(pickString(rotated.body, "updatedAt"));
  }
  expect(new Set(stamps).size).toBe(stamps.length); // bumped every time, even within one millisecond

  const deleted = await emu.scrapengine("DELETE", `/vault-integrations/${id}`);
  expect(deleted.status).toBe(204);
  expect(deleted.text).toBe("");
  expectError(
    await emu.scrapengine("GET", `/vault-integrations/${id}`),
    404,
    "Not Found",
    `Vault integration ${id} not found`,
  );
  expectError(
    await emu.scrapengine("DELETE", `/vault-integrations/${id}`),
    404,
    "Not Found",
    `Vault integration ${id} not found`,
  );
});

test("namespace, type and auth method as given", async () => {
  const res = await create("ns-vault", { namespace: "admin/team", type: "hashicorp", authMethod: "approle" });
  expect(pick(res.body, "namespace")).toBe("admin/team");
});

test("a missing or wrong API key is 401", async () => {
  const message = "Invalid or missing API key";
  expectError(await call(emu.emulator.scrapengine.baseUrl, "GET", "/vault-integrations"), 401, "Unauthorized", message);
  expectError(
    await emu.scrapengine("GET", "/vault-integrations", undefined, { bearer: "wrong-key" }),
    401,
    "Unauthorized",
    message,
  );
});

test("a duplicate name is 409", async () => {
  await create("twice");
  expectError(
    await emu.scrapengine("POST", "/vault-integrations", vaultIntegrationBody("twice")),
    409,
    "Conflict",
    'A vault integration named "twice" already exists',
  );
});

test("invalid bodies are 400 naming the field, never echoing the secret", async () => {
  const res = await emu.scrapengine("POST", "/vault-integrations", {
    name: "",
    address: "ftp://vault",
    roleId: "r",
    secretId: "",
    type: "aws",
  });
  expectError(res, 400, "Bad Request", [
    "name must not be empty",
    expect.stringMatching(/^type: /),
    "address must be an http(s) URL",
    "secretId must not be empty",
  ]);
});

test("rotating to an empty or missing secretId is 400; a missing integration 404", async () => {
  const id = pickString((await create("rotated")).body, "id");
  const before = await emu.scrapengine("GET", `/vault-integrations/${id}`);
  expectError(await emu.scrapengine("PUT", `/vault-integrations/${id}`, { secretId: "" }), 400, "Bad Request", [
    "secretId must not be empty",
  ]);
  expectError(await emu.scrapengine("PUT", `/vault-integrations/${id}`, {}), 400, "Bad Request", [
    "secretId is required",
  ]);
  expect((await emu.scrapengine("GET", `/vault-integrations/${id}`)).body).toEqual(before.body);
  expectError(
    await emu.scrapengine("PUT", `/vault-integrations/${MISSING_ID}`, { secretId: "s.x" }),
    404,
    "Not Found",
    `Vault integration ${MISSING_ID} not found`,
  );
  expectError(
    await emu.scrapengine("GET", "/vault-integrations/not-a-uuid"),
    404,
    "Not Found",
    "Vault integration not-a-uuid not found",
  );
});
