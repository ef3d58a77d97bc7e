/**
 * `vaultbridge demo`: the example stack (one resource of each type) taken through the provider core against a
 * freshly started emulator — plan, apply, a second plan with no changes, drift found and corrected, destroy.
 * It stands in for the main job until the Terraform provider and the engine land.
 */
import { randomBytes } from "node:crypto";
import { InfisicalClient } from "../client/infisical-client";
import { ProviderCore, type PlanResult } from "../core/provider-core";
import { startEmulator } from "../emulator";
import { formatDiagnostic, type Diagnostics } from "../framework/diagnostics";
import type { ObjectValue } from "../framework/value";
import { infisicalProvider } from "../providers/infisical";
import { scrapengineProvider } from "../providers/scrapengine";

interface Instance {
  readonly address: string;
  readonly type: string;
  readonly core: ProviderCore<unknown>;
  readonly config: ObjectValue;
  state: ObjectValue | null;
}

const SYMBOL: Record<string, string> = { create: "+", update: "~", replace: "-/+", delete: "-", noop: " " };

export async function runDemo(keep: boolean): Promise<number> {
  const out = (line = ""): boolean => process.stdout.write(`${line}\n`);
  const emulator = await startEmulator({ port: 0 });
  out(`emulator listening at ${emulator.url}`);
  const infisical: ProviderCore<unknown> = new ProviderCore(infisicalProvider, { env: {} });
  const scrapengine: ProviderCore<unknown> = new ProviderCore(scrapengineProvider, { env: {} });
  try {
    // Configured once per walk, as Terraform does: the bulk-refresh snapshot never outlives a walk.
    const configure = (): void => {
      check(infisical.configure({ host: emulator.url, auth: { universal: { client_id: emulator.infisical.clientId, client_secret: emulator.infisical.clientSecret } } }));
      check(scrapengine.configure({ base_url: emulator.scrapengine.baseUrl, api_key: emulator.scrapengine.apiKey }));
    };
    configure();

    // Secrets come from the environment when set, otherwise random values; they are never printed.
    const secret = (name: string, prefix = ""): string => process.env[name] ?? `${prefix}${randomBytes(12).toString("hex")}`;
    const stack: Instance[] = [
      instance(infisical, "infisical_app_connection_postgres", "main", {
        name: "orders-db",
        description: "Orders database",
        project_id: emulator.projectId,
        credentials: { host: "db.internal", database: "orders", username: "infisical", password: secret("PG_PASSWORD") },
      }),
      instance(infisical, "infisical_app_connection_heroku", "main", {
        name: "heroku-web",
        credentials: { auth_token: secret("HEROKU_AUTH_TOKEN", "HRKU-") },
      }),
      instance(infisical, "infisical_app_connection_azure_key_vault", "main", {
        name: "azure-vault",
        method: "client-secret",
        credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", client_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", client_secret: secret("AZURE_CLIENT_SECRET").slice(0, 40) },
        is_auto_rotation_enabled: true,
        rotation: { rotation_interval: 30, rotate_at_utc: { hours: 3, minutes: 0 } },
      }),
      instance(scrapengine, "scrapengine_vault_integration", "main", {
        name: "vault-prod",
        address: "https://vault.example.com:8200",
        role_id: "orders-role",
        secret_id: secret("VAULT_SECRET_ID"),
      }),
    ];

    out("\n== plan");
    await planAndApply(stack, out);
    out("\n== plan again (expect no changes)");
    configure();
    const again = await planAll(stack, out);
    out(again === 0 ? "No changes. Your infrastructure matches the configuration." : `${again} change(s) planned: unexpected`);

    out("\n== someone edits the Postgres connection's description in the UI");
    const ui = new InfisicalClient({ host: emulator.url, auth: { kind: "universal", ...emulator.infisical } });
    await ui.updateConnection("postgres", String(stack[0].state?.id), { description: "edited by hand" });
    await ui.close();
    configure();
    await planAndApply(stack, out);

    if (keep) {
      out(`\nThe stack is applied; the emulator keeps running at ${emulator.url}. Ctrl-C to stop.`);
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
    }
    out("\n== destroy");
    for (const i of [...stack].reverse()) {
      const r = await i.core.applyResourceChange(i.type, i.state, null);
      check(r.diagnostics);
      out(`${i.address}: Destruction complete`);
    }
    out("\nDone: created, re-planned with no changes, corrected drift, destroyed.");
    return again === 0 ? 0 : 1;
  } catch (err) {
    process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await Promise.all([infisical.close(), scrapengine.close()]);
    await emulator.close();
  }
}

function instance(core: ProviderCore<unknown>, type: string, name: string, config: ObjectValue): Instance {
  check(core.validateResourceConfig(type, config));
  return { address: `${type}.${name}`, type, core, config, state: null };
}

/** Refresh and plan every instance; prints the plan lines and returns how many change. */
async function planAll(stack: Instance[], out: (l?: string) => void): Promise<number> {
  let changes = 0;
  for (const i of stack) {
    const plan = await refreshAndPlan(i, out);
    if (plan.action !== "noop") {
      changes++;
      out(describe(i, plan));
    }
  }
  return changes;
}

async function planAndApply(stack: Instance[], out: (l?: string) => void): Promise<void> {
  for (const i of stack) {
    const plan = await refreshAndPlan(i, out);
    if (plan.action === "noop") continue;
    out(describe(i, plan));
    const started = Date.now();
    if (plan.action === "replace") {
      check((await i.core.applyResourceChange(i.type, i.state, null)).diagnostics);
      i.state = null;
    }
    const planned = plan.action === "replace" ? i.core.planResourceChange(i.type, null, i.config).planned : plan.planned;
    const r = await i.core.applyResourceChange(i.type, i.state, planned);
    check(r.diagnostics);
    i.state = r.state;
    out(`  ${i.address}: ${plan.action === "create" ? "Creation" : "Modifications"} complete after ${Date.now() - started} ms [id=${String(i.state?.id)}]`);
  }
}

async function refreshAndPlan(i: Instance, out: (l?: string) => void): Promise<PlanResult> {
  if (i.state) {
    const r = await i.core.readResource(i.type, i.state);
    check(r.diagnostics, out);
    i.state = r.state;
  }
  const plan = i.core.planResourceChange(i.type, i.state, i.config);
  check(plan.diagnostics, out);
  return plan;
}

function describe(i: Instance, plan: PlanResult): string {
  const what = plan.changed.length && plan.action !== "create" ? ` (${plan.changed.map(String).join(", ")})` : "";
  return `${SYMBOL[plan.action]} ${i.address} will be ${plan.action === "create" ? "created" : plan.action === "replace" ? "replaced" : "updated in-place"}${what}`;
}

function check(d: Diagnostics, out?: (l?: string) => void): void {
  for (const x of d) if (x.severity === "warning") (out ?? console.log)(`  ${formatDiagnostic(x)}`);
  if (d.hasError()) throw new Error(d.errors.map(formatDiagnostic).join("\n"));
}
