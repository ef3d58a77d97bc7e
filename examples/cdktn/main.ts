/**
 * The example stack as a CDK Terrain (cdktn 0.24) app: examples/basic's four resources, with the bindings from
 * `vaultbridge/cdktn/*` and the constructs from `cdktn` instead of `cdktf` — nothing else changes.
 *
 *   npx tsx main.ts                      synthesizes cdktf.out/stacks/cdktn/cdk.tf.json
 *   npx vaultbridge plan | apply         the embedded engine (synthesizes first, through cdktf.json)
 *   npx cdktn deploy --skip-provider-lock   cdktn-cli with terraform (see README.md for the flag)
 *
 * Secrets are ephemeral, sensitive Terraform variables feeding write-only attributes (`password_wo`, …): cdk.tf.json
 * holds `${var.…}` references, the values come from TF_VAR_<name> (or `--var name=value`) for each plan and apply,
 * and they are sent to the APIs and stored nowhere — not in the state, not in a saved plan. To send a changed secret,
 * bump `credentialsWoVersion` / `secretIdWoVersion` (Terraform keeps no copy to compare). Where to find the services and how to log
 * in is left to the environment (INFISICAL_HOST, INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / _CLIENT_SECRET or
 * INFISICAL_TOKEN, SCRAPENGINE_BASE_URL, SCRAPENGINE_API_KEY), so the same stack runs against the local emulator
 * and against the real services.
 */
import { App, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktn";
import type { Construct } from "constructs";
import { AppConnectionAzureKeyVault, AppConnectionHeroku, AppConnectionPostgres, InfisicalProvider } from "vaultbridge/cdktn/infisical";
import { ScrapengineProvider, VaultIntegration } from "vaultbridge/cdktn/scrapengine";

export class TerrainStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // State next to cdk.tf.json (the CDK's default would be an absolute path of the machine that synthesized).
    new LocalBackend(this, { path: "terraform.tfstate" });

    // Host and credentials come from the environment; see the README for setting them here instead.
    new InfisicalProvider(this, "infisical", {});
    new ScrapengineProvider(this, "scrapengine", {});

    // Ephemeral (Terraform ≥ 1.10): the value lives for one run. Set as an override, as examples/basic does.
    const secret = (name: string, description: string): string => {
      const variable = new TerraformVariable(this, name, { type: "string", sensitive: true, nullable: false, description });
      variable.addOverride("ephemeral", true);
      return variable.stringValue;
    };

    const pgPassword = secret("pg_password", "Password of the PostgreSQL user Infisical connects as");
    const herokuAuthToken = secret("heroku_auth_token", "Heroku API token (HRKU-…)");
    const azureClientSecret = secret("azure_client_secret", "Client secret of the Azure app registration (1–50 characters)");
    const vaultSecretId = secret("vault_secret_id", "AppRole secret ID ScrapEngine logs in to Vault with");

    const postgres = new AppConnectionPostgres(this, "orders", {
      name: "orders-db",
      description: "Orders database",
      credentials: {
        host: "db.internal",
        port: 5432,
        database: "orders",
        username: "infisical",
        passwordWo: pgPassword,
        sslEnabled: true,
      },
      credentialsWoVersion: 1,
    });

    const heroku = new AppConnectionHeroku(this, "web", {
      name: "heroku-web",
      method: "auth-token",
      credentials: { authTokenWo: herokuAuthToken },
      credentialsWoVersion: 1,
    });

    const azure = new AppConnectionAzureKeyVault(this, "keyvault", {
      name: "azure-key-vault",
      description: "Key Vault of the orders service; client secret rotated monthly",
      method: "client-secret",
      credentials: {
        tenantId: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b",
        clientId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        clientSecretWo: azureClientSecret,
      },
      credentialsWoVersion: 1,
      isAutoRotationEnabled: true,
      rotation: { rotationInterval: 30, rotateAtUtc: { hours: 3, minutes: 0 } },
    });

    const vault = new VaultIntegration(this, "vault", {
      name: "vault-prod",
      address: "https://vault.example.com:8200",
      roleId: "orders-role",
      secretIdWo: vaultSecretId,
      secretIdWoVersion: 1,
    });

    new TerraformOutput(this, "postgres_connection_id", { value: postgres.id });
    new TerraformOutput(this, "heroku_connection_id", { value: heroku.id });
    new TerraformOutput(this, "azure_connection_id", { value: azure.id });
    new TerraformOutput(this, "vault_integration_id", { value: vault.id });
  }
}

// cdktn checks every feature against the Terraform and OpenTofu versions the project says it targets (by default
// terraform >=1.5.7, opentofu >=1.6.0) and refuses write-only attributes below 1.11. cdktn-cli passes cdktf.json's
// "targetVersions"; the context here says the same for any other runner (node, tsx, vaultbridge plan).
const app = new App({ context: { targetVersions: { terraform: ">=1.11.0", opentofu: ">=1.11.0" } } });
new TerrainStack(app, "cdktn");
app.synth();
