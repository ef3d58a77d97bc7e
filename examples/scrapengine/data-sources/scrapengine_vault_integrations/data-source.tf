data "scrapengine_vault_integrations" "example" {}

output "vault_integration_names" {
  value = [for v in data.scrapengine_vault_integrations.example.integrations : v.name]
}
