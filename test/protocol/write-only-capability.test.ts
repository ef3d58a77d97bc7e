/**
 * The tfplugin6 service and the client capability `write_only_attributes_allowed`: a client that says it cannot
 * handle write-only attributes (Terraform < 1.11, or one that sends the capability unset) gets a clear error on
 * every `*_wo` it sets — the secret would otherwise be silently dropped. Terraform 1.11 sends the capability only
 * with PlanResourceChange; 1.12+ also with ValidateResourceConfig. Driven through the service's own handlers with
 * real protobuf and msgpack encoding.
 */
import { ProviderCore } from "../../src/core/provider-core";
import { silentLogger } from "../../src/framework/resource";
import { UNKNOWN } from "../../src/framework/value";
import { encodeDynamicValue } from "../../src/protocol/cty-codec";
import { type ClientCapabilities, decodeMessage, encodeMessage } from "../../src/protocol/messages";
import { providerService } from "../../src/protocol/provider-service";
import { postgresConnection } from "../../src/resources/app-connection/postgres";
import { infisicalProvider } from "../../src/providers/infisical";

const TYPE = postgresConnection.typeName;
const service = providerService(new ProviderCore(infisicalProvider, { env: {} }), silentLogger);
const handler = (name: string) => service.get(`/tfplugin6.Provider/${name}`)!;

const config = (credentials: Record<string, unknown>) => ({
  name: "cap",
  credentials: { host: "h", database: "d", username: "u", ...credentials },
});
const dynamic = (v: Record<string, unknown>) => encodeDynamicValue(postgresConnection.attributes, v as never);

async function validate(credentials: Record<string, unknown>, caps?: ClientCapabilities): Promise<string[]> {
  const req = encodeMessage("tfplugin6.ValidateResourceConfig.Request", { type_name: TYPE, config: dynamic(config(credentials)), ...(caps ? { client_capabilities: caps } : {}) });
  const res = decodeMessage("tfplugin6.ValidateResourceConfig.Response", await handler("ValidateResourceConfig")(req, { signal: new AbortController().signal }));
  return (res.diagnostics ?? []).map((d) => `${d.summary}: ${d.detail}`);
}

async function plan(credentials: Record<string, unknown>, caps?: ClientCapabilities): Promise<string[]> {
  const cfg = dynamic(config(credentials));
  const proposed = dynamic({ ...config({ ...credentials, password_wo: null }), id: UNKNOWN });
  const req = encodeMessage("tfplugin6.PlanResourceChange.Request", {
    type_name: TYPE,
    prior_state: encodeDynamicValue(postgresConnection.attributes, null),
    proposed_new_state: proposed,
    config: cfg,
    ...(caps ? { client_capabilities: caps } : {}),
  });
  const res = decodeMessage("tfplugin6.PlanResourceChange.Response", await handler("PlanResourceChange")(req, { signal: new AbortController().signal }));
  return (res.diagnostics ?? []).map((d) => `${d.summary}: ${d.detail}`);
}

describe("ValidateResourceConfig", () => {
  test("a client that says write-only is allowed: accepted", async () => {
    expect(await validate({ password_wo: "s3cret-wo" }, { write_only_attributes_allowed: true })).toEqual([]);
  });
  test("a client that says it is not: refused, naming the attribute, the Terraform version and the stored form", async () => {
    const diags = await validate({ password_wo: "s3cret-wo" }, { deferral_allowed: true });
    expect(diags).toEqual([expect.stringMatching(/^Write-Only Attribute Not Supported By This Client: credentials\.password_wo is write-only, which needs Terraform ≥ 1\.11.*set password instead/)]);
    expect(diags.join()).not.toContain("s3cret-wo");
  });
  test("no capabilities at all (Terraform 1.11 sends none here): left to plan time", async () => {
    expect(await validate({ password_wo: "s3cret-wo" })).toEqual([]);
  });
  test("the stored form needs no capability", async () => {
    expect(await validate({ password: "p" }, { deferral_allowed: true })).toEqual([]);
  });
});

describe("PlanResourceChange", () => {
  test("Terraform 1.11 (write_only_attributes_allowed) plans it", async () => {
    expect(await plan({ password_wo: "s3cret-wo" }, { write_only_attributes_allowed: true })).toEqual([]);
  });
  test("a client without the capability is refused at plan", async () => {
    expect(await plan({ password_wo: "s3cret-wo" }, {})).toEqual([expect.stringMatching(/credentials\.password_wo is write-only/)]);
    expect(await plan({ password_wo: "s3cret-wo" })).toEqual([expect.stringMatching(/credentials\.password_wo is write-only/)]);
  });
});
