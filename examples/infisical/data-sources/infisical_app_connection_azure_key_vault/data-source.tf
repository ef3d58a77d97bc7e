# Connections made in Infisical's UI (OAuth) can be read where they are used, without managing them.
data "infisical_app_connection_azure_key_vault" "example" {
  id = "41238556-39a3-4e27-9443-9d71f7f9847d"
}

output "key_vault_tenant" {
  value = data.infisical_app_connection_azure_key_vault.example.credentials.tenant_id
}
