/**
 * Contract: the server-side rules beyond validation: redaction details, credentialsHash freshness, rotation
 * schedules, PATCH semantics, gateways, and name uniqueness per org / per project across apps.
 */
import { TestEmulator } from "../support/emulator";
import { connectionCase, createBody, postgresCredentials, ROTATION } from "../support/fixtures";
import { pick, pickString, type HttpResult } from "../support/http";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const azure = connectionCase("azure-key-vault", "client-secret");
const postgres = connectionCase("postgres", "username-and-password");
const heroku = connectionCase("heroku", "auth-token");

const connection = (res: HttpResult, key: string): unknown => pick(res.body, "appConnection", key);

async function create(app: string, body: unknown): Promise<HttpResult> {
  const res = await emu.infisical("POST", `/api/v1/app-connections/${app}`, body);
  expect(res.status).toBe(200);
  return res;
}

async function patch(app: string, id: string, body: unknown): Promise<HttpResult> {
  return emu.infisical("PATCH", `/api/v1/app-connections/${app}/${id}`, body);
}

describe("redaction", () => {
  test("postgres: a string port is a number, an empty sslCertificate is absent, a certificate returned", async () => {
    const empty = await create(
      "postgres",
      createBody(postgres, "pg-empty", {
        credentials: { ...postgresCredentials, port: "6543", sslCertificate: "" },
      }),
    );
    expect(connection(empty, "credentials")).toEqual({ ...postgres.returned, port: 6543 });
    const withCa = await create(
      "postgres",
      createBody(postgres, "pg-ca", {
        credentials: {
          ...postgresCredentials,
          sslCertificate: "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
        },
      }),
    );
    expect(connection(withCa, "credentials")).toEqual({
      ...postgres.returned,
      sslCertificate: "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
    });
  });

  test("oauth without a tenant returns empty credentials", async () => {
    const oauth = connectionCase("azure-key-vault", "oauth");
    const res = await create("azure-key-vault", {
      name: "no-tenant",
      method: "oauth",
      credentials: { code: oauth.credentials.code },
    });
    expect(connection(res, "credentials")).toEqual({});
  });
});

describe("credentialsHash", () => {
  test("changes on every credential write, and only then", async () => {
    const created = await create("postgres", createBody(postgres, "hashed"));
    const id = pickString(created.body, "appConnection", "id");
    const h0 = connection(created, "credentialsHash");

    const described = await patch("postgres", id, { description: "no credentials here" });
    expect(connection(described, "credentialsHash")).toBe(h0);

    const same = await patch("postgres", id, { credentials: postgresCredentials });
    const h1 = connection(same, "credentialsHash");
    expect(h1).not.toBe(h0);

    const managed = await patch("postgres", id, {
      isPlatformManagedCredentials: true,
      credentials: postgresCredentials,
    });
    const h2 = connection(managed, "credentialsHash");
    expect(h2).not.toBe(h1);

    const renamed = await patch("postgres", id, { name: "hashed-renamed" });
    expect(connection(renamed, "credentialsHash")).toBe(h2);
  });

  test("identical credentials on two connections give different hashes", async () => {
    const a = await create("heroku", createBody(heroku, "twin-a"));
    const b = await create("heroku", createBody(heroku, "twin-b"));
    expect(connection(a, "credentialsHash")).not.toBe(connection(b, "credentialsHash"));
  });
});

describe("rotation", () => {
  function expectedNext(from: string, days: number, hours: number, minutes: number): string {
    const next = new Date(from);
    next.setUTCDate(next.getUTCDate() + days);
    next.setUTCHours(hours, minutes, 0, 0);
    return next.toISOString();
  }

  test("enable on create, replace the schedule, disable, re-enable", async () => {
    const created = await create(
      "azure-key-vault",
      createBody(azure, "rotating", { isAutoRotationEnabled: true, rotation: ROTATION }),
    );
    const id = pickString(created.body, "appConnection", "id");
    const createdAt = pickString(created.body, "appConnection", "createdAt");
    expect(connection(created, "isAutoRotationEnabled")).toBe(true);
    expect(connection(created, "rotation")).toEqual({
      rotationInterval: 30,
      rotateAtUtc: { hours: 3, minutes: 15 },
      rotationStatus: "success",
      lastRotationMessage: null,
      nextRotationAt: expectedNext(createdAt, 30, 3, 15),
    });

    const rescheduled = await patch("azure-key-vault", id, {
      rotation: { rotationInterval: 7, rotateAtUtc: { hours: 23, minutes: 59 } },
    });
    expect(pick(rescheduled.body, "appConnection", "rotation", "nextRotationAt")).toBe(
      expectedNext(createdAt, 7, 23, 59),
    );
    expect(pick(rescheduled.body, "appConnection", "rotation", "rotationInterval")).toBe(7);

    const disabled = await patch("azure-key-vault", id, { isAutoRotationEnabled: false });
    expect(connection(disabled, "isAutoRotationEnabled")).toBe(false);
    expect(connection(disabled, "rotation")).toBeNull();

    const stillOff = await patch("azure-key-vault", id, { rotation: ROTATION });
    expect(connection(stillOff, "rotation")).toBeNull();

    const reenabled = await patch("azure-key-vault", id, { isAutoRotationEnabled: true, rotation: ROTATION });
    const updatedAt = pickString(reenabled.body, "appConnection", "updatedAt");
    expect(connection(reenabled, "isAutoRotationEnabled")).toBe(true);
    expect(pick(reenabled.body, "appConnection", "rotation", "nextRotationAt")).toBe(
      expectedNext(updatedAt, 30, 3, 15),
    );
  });

  test("rotation values out of range are 422", async () => {
    const res = await emu.infisical(
      "POST",
      "/api/v1/app-connections/azure-key-vault",
      createBody(azure, "bad-rotation", {
        isAutoRotationEnabled: true,
        rotation: { rotationInterval: 366, rotateAtUtc: { hours: 24, minutes: 60 } },
      }),
    );
    expect(res.status).toBe(422);
    expect((pick(res.body, "message") as { path: unknown }[]).map((i) => i.path)).toEqual([
      ["rotation", "rotationInterval"],
      ["rotation", "rotateAtUtc", "hours"],
      ["rotation", "rotateAtUtc", "minutes"],
    ]);
  });
});

describe("PATCH semantics", () => {
  test("method, projectId and unknown keys are dropped; absent fields stay; null clears", async () => {
    const created = await create(
      "postgres",
      createBody(postgres, "patched", {
        description: "keep me",
        gatewayId: emu.emulator.gatewayId,
      }),
    );
    const id = pickString(created.body, "appConnection", "id");
    expect(connection(created, "gatewayId")).toBe(emu.emulator.gatewayId);

    const ignored = await patch("postgres", id, { method: "oauth", projectId: emu.emulator.projectId, colour: "blue" });
    expect(ignored.status).toBe(200);
    expect(connection(ignored, "method")).toBe("username-and-password");
    expect(connection(ignored, "projectId")).toBeNull();
    expect(connection(ignored, "description")).toBe("keep me");
    expect(connection(ignored, "colour")).toBeUndefined();
    expect(connection(ignored, "version")).toBe(1);

    const cleared = await patch("postgres", id, { description: null, gatewayId: null });
    expect(connection(cleared, "description")).toBeNull();
    expect(connection(cleared, "gatewayId")).toBeNull();

    const trimmed = await patch("postgres", id, { description: "  padded  " });
    expect(connection(trimmed, "description")).toBe("padded");
  });

  test("updatedAt moves on every update, even within one millisecond", async () => {
    const created = await create("heroku", createBody(heroku, "fast"));
    const id = pickString(created.body, "appConnection", "id");
    const stamps = [pickString(created.body, "appConnection", "updatedAt")];
    for (let i = 0; i < 5; i++)
      stamps.push(pickString((await patch("heroku", id, { description: `v${i}` })).body, "appConnection", "updatedAt"));
    expect(new Set(stamps).size).toBe(stamps.length);
    expect([...stamps].sort()).toEqual(stamps);
  });

  test("a postgres connection created platform-managed", async () => {
    const created = await create(
      "postgres",
      createBody(postgres, "born-managed", { isPlatformManagedCredentials: true }),
    );
    expect(connection(created, "isPlatformManagedCredentials")).toBe(true);
  });
});

describe("name uniqueness", () => {
  test("per org across apps for org-level connections", async () => {
    await create("heroku", createBody(heroku, "shared"));
    const clash = await emu.infisical("POST", "/api/v1/app-connections/postgres", createBody(postgres, "shared"));
    expect(clash.status).toBe(400);
    expect(pick(clash.body, "message")).toBe('An App Connection with the name "shared" already exists');
  });

  test("per project across apps for project-level ones; org and project names do not clash", async () => {
    const projectId = emu.emulator.projectId;
    await create("heroku", createBody(heroku, "shared"));
    await create("postgres", createBody(postgres, "shared", { projectId }));
    const clash = await emu.infisical(
      "POST",
      "/api/v1/app-connections/azure-key-vault",
      createBody(azure, "shared", { projectId }),
    );
    expect(clash.status).toBe(400);
    expect(pick(clash.body, "message")).toBe('An App Connection with the name "shared" already exists');

    const orgLevel = await emu.infisical("GET", "/api/v1/app-connections/heroku/connection-name/shared");
    expect(pick(orgLevel.body, "appConnection", "projectId")).toBeNull();
    const projectLevel = await emu.infisical(
      "GET",
      `/api/v1/app-connections/postgres/connection-name/shared?projectId=${projectId}`,
    );
    expect(pick(projectLevel.body, "appConnection", "projectId")).toBe(projectId);
    const notAtOrgLevel = await emu.infisical("GET", "/api/v1/app-connections/postgres/connection-name/shared");
    expect(notAtOrgLevel.status).toBe(400); // the org-level "shared" is a heroku connection

    const all = await emu.infisical("GET", "/api/v1/app-connections");
    expect((pick(all.body, "appConnections") as unknown[]).length).toBe(2);
    const inProject = await emu.infisical("GET", `/api/v1/app-connections?projectId=${projectId}`);
    expect((pick(inProject.body, "appConnections") as { app: string }[]).map((r) => r.app)).toEqual(["postgres"]);
  });

  test("renaming onto a taken name is refused, onto its own name is fine", async () => {
    await create("heroku", createBody(heroku, "first"));
    const second = await create("azure-key-vault", createBody(azure, "second"));
    const id = pickString(second.body, "appConnection", "id");
    const clash = await patch("azure-key-vault", id, { name: "first" });
    expect(clash.status).toBe(400);
    expect(pick(clash.body, "message")).toBe('An App Connection with the name "first" already exists');
    expect((await patch("azure-key-vault", id, { name: "second" })).status).toBe(200);
  });
});
