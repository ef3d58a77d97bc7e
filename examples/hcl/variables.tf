# Secrets: set each with TF_VAR_<name> (or -var-file with a file kept out of git), for every plan and apply. They are
# ephemeral (Terraform ≥ 1.10) and feed write-only attributes (Terraform ≥ 1.11): nothing keeps them — not the
# state, not a saved plan, so `terraform apply tfplan` needs them set again.

variable "pg_password" {
  description = "Password of the PostgreSQL user Infisical connects as"
  type        = string
  sensitive   = true
  ephemeral   = true
  nullable    = false
}

variable "heroku_auth_token" {
  description = "Heroku API token (HRKU-…)"
  type        = string
  sensitive   = true
  ephemeral   = true
  nullable    = false
}

variable "azure_client_secret" {
  description = "Client secret of the Azure app registration (1–50 characters)"
  type        = string
  sensitive   = true
  ephemeral   = true
  nullable    = false
}

variable "vault_secret_id" {
  description = "AppRole secret ID ScrapEngine logs in to Vault with"
  type        = string
  sensitive   = true
  ephemeral   = true
  nullable    = false
}
