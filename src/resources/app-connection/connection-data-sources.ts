/**
 * The app-connection data sources: one per app (`infisical_app_connection_<app>`, by `id`, or by `name` with an
 * optional `project_id`) derived from that app's resource declaration, and `infisical_app_connections`, the list.
 * Every read answers from the one list call refresh shares, so N look-ups cost one call.
 */
import type { AppConnection } from "../../api/infisical";
import { APP_DISPLAY_NAMES, APP_SLUGS, type AppSlug, PROJECT_ID_PATTERN, PROJECT_ID_RULE } from "../../api/infisical-constants";
import type { InfisicalClient } from "../../client/infisical-client";
import { type DataSourceDefinition, dataSourceAttributes } from "../../framework/data-source";
import { AttributePath } from "../../framework/path";
import { type Attributes, listNested, string } from "../../framework/schema";
import { matches, oneOf } from "../../framework/validators";
import { type ObjectValue, type Value, isObject } from "../../framework/value";

/** One connection's data source, from the resource's attributes and its API-to-state mapping. */
export function connectionDataSource(
  app: AppSlug,
  typeName: string,
  resourceAttributes: Attributes,
  stateFromApi: (c: AppConnection) => ObjectValue,
): DataSourceDefinition<InfisicalClient> {
  const display = APP_DISPLAY_NAMES[app];
  const attributes = dataSourceAttributes(resourceAttributes, ["id", "name", "project_id"]);
  return {
    typeName,
    description: `Reads an existing ${display} Connection (made in Infisical's UI, by another stack, or by hand): by \`id\`, or by \`name\` with \`project_id\` for a project-level one. Secrets are never returned.`,
    attributes,
    validateConfig(config, diags) {
      if (config.id === null && config.name === null) {
        diags.error("Missing Look-Up Key", `Set id, or name (with project_id for a project-level connection), to say which ${display} Connection to read.`, AttributePath.root("name"));
      }
      if (config.id !== null && config.name !== null) {
        diags.error("Conflicting Look-Up Keys", "Set id or name, not both.", AttributePath.root("name"));
      }
    },
    async read(ctx, config, diags) {
      const all = await ctx.client.allConnections(ctx.signal);
      const found = all.find((c) =>
        c.app === app && (typeof config.id === "string" ? c.id === config.id : c.name === config.name && (c.projectId ?? null) === (config.project_id ?? null)),
      );
      if (!found) {
        diags.error(`${display} Connection Not Found`, notFound(display, config));
        return null;
      }
      return pick(attributes, stateFromApi(found));
    },
  };
}

const LIST_ELEMENT: Attributes = {
  id: string({ computed: true, description: "The connection's ID." }),
  name: string({ computed: true, description: "The connection's name." }),
  app: string({ computed: true, description: `The app it connects with: ${APP_SLUGS.map((a) => `\`${a}\``).join(", ")}.` }),
  method: string({ computed: true, description: "How Infisical authenticates with the app." }),
  project_id: string({ computed: true, description: "The project it belongs to; null for an organization-level connection." }),
  description: string({ computed: true, description: "Its description." }),
  org_id: string({ computed: true, description: "The organization it belongs to." }),
  credentials_hash: string({ computed: true, description: "Fingerprint of its stored credentials." }),
  created_at: string({ computed: true, description: "When it was created (ISO 8601)." }),
  updated_at: string({ computed: true, description: "When it was last updated (ISO 8601)." }),
};

/** `infisical_app_connections`: every connection the credentials see, optionally of one app or one project. */
export const appConnectionsDataSource: DataSourceDefinition<InfisicalClient> = {
  typeName: "infisical_app_connections",
  description: "Lists the App Connections of the organization (every project included), optionally of one app or one project. Secrets are never returned.",
  attributes: {
    app: string({ optional: true, description: `Only connections of this app: ${APP_SLUGS.map((a) => `\`${a}\``).join(", ")}.`, validators: [oneOf(APP_SLUGS)] }),
    project_id: string({ optional: true, description: "Only connections of this project.", validators: [matches(PROJECT_ID_PATTERN, PROJECT_ID_RULE)] }),
    connections: listNested({ computed: true, description: "The connections, sorted by name.", attributes: LIST_ELEMENT }),
  },
  async read(ctx, config) {
    const all = await ctx.client.allConnections(ctx.signal);
    const rows = all
      .filter((c) => (config.app === null || c.app === config.app) && (config.project_id === null || c.projectId === config.project_id))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map((c): ObjectValue => ({
        id: c.id,
        name: c.name,
        app: c.app,
        method: c.method,
        project_id: c.projectId ?? null,
        description: c.description ?? null,
        org_id: c.orgId,
        credentials_hash: c.credentialsHash ?? null,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      }));
    return { app: config.app, project_id: config.project_id, connections: rows };
  },
};

/** `value` reduced to `attributes` (nested objects too): a resource state read as a data source's. */
export function pick(attributes: Attributes, value: ObjectValue): ObjectValue {
  const out: Record<string, Value> = {};
  for (const [name, a] of Object.entries(attributes)) {
    const v = value[name] ?? null;
    out[name] = a.kind === "nested" && isObject(v) ? pick(a.attributes, v) : v;
  }
  return out;
}

function notFound(display: string, config: ObjectValue): string {
  if (typeof config.id === "string") return `No ${display} Connection has the ID ${config.id} (or it belongs to another app).`;
  const scope = typeof config.project_id === "string" ? `in project ${config.project_id}` : "at organization level (set project_id for a project-level connection)";
  return `No ${display} Connection is named "${String(config.name)}" ${scope}.`;
}
