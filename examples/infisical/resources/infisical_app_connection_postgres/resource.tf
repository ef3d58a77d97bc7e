# The password is write-only: sent to Infisical, stored nowhere (not in state, not in a plan). It comes from an
# ephemeral variable (TF_VAR_orders_db_password); bump credentials_wo_version to send a new one.
variable "orders_db_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "infisical_app_connection_postgres" "example" {
  name        = "orders-db"
  description = "Orders database, read by the secret syncs"
  credentials = {
    host        = "db.internal"
    port        = 5432
    database    = "orders"
    username    = "infisical"
    password_wo = var.orders_db_password
    ssl_enabled = true
  }
  credentials_wo_version = 1
}
