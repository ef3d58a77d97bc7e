terraform {
  required_providers {
    infisical = {
      source = "vaultbridge/infisical"
    }
  }
}

# Every setting may come from the environment instead (INFISICAL_HOST, INFISICAL_UNIVERSAL_AUTH_CLIENT_ID,
# INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET, or INFISICAL_TOKEN); an empty block then works: provider "infisical" {}.
provider "infisical" {
  host = "https://app.infisical.com"
  auth = {
    universal = {
      client_id     = var.infisical_client_id
      client_secret = var.infisical_client_secret
    }
  }
}

variable "infisical_client_id" {
  type = string
}

variable "infisical_client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
