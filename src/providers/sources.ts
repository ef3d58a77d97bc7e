/** The providers' Terraform source addresses, apart from their definitions so that naming them loads nothing. */
export const INFISICAL_SOURCE = "registry.terraform.io/vaultbridge/infisical";
export const SCRAPENGINE_SOURCE = "registry.terraform.io/vaultbridge/scrapengine";
