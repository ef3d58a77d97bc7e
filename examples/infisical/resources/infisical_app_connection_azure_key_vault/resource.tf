# A client-secret connection whose secret Infisical rotates every 30 days at 03:00 UTC. The client secret is
# write-only: sent to Infisical, stored nowhere; bump credentials_wo_version to send a new one. (OAuth connections
# are made in Infisical's UI and imported: see Import.)
variable "azure_client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "infisical_app_connection_azure_key_vault" "example" {
  name        = "azure-key-vault"
  description = "Key Vault of the orders service"
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
