# The AppRole secret_id is write-only: sent to ScrapEngine, stored nowhere. It comes from an ephemeral variable
# (TF_VAR_vault_secret_id); bump secret_id_wo_version to send a new one (updated in place).
variable "vault_secret_id" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "scrapengine_vault_integration" "example" {
  name                 = "vault-prod"
  address              = "https://vault.example.com:8200"
  namespace            = "team-a"
  role_id              = "orders-role"
  secret_id_wo         = var.vault_secret_id
  secret_id_wo_version = 1
}
