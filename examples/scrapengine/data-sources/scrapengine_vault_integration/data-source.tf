# By name or by id.
data "scrapengine_vault_integration" "example" {
  name = "vault-prod"
}

output "vault_address" {
  value = data.scrapengine_vault_integration.example.address
}
