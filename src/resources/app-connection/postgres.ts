/** `infisical_app_connection_postgres`: username and password; gateways and platform-managed credentials. */
import { AttributePath } from "../../framework/path";
import { bool, number, string } from "../../framework/schema";
import { intBetween, lengthBetween, notEmptyWhenSet, trimmedByServer } from "../../framework/validators";
import { defineAppConnection } from "./define-app-connection";
import { connectionMessages as msg } from "./messages";

export const postgresConnection = defineAppConnection({
  app: "postgres",
  typeName: "infisical_app_connection_postgres",
  description: "An Infisical App Connection to a PostgreSQL database. Infisical checks the credentials by connecting when they are written.",
  methods: {
    "username-and-password": {
      description: "A database user and password.",
      required: ["host", "database", "username", "password"],
      optional: ["port", "ssl_enabled", "ssl_reject_unauthorized", "ssl_certificate"],
    },
  },
  defaultMethod: "username-and-password",
  credentials: {
    // The server trims host, database and username, and stores an empty ssl_certificate as absent.
    host: string({ required: true, description: "Host name or address of the server.", validators: [lengthBetween(1, 255), trimmedByServer()] }),
    port: number({ optional: true, default: 5432, description: "Port of the server (default 5432).", validators: [intBetween(1, 65535)] }),
    database: string({ required: true, description: "Database name.", validators: [lengthBetween(1, 255), trimmedByServer()] }),
    username: string({ required: true, description: "User name.", validators: [lengthBetween(1, 255), trimmedByServer()] }),
    password: string({ required: true, sensitive: true, description: "Password of the user.", validators: [lengthBetween(1, 1024)] }),
    ssl_enabled: bool({ optional: true, default: true, description: "Whether to connect with TLS (default true)." }),
    ssl_reject_unauthorized: bool({ optional: true, default: true, description: "Whether to reject a server certificate that does not verify (default true)." }),
    ssl_certificate: string({ optional: true, description: "CA certificate (PEM) to verify the server with.", validators: [notEmptyWhenSet(), trimmedByServer()] }),
  },
  supports: { gateway: true, platformManagedCredentials: true, rotationMethods: [] },
  serverOwnsSecret: (s) => s.is_platform_managed_credentials === true,
  // Once managed, the password belongs to the server: a changed password is recorded, never sent.
  sendsCredentials: (prior) => prior.is_platform_managed_credentials !== true,
  modifyPlan(req, resp, diags) {
    if (req.prior?.is_platform_managed_credentials !== true) return;
    if (resp.planned.is_platform_managed_credentials === false) {
      diags.error("Cannot Reverse Platform-Managed Credentials", msg.platformManagedIrreversible, AttributePath.root("is_platform_managed_credentials"));
    }
    const credentials = AttributePath.root("credentials");
    const version = AttributePath.root("credentials_wo_version");
    for (const path of req.changed) {
      if (path.equals(version)) diags.warning("Password Change Ignored", msg.platformManagedPasswordIgnored, path);
      if (!path.isWithin(credentials)) continue;
      const field = path.steps[1]?.kind === "attribute" ? path.steps[1].name : "";
      if (field === "password") diags.warning("Password Change Ignored", msg.platformManagedPasswordIgnored, path);
      else diags.error("Cannot Change Platform-Managed Credentials", msg.platformManagedCredentialChange(field), path);
    }
  },
});
