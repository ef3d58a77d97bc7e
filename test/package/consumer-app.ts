/**
 * The app a user writes beside the packed package: every provider, resource and data source class of both entries,
 * for one CDK (`cdktf` with `vaultbridge/<provider>`, or `cdktn` with `vaultbridge/cdktn/<provider>`). Written into
 * the consumer folder by test/package/packed-install.test.ts, type-checked there and synthesized.
 */

/** Every construct class the app uses; the test checks this is every class the entries export. */
export const CLASSES = {
  infisical: [
    "AppConnectionAzureKeyVault",
    "AppConnectionHeroku",
    "AppConnectionPostgres",
    "DataInfisicalAppConnectionAzureKeyVault",
    "DataInfisicalAppConnectionHeroku",
    "DataInfisicalAppConnectionPostgres",
    "DataInfisicalAppConnections",
    "InfisicalProvider",
  ],
  scrapengine: ["DataScrapengineVaultIntegration", "DataScrapengineVaultIntegrations", "ScrapengineProvider", "VaultIntegration"],
} as const;

/**
 * The app's source. The data sources look up objects made beforehand through the APIs (ids in $EXISTING); the
 * secrets are one ephemeral variable (TF_VAR_secret) feeding write-only twins; BAD=1 adds an invalid connection
 * inside a nested construct, which must fail the synth with its construct path.
 */
export function consumerApp(cdk: "cdktf" | "cdktn"): string {
  const entry = cdk === "cdktf" ? "vaultbridge" : "vaultbridge/cdktn";
  // cdktn checks features against the Terraform versions a project targets; write-only attributes need 1.11.
  const appConfig = cdk === "cdktn" ? `{ context: { targetVersions: { terraform: ">=1.11.0", opentofu: ">=1.11.0" } } }` : "{}";
  return `import { App, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "${cdk}";
import { Construct } from "constructs";
import {
  AppConnectionAzureKeyVault,
  AppConnectionHeroku,
  AppConnectionPostgres,
  type AppConnectionPostgresConfig,
  DataInfisicalAppConnectionAzureKeyVault,
  DataInfisicalAppConnectionHeroku,
  DataInfisicalAppConnectionPostgres,
  DataInfisicalAppConnections,
  InfisicalProvider,
} from "${entry}/infisical";
import { DataScrapengineVaultIntegration, DataScrapengineVaultIntegrations, ScrapengineProvider, VaultIntegration } from "${entry}/scrapengine";

const existing = JSON.parse(process.env.EXISTING ?? "{}") as { pg?: string };

class ConsumerStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: "terraform.tfstate" });
    new InfisicalProvider(this, "infisical", {});
    new ScrapengineProvider(this, "scrapengine", {});

    const secret = new TerraformVariable(this, "secret", { type: "string", sensitive: true, nullable: false });
    secret.addOverride("ephemeral", true);

    const pgConfig: AppConnectionPostgresConfig = {
      name: "consumer-pg",
      credentials: { host: "db.internal", port: 5432, database: "app", username: "u", passwordWo: secret.stringValue },
      credentialsWoVersion: 1,
    };
    const pg = new AppConnectionPostgres(this, "pg", pgConfig);
    new AppConnectionHeroku(this, "heroku", { name: "consumer-heroku", credentials: { authTokenWo: secret.stringValue }, credentialsWoVersion: 1 });
    new AppConnectionAzureKeyVault(this, "azure", {
      name: "consumer-azure",
      method: "client-secret",
      credentials: { tenantId: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", clientId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", clientSecretWo: secret.stringValue },
      credentialsWoVersion: 1,
    });
    const vault = new VaultIntegration(this, "vault", { name: "consumer-vault", address: "https://vault.example.com:8200", roleId: "r", secretIdWo: secret.stringValue, secretIdWoVersion: 1 });

    const foundPg = new DataInfisicalAppConnectionPostgres(this, "found_pg", { id: existing.pg });
    const foundHeroku = new DataInfisicalAppConnectionHeroku(this, "found_heroku", { name: "ui-heroku" });
    const foundAzure = new DataInfisicalAppConnectionAzureKeyVault(this, "found_azure", { name: "ui-keyvault" });
    new DataInfisicalAppConnections(this, "all_heroku", { app: "heroku" });
    const foundVault = new DataScrapengineVaultIntegration(this, "found_vault", { name: "ui-vault" });
    new DataScrapengineVaultIntegrations(this, "vaults", {});

    new TerraformOutput(this, "pg_id", { value: pg.id });
    new TerraformOutput(this, "vault_id", { value: vault.id });
    new TerraformOutput(this, "found_pg_port", { value: foundPg.credentials.port });
    new TerraformOutput(this, "found_heroku_method", { value: foundHeroku.method });
    new TerraformOutput(this, "found_azure_tenant", { value: foundAzure.credentials.tenantId });
    new TerraformOutput(this, "found_vault_namespace", { value: foundVault.namespace });

    if (process.env.BAD === "1") {
      new AppConnectionHeroku(new Construct(this, "group"), "bad", { name: "Bad_Name", credentials: { authToken: "HRKU-x" } });
    }
  }
}

const app = new App(${appConfig});
new ConsumerStack(app, "consumer");
app.synth();
`;
}
