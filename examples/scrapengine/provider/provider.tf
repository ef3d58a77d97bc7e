terraform {
  required_providers {
    scrapengine = {
      source = "vaultbridge/scrapengine"
    }
  }
}

# Both settings may come from the environment instead (SCRAPENGINE_BASE_URL, SCRAPENGINE_API_KEY); an empty block
# then works: provider "scrapengine" {}.
provider "scrapengine" {
  base_url = "https://api.scrapengine.io/api/v1"
  api_key  = var.scrapengine_api_key
}

variable "scrapengine_api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}
