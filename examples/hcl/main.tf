# The example stack in HCL: one resource of each type, the same as examples/basic (the CDKTF app).
# Secrets are ephemeral, sensitive variables (variables.tf), set through TF_VAR_<name> for each plan and apply, and
# they go into write-only attributes (password_wo, …): sent to the APIs, stored nowhere (not in the state, not in a
# saved plan). To send a changed secret, bump credentials_wo_version / secret_id_wo_version. Where the services are and how to log
# in comes from the environment (INFISICAL_HOST, INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / _CLIENT_SECRET or
# INFISICAL_TOKEN, SCRAPENGINE_BASE_URL, SCRAPENGINE_API_KEY), so the same files run against the emulator and the
# real services.

terraform {
  required_providers {
    infisical   = { source = "vaultbridge/infisical" }
    scrapengine = { source = "vaultbridge/scrapengine" }
  }
}

# Empty blocks: everything from the environment. To set it here instead:
#   host = "https://app.infisical.com"
#   auth = { universal = { client_id = var.client_id, client_secret = var.client_secret } }  # or { token = var.token }
provider "infisical" {}

#   base_url = "https://api.scrapengine.io/api/v1"
#   api_key  = var.scrapengine_api_key
provider "scrapengine" {}

resource "infisical_app_connection_postgres" "orders" {
  name        = "orders-db"
  description = "Orders database"
  credentials = {
    host        = "db.internal"
    port        = 5432
    database    = "orders"
    username    = "infisical"
    password_wo = var.pg_password
    ssl_enabled = true
  }
  credentials_wo_version = 1
}

resource "infisical_app_connection_heroku" "web" {
  name   = "heroku-web"
  method = "auth-token"
  credentials = {
    auth_token_wo = var.heroku_auth_token
  }
  credentials_wo_version = 1
}

resource "infisical_app_connection_azure_key_vault" "keyvault" {
  name        = "azure-key-vault"
  description = "Key Vault of the orders service; client secret rotated monthly"
  method      = "client-secret"
  credentials = {
    tenant_id        = "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b"
    client_id        = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    client_secret_wo = var.azure_client_secret
  }
  credentials_wo_version   = 1
  is_auto_rotation_enabled = true
  rotation = {
    rotation_interval = 30
    rotate_at_utc     = { hours = 3, minutes = 0 }
  }
}

resource "scrapengine_vault_integration" "vault" {
  name                 = "vault-prod"
  address              = "https://vault.example.com:8200"
  role_id              = "orders-role"
  secret_id_wo         = var.vault_secret_id
  secret_id_wo_version = 1
}

output "postgres_connection_id" { value = infisical_app_connection_postgres.orders.id }
output "heroku_connection_id" { value = infisical_app_connection_heroku.web.id }
output "azure_connection_id" { value = infisical_app_connection_azure_key_vault.keyvault.id }
output "vault_integration_id" { value = scrapengine_vault_integration.vault.id }
