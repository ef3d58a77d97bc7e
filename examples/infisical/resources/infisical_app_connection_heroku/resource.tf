# The API token (HRKU-…) is write-only: sent to Infisical, stored nowhere. It comes from an ephemeral variable
# (TF_VAR_heroku_auth_token); bump credentials_wo_version to send a new one.
variable "heroku_auth_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "infisical_app_connection_heroku" "example" {
  name   = "heroku-web"
  method = "auth-token"
  credentials = {
    auth_token_wo = var.heroku_auth_token
  }
  credentials_wo_version = 1
}
