data "infisical_app_connection_heroku" "example" {
  name = "heroku-web"
}

output "heroku_method" {
  value = data.infisical_app_connection_heroku.example.method
}
