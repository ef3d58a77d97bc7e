# Every PostgreSQL connection of a project (both filters are optional).
data "infisical_app_connections" "example" {
  app        = "postgres"
  project_id = "b19acad1-7447-47f9-aea9-5e4e94deb69b"
}

output "postgres_connection_names" {
  value = [for c in data.infisical_app_connections.example.connections : c.name]
}
