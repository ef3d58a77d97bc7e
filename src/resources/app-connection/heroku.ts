/** `infisical_app_connection_heroku`: an API auth token, or OAuth through the Infisical UI. */
import { string } from "../../framework/schema";
import { startsWith } from "../../framework/validators";
import { defineAppConnection } from "./define-app-connection";

export const herokuConnection = defineAppConnection({
  app: "heroku",
  typeName: "infisical_app_connection_heroku",
  description: "An Infisical App Connection to Heroku.",
  methods: {
    "auth-token": { description: "A Heroku API token (starts with HRKU-).", required: ["auth_token"] },
    oauth: { description: "OAuth through the Infisical UI.", required: [], requiredToCreate: ["code"] },
  },
  defaultMethod: "auth-token",
  credentials: {
    auth_token: string({ optional: true, sensitive: true, description: "Auth token: a Heroku API token, starting with `HRKU-`.", validators: [startsWith("HRKU-")] }),
    code: string({ optional: true, sensitive: true, description: "OAuth: the one-time authorization code; needed only to create." }),
  },
  supports: { gateway: false, platformManagedCredentials: false, rotationMethods: [] },
  // Heroku OAuth tokens are refreshed by the server.
  serverOwnsSecret: (s) => s.method === "oauth",
});
