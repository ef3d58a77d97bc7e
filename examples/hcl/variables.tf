# Secrets: set each with TF_VAR_<name> (or -var-file with a file kept out of git). Terraform shows them as
# (sensitive value) in plans; they are stored in the state, so keep the state private.

variable "pg_password" {
  description = "Password of the PostgreSQL user Infisical connects as"
  type        = string
  sensitive   = true
  nullable    = false
}

variable "heroku_auth_token" {
  description = "Heroku API token (HRKU-…)"
  type        = string
  sensitive   = true
  nullable    = false
}

variable "azure_client_secret" {
  description = "Client secret of the Azure app registration (1–50 characters)"
  type        = string
  sensitive   = true
  nullable    = false
}

variable "vault_secret_id" {
  description = "AppRole secret ID ScrapEngine logs in to Vault with"
  type        = string
  sensitive   = true
  nullable    = false
}
