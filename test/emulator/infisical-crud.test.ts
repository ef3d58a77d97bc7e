/**
 * Contract: the App Connections lifecycle for every app and method, driven over HTTP: create, get, get by name,
 * list (per app and across apps), update, delete, with the response object exactly as notes/infisical-api.md
 * describes it (redacted credentials, version 1, credentialsHash) and accepted by the client's wire schema.
 */
import { appConnectionEnvelope, appConnectionList } from "../../src/api/infisical";
import { TestEmulator } from "../support/emulator";
import { CONNECTION_CASES, createBody, ISO_PATTERN, UUID_PATTERN } from "../support/fixtures";
import { pick, pickString } from "../support/http";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());

describe.each(CONNECTION_CASES)("$label", (c) => {
  const base = `/api/v1/app-connections/${c.app}`;
  const name = `crud-${c.app}-${c.method}`;
  const secret = String(c.credentials[c.secretField]);

  test("create, get, get by name, list, update, delete", async () => {
    const created = await emu.infisical("POST", base, createBody(c, name, { description: "first version" }));
    expect(created.status).toBe(200);
    const id = pickString(created.body, "appConnection", "id");
    const createdAt = pickString(created.body, "appConnection", "createdAt");
    expect(created.body).toEqual({
      appConnection: {
        id: expect.stringMatching(UUID_PATTERN),
        name,
        orgId: emu.emulator.orgId,
        createdAt: expect.stringMatching(ISO_PATTERN),
        updatedAt: createdAt,
        app: c.app,
        method: c.method,
        credentials: c.returned,
        description: "first version",
        version: 1,
        isPlatformManagedCredentials: false,
        gatewayId: null,
        projectId: null,
        isAutoRotationEnabled: false,
        rotation: null,
        credentialsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(() => appConnectionEnvelope.parse(created.body)).not.toThrow();
    expect(created.text).not.toContain(secret);

    const got = await emu.infisical("GET", `${base}/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);

    const byName = await emu.infisical("GET", `${base}/connection-name/${name}`);
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual(created.body);

    const row = { ...(pick(created.body, "appConnection") as object), project: null };
    const listed = await emu.infisical("GET", base);
    expect(listed.status).toBe(200);
    expect(() => appConnectionList.parse(listed.body)).not.toThrow();
    expect(pick(listed.body, "appConnections")).toContainEqual(row);
    const all = await emu.infisical("GET", "/api/v1/app-connections");
    expect(pick(all.body, "appConnections")).toContainEqual(row);
    expect(all.text).not.toContain(secret);

    const updated = await emu.infisical("PATCH", `${base}/${id}`, { name: `${name}-renamed`, description: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({
      appConnection: {
        ...(pick(created.body, "appConnection") as object),
        name: `${name}-renamed`,
        description: null,
        updatedAt: expect.stringMatching(ISO_PATTERN),
      },
    });
    expect(Date.parse(pickString(updated.body, "appConnection", "updatedAt"))).toBeGreaterThan(Date.parse(createdAt));

    const deleted = await emu.infisical("DELETE", `${base}/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual(updated.body);
    const gone = await emu.infisical("GET", `${base}/${id}`);
    expect(gone.status).toBe(404);
    expect(pick(gone.body, "message")).toBe(`Could not find App Connection with ID ${id}`);
  });

  test("create in the project: projectId and, in lists, the project", async () => {
    const projectName = `${name}-in-project`;
    const created = await emu.infisical(
      "POST",
      base,
      createBody(c, projectName, { projectId: emu.emulator.projectId }),
    );
    expect(created.status).toBe(200);
    expect(pick(created.body, "appConnection", "projectId")).toBe(emu.emulator.projectId);
    expect(pick(created.body, "appConnection", "project")).toBeUndefined();

    const listed = await emu.infisical("GET", `${base}?projectId=${emu.emulator.projectId}`);
    const rows = pick(listed.body, "appConnections") as unknown[];
    expect(rows).toContainEqual(
      expect.objectContaining({
        name: projectName,
        project: {
          name: "Emulator Project",
          id: emu.emulator.projectId,
          type: "secret-manager",
          slug: "emulator-project",
        },
      }),
    );
    const byName = await emu.infisical(
      "GET",
      `${base}/connection-name/${projectName}?projectId=${emu.emulator.projectId}`,
    );
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual(created.body);
  });
});

test("lists are sorted by name, every row of every app, no pagination", async () => {
  const local = await TestEmulator.start();
  try {
    const names = ["b-2", "a-10", "a-1", "c"];
    for (const [i, name] of names.entries()) {
      const c = CONNECTION_CASES[i];
      expect((await local.infisical("POST", `/api/v1/app-connections/${c.app}`, createBody(c, name))).status).toBe(200);
    }
    const all = await local.infisical("GET", "/api/v1/app-connections");
    expect((pick(all.body, "appConnections") as { name: string }[]).map((r) => r.name)).toEqual([
      "a-1",
      "a-10",
      "b-2",
      "c",
    ]);
    const azure = await local.infisical("GET", "/api/v1/app-connections/azure-key-vault");
    expect((pick(azure.body, "appConnections") as { name: string }[]).map((r) => r.name)).toEqual([
      "a-1",
      "a-10",
      "b-2",
    ]);
  } finally {
    await local.close();
  }
});
