/**
 * Contract: every error row of notes/infisical-api.md that the emulator reproduces, status AND body
 * (`{ reqId, statusCode, message, error }`, exact messages, 422 issue arrays with paths).
 */
import { TestEmulator } from "../support/emulator";
import { connectionCase, createBody, MISSING_ID, postgresCredentials, ROTATION } from "../support/fixtures";
import { pick, pickString, type HttpResult } from "../support/http";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const azure = connectionCase("azure-key-vault", "client-secret");
const azureOAuth = connectionCase("azure-key-vault", "oauth");
const azureCertificate = connectionCase("azure-key-vault", "certificate");
const postgres = connectionCase("postgres", "username-and-password");
const heroku = connectionCase("heroku", "auth-token");
const herokuOAuth = connectionCase("heroku", "oauth");

function expectError(res: HttpResult, status: number, error: string, message: unknown): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: { reqId: expect.stringMatching(/^req-/), statusCode: status, error, message },
  });
}

function expectIssues(
  res: HttpResult,
  issues: readonly { path: readonly (string | number)[]; message: string }[],
): void {
  expectError(
    res,
    422,
    "ValidationFailure",
    issues.map((i) => ({ code: expect.any(String), path: i.path, message: i.message })),
  );
}

async function create(app: string, body: unknown): Promise<HttpResult> {
  return emu.infisical("POST", `/api/v1/app-connections/${app}`, body);
}

async function createdId(app: string, body: unknown): Promise<string> {
  const res = await create(app, body);
  expect(res.status).toBe(200);
  return pickString(res.body, "appConnection", "id");
}

async function countConnections(): Promise<number> {
  const res = await emu.infisical("GET", "/api/v1/app-connections");
  return (pick(res.body, "appConnections") as unknown[]).length;
}

describe("422 ValidationFailure", () => {
  test.each([
    ["", "name field must be at least 1 lowercase character"],
    ["a".repeat(65), "name field must be at most 64 lowercase characters"],
    ["Not_A_Slug", "name field can only contain lowercase letters, numbers, and hyphens"],
    ["trailing-", "name field can only contain lowercase letters, numbers, and hyphens"],
  ])("name %j", async (name, message) => {
    const res = await create("heroku", createBody(heroku, name));
    expectError(
      res,
      422,
      "ValidationFailure",
      expect.arrayContaining([{ code: expect.any(String), path: ["name"], message }]),
    );
    expect(await countConnections()).toBe(0);
  });

  test("a name is trimmed before it is checked", async () => {
    const res = await create("heroku", createBody(heroku, "  trimmed-name  "));
    expect(res.status).toBe(200);
    expect(pick(res.body, "appConnection", "name")).toBe("trimmed-name");
  });

  test("description longer than 256", async () => {
    expectIssues(await create("heroku", createBody(heroku, "long", { description: "d".repeat(257) })), [
      { path: ["description"], message: "Description cannot exceed 256 characters" },
    ]);
  });

  test("a method the app does not have", async () => {
    const res = await create("postgres", { ...createBody(postgres, "pg"), method: "oauth" });
    expect(res.status).toBe(422);
    expect(pick(res.body, "message", 0, "path")).toEqual(["method"]);
  });

  test("credentials checked per method, every issue at once, never echoing a value", async () => {
    const res = await create("azure-key-vault", {
      name: "Bad Name",
      method: "client-secret",
      credentials: { clientId: "not-a-uuid", clientSecret: "x".repeat(51) },
    });
    expect(res.status).toBe(422);
    const paths = (pick(res.body, "message") as { path: unknown }[]).map((i) => i.path);
    expect(paths).toEqual([
      ["name"],
      ["credentials", "clientId"],
      ["credentials", "clientSecret"],
      ["credentials", "tenantId"],
    ]);
    expect(res.text).not.toContain("x".repeat(51));
  });

  test("missing credentials", async () => {
    const res = await create("heroku", { name: "no-credentials", method: "auth-token" });
    expect(res.status).toBe(422);
    expect(pick(res.body, "message", 0, "path")).toEqual(["credentials"]);
  });

  test("a Heroku token must start with HRKU-", async () => {
    expectIssues(await create("heroku", createBody(heroku, "h", { credentials: { authToken: "abc" } })), [
      { path: ["credentials", "authToken"], message: "Token must start with 'HRKU-" },
    ]);
  });

  test("certificates must be PEM", async () => {
    const res = await create("azure-key-vault", {
      ...createBody(azureCertificate, "cert"),
      credentials: { ...azureCertificate.credentials, certificateBody: "not pem" },
    });
    expectIssues(res, [
      { path: ["credentials", "certificateBody"], message: "Certificate body must be in PEM format" },
    ]);
  });

  test.each([
    [
      "azure-key-vault",
      azure,
      { isPlatformManagedCredentials: true },
      "isPlatformManagedCredentials",
      "Azure Key Vault",
    ],
    ["azure-key-vault", azure, { gatewayId: MISSING_ID }, "gatewayId", "Azure Key Vault"],
    ["heroku", heroku, { isPlatformManagedCredentials: true }, "isPlatformManagedCredentials", "Heroku"],
    ["heroku", heroku, { gatewayId: MISSING_ID }, "gatewayId", "Heroku"],
    ["heroku", heroku, { gatewayId: null }, "gatewayId", "Heroku"],
    ["heroku", heroku, { isAutoRotationEnabled: true }, "isAutoRotationEnabled", "Heroku"],
    ["heroku", heroku, { rotation: ROTATION }, "rotation", "Heroku"],
    ["postgres", postgres, { isAutoRotationEnabled: true }, "isAutoRotationEnabled", "PostgreSQL"],
    ["postgres", postgres, { rotation: ROTATION }, "rotation", "PostgreSQL"],
  ] as const)("%s refuses %j on create and update", async (app, c, extra, field, display) => {
    const message = `Not supported for ${display} Connections`;
    expectIssues(await create(app, createBody(c, "unsupported", extra)), [{ path: [field], message }]);
    expect(await countConnections()).toBe(0);
    const id = await createdId(app, createBody(c, "supported"));
    expectIssues(await emu.infisical("PATCH", `/api/v1/app-connections/${app}/${id}`, extra), [
      { path: [field], message },
    ]);
  });

  test("the refused features may still be sent as false", async () => {
    const res = await create(
      "heroku",
      createBody(heroku, "falses", { isPlatformManagedCredentials: false, isAutoRotationEnabled: false }),
    );
    expect(res.status).toBe(200);
  });

  test("auto rotation without the schedule", async () => {
    const message = "Rotation details is required when auto rotation is enabled";
    expectIssues(await create("azure-key-vault", createBody(azure, "rot", { isAutoRotationEnabled: true })), [
      { path: ["rotation"], message },
    ]);
    const id = await createdId("azure-key-vault", createBody(azure, "rot"));
    expectIssues(
      await emu.infisical("PATCH", `/api/v1/app-connections/azure-key-vault/${id}`, { isAutoRotationEnabled: true }),
      [{ path: ["rotation"], message }],
    );
  });

  test.each(["GET", "PATCH", "DELETE"])("%s with a connection id that is not a UUID", async (method) => {
    const res = await emu.infisical(
      method,
      "/api/v1/app-connections/heroku/not-a-uuid",
      method === "PATCH" ? {} : undefined,
    );
    expectIssues(res, [{ path: ["connectionId"], message: "Invalid UUID" }]);
  });
});

describe("400 BadRequest", () => {
  test("duplicate name", async () => {
    await createdId("heroku", createBody(heroku, "taken"));
    expectError(
      await create("heroku", createBody(heroku, "taken")),
      400,
      "BadRequest",
      'An App Connection with the name "taken" already exists',
    );
  });

  test.each(["GET", "PATCH", "DELETE"])("%s under the wrong app", async (method) => {
    const id = await createdId("heroku", createBody(heroku, "wrong-app"));
    const res = await emu.infisical(
      method,
      `/api/v1/app-connections/postgres/${id}`,
      method === "PATCH" ? {} : undefined,
    );
    expectError(res, 400, "BadRequest", `App Connection with ID ${id} is not for App "postgres"`);
  });

  test("by name under the wrong app", async () => {
    const id = await createdId("heroku", createBody(heroku, "named"));
    const res = await emu.infisical("GET", "/api/v1/app-connections/azure-key-vault/connection-name/named");
    expectError(res, 400, "BadRequest", `App Connection with ID ${id} is not for App "azure-key-vault"`);
  });

  test.each([
    ["oauth", azureOAuth],
    ["certificate", azureCertificate],
  ])("rotation with method %s", async (_method, c) => {
    const message = "Credential rotation is only supported for Client Secret auth method";
    const body = createBody(c, "rotating", { isAutoRotationEnabled: true, rotation: ROTATION });
    expectError(await create("azure-key-vault", body), 400, "BadRequest", message);
    const id = await createdId("azure-key-vault", createBody(c, "not-rotating"));
    const res = await emu.infisical("PATCH", `/api/v1/app-connections/azure-key-vault/${id}`, {
      isAutoRotationEnabled: true,
      rotation: ROTATION,
    });
    expectError(res, 400, "BadRequest", message);
  });

  test("platform-managed PostgreSQL rules", async () => {
    const base = "/api/v1/app-connections/postgres";
    const id = await createdId("postgres", createBody(postgres, "managed"));
    const locked = "Cannot update credentials or management status for platform managed connections";
    const needs = "Credentials required to transition to platform managed credentials";
    expectError(
      await emu.infisical("PATCH", `${base}/${id}`, { isPlatformManagedCredentials: true }),
      400,
      "BadRequest",
      needs,
    );
    const switched = await emu.infisical("PATCH", `${base}/${id}`, {
      isPlatformManagedCredentials: true,
      credentials: postgresCredentials,
    });
    expect(switched.status).toBe(200);
    expect(pick(switched.body, "appConnection", "isPlatformManagedCredentials")).toBe(true);
    expectError(
      await emu.infisical("PATCH", `${base}/${id}`, { isPlatformManagedCredentials: false }),
      400,
      "BadRequest",
      locked,
    );
    expectError(
      await emu.infisical("PATCH", `${base}/${id}`, { credentials: postgresCredentials }),
      400,
      "BadRequest",
      locked,
    );
    expectError(
      await emu.infisical("PATCH", `${base}/${id}`, { isPlatformManagedCredentials: true }),
      400,
      "BadRequest",
      needs,
    );
    const renamed = await emu.infisical("PATCH", `${base}/${id}`, { name: "still-managed" });
    expect(renamed.status).toBe(200);
    expect(pick(renamed.body, "appConnection", "isPlatformManagedCredentials")).toBe(true);
  });

  test.each([
    ["heroku auth-token", heroku, "Failed to validate credentials: Invalid credentials provided."],
    ["heroku oauth", herokuOAuth, "Failed to validate credentials: Invalid credentials provided."],
    [
      "azure client-secret",
      azure,
      "Failed to get access token: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
    ],
    [
      "azure oauth",
      azureOAuth,
      "Failed to get access token: AADSTS70000: The provided authorization code is invalid or has expired.",
    ],
    [
      "azure certificate",
      azureCertificate,
      "Failed to get access token: AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.",
    ],
    ["postgres", postgres, 'Unable to validate connection: password authentication failed for user "vaultbridge"'],
  ])("remote check refuses a %s secret containing 'invalid'; nothing is stored", async (_label, c, message) => {
    const app = c.app;
    const original = c.credentials[c.secretField];
    const bad =
      c.secretField === "privateKey" ? String(original).replace("fake", "invalid") : `${String(original)}-invalid`;
    const credentials = { ...c.credentials, [c.secretField]: bad };
    const res = await create(app, { name: "checked", method: c.method, credentials });
    expectError(res, 400, "BadRequest", message);
    expect(res.text).not.toContain(bad);
    expect(await countConnections()).toBe(0);

    const id = await createdId(app, createBody(c, "checked"));
    const before = await emu.infisical("GET", `/api/v1/app-connections/${app}/${id}`);
    expectError(
      await emu.infisical("PATCH", `/api/v1/app-connections/${app}/${id}`, { credentials }),
      400,
      "BadRequest",
      message,
    );
    expect((await emu.infisical("GET", `/api/v1/app-connections/${app}/${id}`)).body).toEqual(before.body);
  });

  test("a body that is not JSON", async () => {
    const res = await emu.infisical("POST", "/api/v1/app-connections/heroku", undefined, { rawBody: "{not json" });
    expectError(res, 400, "BadRequest", "Body is not valid JSON but content-type is set to 'application/json'");
  });
});

describe("404 NotFound", () => {
  test.each(["GET", "PATCH", "DELETE"])("%s of a missing id", async (method) => {
    const res = await emu.infisical(
      method,
      `/api/v1/app-connections/heroku/${MISSING_ID}`,
      method === "PATCH" ? {} : undefined,
    );
    expectError(res, 404, "NotFound", `Could not find App Connection with ID ${MISSING_ID}`);
  });

  test("a missing name, in organization and in project scope", async () => {
    expectError(
      await emu.infisical("GET", "/api/v1/app-connections/heroku/connection-name/nope"),
      404,
      "NotFound",
      "Could not find App Connection with name nope in organization scope.",
    );
    expectError(
      await emu.infisical(
        "GET",
        `/api/v1/app-connections/heroku/connection-name/nope?projectId=${emu.emulator.projectId}`,
      ),
      404,
      "NotFound",
      "Could not find App Connection with name nope in project scope.",
    );
  });

  test("an unknown project", async () => {
    const message = `Could not find project with ID ${MISSING_ID}`;
    expectError(await create("heroku", createBody(heroku, "p", { projectId: MISSING_ID })), 404, "NotFound", message);
    expectError(
      await emu.infisical("GET", `/api/v1/app-connections?projectId=${MISSING_ID}`),
      404,
      "NotFound",
      message,
    );
  });

  test("an unknown gateway", async () => {
    const res = await create("postgres", createBody(postgres, "gw", { gatewayId: MISSING_ID }));
    expectError(res, 404, "NotFound", `Gateway with ID ${MISSING_ID} not found`);
  });

  test("an unknown route or app", async () => {
    expectError(
      await emu.infisical("GET", "/api/v1/app-connections/github"),
      404,
      "NotFound",
      "Route GET:/api/v1/app-connections/github not found",
    );
  });
});
