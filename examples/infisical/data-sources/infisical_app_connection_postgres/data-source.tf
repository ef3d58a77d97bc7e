# By name (an organization-level connection), by name within a project, or by id.
data "infisical_app_connection_postgres" "example" {
  name = "orders-db"
}

data "infisical_app_connection_postgres" "in_project" {
  name       = "orders-db"
  project_id = "b19acad1-7447-47f9-aea9-5e4e94deb69b"
}

output "orders_db_host" {
  value = data.infisical_app_connection_postgres.example.credentials.host
}
