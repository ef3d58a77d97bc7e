/**
 * One generic definition for every Infisical App Connection, filled in per app by a short declaration
 * (its methods, its credential fields, which optional features the API supports). Schema, plan-time rules,
 * request bodies, refresh and drift all come from here; an app's file names no attribute twice.
 */
import type { AppConnection, CreateConnectionBody, UpdateConnectionBody } from "../../api/infisical";
import {
  APP_DISPLAY_NAMES,
  type AppSlug,
  DESCRIPTION_MAX,
  NAME_MAX,
  PROJECT_ID_FORMAT,
  PROJECT_ID_PATTERN,
  PROJECT_ID_RULE,
  SLUG_PATTERN,
} from "../../api/infisical-constants";
import { NotFoundError } from "../../client/errors";
import type { InfisicalClient } from "../../client/infisical-client";
import { fromApi, toApi } from "../../framework/api-mapping";
import type { Diagnostics } from "../../framework/diagnostics";
import { AttributePath } from "../../framework/path";
import { diffPaths } from "../../framework/plan";
import { requiresReplace, useStateForUnknown, useStateUnlessChanged } from "../../framework/planmodifiers";
import type { ResourceContext, ResourceDefinition } from "../../framework/resource";
import { type Attributes, bool, defaultOf, nested, number, string } from "../../framework/schema";
import { intBetween, isUuid, lengthBetween, matches, oneOf, trimmedByServer } from "../../framework/validators";
import { UUID_PATTERN } from "../../framework/validators/is-uuid";
import { type ObjectValue, type Value, attr, fillUnknowns, isObject, isUnknown, withAttributes } from "../../framework/value";
import { twinPairs, withWriteOnlyTwins, writeOnlyVersion } from "../../framework/write-only";
import { createdAt, id, updatedAt } from "../common-attributes";
import { createWithRecovery } from "../create-with-recovery";
import { connectionDataSource } from "./connection-data-sources";
import { connectionMessages as msg } from "./messages";

export interface MethodSpec {
  readonly description: string;
  /** Credential attributes this method requires. */
  readonly required: readonly string[];
  /** Credential attributes this method accepts but does not require. */
  readonly optional?: readonly string[];
  /** Required only to create (e.g. a one-time OAuth code); an imported connection is managed without them. */
  readonly requiredToCreate?: readonly string[];
}

export interface AppConnectionSpec {
  readonly app: AppSlug;
  readonly typeName: string;
  readonly description: string;
  readonly methods: Readonly<Record<string, MethodSpec>>;
  /** When set, `method` is optional with this default; otherwise it is required. */
  readonly defaultMethod?: string;
  /**
   * Every credential field of every method. Sensitive ones are secrets the API never returns: state keeps them
   * as configured. The others come back from the API and are checked for drift.
   */
  readonly credentials: Attributes;
  readonly supports: {
    readonly gateway: boolean;
    readonly platformManagedCredentials: boolean;
    /** Methods that support credential rotation (empty: no rotation). */
    readonly rotationMethods: readonly string[];
  };
  /**
   * True when the server owns or refreshes the stored secret by itself (OAuth tokens, rotation, platform
   * management): a new credentials_hash is then recorded silently instead of re-sending our secret.
   */
  readonly serverOwnsSecret: (state: ObjectValue) => boolean;
  /** Extra rules that need prior state, after the generic ones. */
  readonly modifyPlan?: ResourceDefinition<InfisicalClient>["modifyPlan"];
  /** Which credential changes are sent; default: all of them whenever any changed. */
  readonly sendsCredentials?: (prior: ObjectValue, planned: ObjectValue) => boolean;
}

const ROTATION_FIELDS = ["rotation_status", "last_rotation_message", "next_rotation_at"] as const;

export function defineAppConnection(spec: AppConnectionSpec): ResourceDefinition<InfisicalClient> {
  const display = APP_DISPLAY_NAMES[spec.app];
  const methodNames = Object.keys(spec.methods);
  const rotationSupported = spec.supports.rotationMethods.length > 0;
  const notSupported = `Not supported for ${display} Connections`;
  // Every secret credential F has a write-only twin F_wo: the same API field, never in state.
  const credentialAttrs = withWriteOnlyTwins(spec.credentials);
  const twins = twinPairs(credentialAttrs);
  const twinOf = new Map(twins);

  const attributes: Attributes = {
    id: id(`${display} Connection`),
    name: string({
      required: true,
      description: `The name of the ${display} Connection: a lowercase slug (letters, digits, hyphens), 1–${NAME_MAX} characters, unique in its scope.`,
      validators: [lengthBetween(1, NAME_MAX), matches(SLUG_PATTERN, "must be a lowercase slug: lowercase letters, digits and single hyphens between them (e.g. \"prod-db\")")],
    }),
    description: string({
      optional: true,
      description: `A description of the ${display} Connection, at most ${DESCRIPTION_MAX} characters.`,
      // The server trims it: surrounding whitespace would show as a change on every plan.
      validators: [lengthBetween(0, DESCRIPTION_MAX), trimmedByServer()],
    }),
    project_id: string({
      optional: true,
      description: "The project the connection belongs to; unset for an organization-level connection. Changing it forces a new connection.",
      validators: [matches(PROJECT_ID_PATTERN, PROJECT_ID_RULE)],
      planModifiers: [requiresReplace()],
    }),
    method: string({
      ...(spec.defaultMethod ? { optional: true, default: spec.defaultMethod } : { required: true }),
      description: `How Infisical authenticates with ${display}: ${methodNames.map((m) => `\`${m}\``).join(", ")}${spec.defaultMethod ? ` (default \`${spec.defaultMethod}\`)` : ""}. The API cannot change it: changing it forces a new connection.`,
      validators: [oneOf(methodNames)],
      planModifiers: [requiresReplace()],
    }),
    credentials: nested({
      required: true,
      description: `The credentials used to connect with ${display}; which fields apply depends on \`method\`. Each secret has a write-only form (\`*_wo\`) that is sent but never stored.`,
      attributes: credentialAttrs,
    }),
    credentials_wo_version: writeOnlyVersion("credentials (the `*_wo` fields)"),
    gateway_id: string({
      optional: true,
      description: spec.supports.gateway ? "The ID of the Gateway used to reach the service." : `${notSupported}.`,
      validators: spec.supports.gateway ? [isUuid({ lowercase: true })] : [],
    }),
    is_platform_managed_credentials: bool({
      optional: true,
      default: false,
      description: spec.supports.platformManagedCredentials
        ? "Whether Infisical takes over the credentials (it changes the password to one it keeps). Once enabled this cannot be reversed."
        : `${notSupported}.`,
    }),
    is_auto_rotation_enabled: bool({
      optional: true,
      default: false,
      description: rotationSupported
        ? `Whether Infisical rotates the credentials automatically (methods: ${spec.supports.rotationMethods.join(", ")}); needs \`rotation\`.`
        : `${notSupported}.`,
    }),
    rotation: nested({
      optional: true,
      description: rotationSupported ? "When the credentials are rotated." : `${notSupported}.`,
      attributes: {
        rotation_interval: number({ required: true, description: "Days between rotations, 1–365.", validators: [intBetween(1, 365, "days")] }),
        rotate_at_utc: nested({
          required: true,
          description: "Time of day (UTC) at which rotation happens.",
          attributes: {
            hours: number({ required: true, description: "Hour, 0–23.", validators: [intBetween(0, 23)] }),
            minutes: number({ required: true, description: "Minute, 0–59.", validators: [intBetween(0, 59)] }),
          },
        }),
      },
    }),
    org_id: string({ computed: true, description: "The organization the connection belongs to.", planModifiers: [useStateForUnknown()] }),
    credentials_hash: string({
      computed: true,
      description: "Fingerprint of the stored credentials; changes whenever the stored secret is replaced.",
      planModifiers: [useStateUnlessChanged("credentials", "credentials_wo_version", "is_platform_managed_credentials")],
    }),
    ...(rotationSupported
      ? {
          rotation_status: string({ computed: true, description: "Outcome of the last rotation: `success` or `failed`.", planModifiers: [useStateUnlessChanged("rotation", "is_auto_rotation_enabled")] }),
          last_rotation_message: string({ computed: true, description: "Message of the last rotation.", planModifiers: [useStateUnlessChanged("rotation", "is_auto_rotation_enabled")] }),
          next_rotation_at: string({ computed: true, description: "When the next rotation is due (ISO 8601).", planModifiers: [useStateUnlessChanged("rotation", "is_auto_rotation_enabled")] }),
        }
      : {}),
    created_at: createdAt(),
    updated_at: updatedAt(),
  };

  const isSecret = (name: string): boolean => credentialAttrs[name]?.sensitive === true;
  /** Every credential field a method takes, write-only twins included. */
  const methodFields = (method: string): Set<string> => {
    const m = spec.methods[method];
    const names = [...(m?.required ?? []), ...(m?.optional ?? []), ...(m?.requiredToCreate ?? [])];
    return new Set(names.flatMap((n) => (twinOf.has(n) ? [n, twinOf.get(n) as string] : [n])));
  };
  /** A secret the method needs whenever credentials are sent, given as F or as F_wo. */
  const isNeededSecret = (method: string, field: string): boolean => twinOf.has(field) && (spec.methods[method]?.required.includes(field) ?? false);
  const secretGiven = (creds: ObjectValue, field: string): boolean => (creds[field] ?? null) !== null || (creds[twinOf.get(field) ?? ""] ?? null) !== null;

  /** Credentials as the API wants them: the fields of the planned method only. */
  const credentialsBody = (state: ObjectValue): Record<string, unknown> => {
    const method = attr(state, "method") as string;
    const creds = attr(state, "credentials");
    if (!isObject(creds)) return {};
    return toApi(credentialAttrs, creds, (n) => methodFields(method).has(n));
  };

  /** State from an API object; secrets (never returned) come from `prior`. */
  const stateFromApi = (c: AppConnection, prior: ObjectValue | null): ObjectValue => {
    const enabled = c.isAutoRotationEnabled === true;
    const rotation = c.rotation
      ? { rotation_interval: c.rotation.rotationInterval, rotate_at_utc: { hours: c.rotation.rotateAtUtc.hours, minutes: c.rotation.rotateAtUtc.minutes } }
      : enabled
        ? null
        : // A disabled schedule is deleted by the server; the configured one is kept for when it is re-enabled.
          (attr(prior, "rotation") as Value);
    const state: Record<string, Value> = {
      id: c.id,
      name: c.name,
      description: c.description ?? null,
      project_id: c.projectId ?? null,
      method: c.method,
      credentials: fromApi(credentialAttrs, c.credentials, attr(prior, "credentials"), isSecret),
      // Ours alone: the API has no such field.
      credentials_wo_version: attr(prior, "credentials_wo_version"),
      gateway_id: c.gatewayId ?? null,
      is_platform_managed_credentials: c.isPlatformManagedCredentials === true,
      is_auto_rotation_enabled: enabled,
      rotation: isUnknown(rotation) ? null : rotation,
      org_id: c.orgId,
      credentials_hash: c.credentialsHash ?? null,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    };
    if (rotationSupported) {
      state.rotation_status = c.rotation?.rotationStatus ?? null;
      state.last_rotation_message = c.rotation?.lastRotationMessage ?? null;
      state.next_rotation_at = c.rotation?.nextRotationAt ?? null;
    }
    return normalizeCredentials(state);
  };

  /** The server stores "" as absent: read both as null so an empty optional field never shows as drift. */
  const normalizeCredentials = (state: Record<string, Value>): ObjectValue => {
    const creds = state.credentials;
    if (!isObject(creds)) return state;
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(creds)) out[k] = v === "" ? null : v;
    return { ...state, credentials: out };
  };

  const validateConfig = (config: ObjectValue, diags: Diagnostics): void => {
    // Fields the API documents as unsupported for this app: refused before any call.
    if (!spec.supports.platformManagedCredentials && attr(config, "is_platform_managed_credentials") === true) {
      diags.error(msg.unsupportedSummary, msg.unsupported("is_platform_managed_credentials", display, "remove it or set it to false"), AttributePath.root("is_platform_managed_credentials"));
    }
    if (!spec.supports.gateway && attr(config, "gateway_id") !== null && !isUnknown(attr(config, "gateway_id"))) {
      diags.error(msg.unsupportedSummary, msg.unsupported("gateway_id", display, "remove it"), AttributePath.root("gateway_id"));
    }
    if (!rotationSupported) {
      if (attr(config, "is_auto_rotation_enabled") === true) {
        diags.error(msg.unsupportedSummary, msg.unsupported("is_auto_rotation_enabled", display, "remove it or set it to false"), AttributePath.root("is_auto_rotation_enabled"));
      }
      if (attr(config, "rotation") !== null && !isUnknown(attr(config, "rotation"))) {
        diags.error(msg.unsupportedSummary, msg.unsupported("rotation", display, "remove it"), AttributePath.root("rotation"));
      }
    }

    const methodValue = attr(config, "method");
    const method = methodValue === null ? spec.defaultMethod ?? null : methodValue;
    if (typeof method !== "string" || !(method in spec.methods)) return; // unknown, or already reported by oneOf

    if (rotationSupported) {
      const rotation = attr(config, "rotation");
      if (attr(config, "is_auto_rotation_enabled") === true && rotation === null) {
        diags.error("Missing Rotation Schedule", msg.rotationRequired, AttributePath.root("is_auto_rotation_enabled"));
      }
      if (rotation !== null && !isUnknown(rotation) && !spec.supports.rotationMethods.includes(method)) {
        diags.error("Rotation Not Supported For Method", msg.rotationMethod(method, spec.supports.rotationMethods), AttributePath.root("rotation"));
      }
    }

    const creds = attr(config, "credentials");
    if (!isObject(creds)) return;
    const m = spec.methods[method];
    const allowed = methodFields(method);
    for (const [field, twin] of twins) {
      if ((creds[field] ?? null) !== null && (creds[twin] ?? null) !== null) {
        diags.error("Conflicting Credentials", msg.secretTwice(field, twin), AttributePath.of("credentials", twin));
      }
    }
    for (const field of Object.keys(credentialAttrs)) {
      const v = creds[field] ?? null;
      const at = AttributePath.of("credentials", field);
      // A secret may be absent from an object already in state: whether it is needed is decided at plan.
      if (v === null && m.required.includes(field) && !isNeededSecret(method, field)) {
        diags.error("Missing Credential", msg.credentialRequired(field, method, [...allowed]), at);
      } else if (v !== null && !isUnknown(v) && !allowed.has(field) && (credentialAttrs[field] === undefined || defaultOf(credentialAttrs[field]) === undefined)) {
        diags.error("Credential Not Used By Method", msg.credentialForeign(field, method, [...allowed]), at);
      }
    }
  };

  const modifyPlan: ResourceDefinition<InfisicalClient>["modifyPlan"] = (req, resp, diags) => {
    const method = attr(resp.planned, "method");
    const creds = attr(req.config, "credentials");
    if (typeof method === "string" && isObject(creds)) {
      const creating = req.prior === null;
      for (const field of creating ? spec.methods[method]?.requiredToCreate ?? [] : []) {
        if (!secretGiven(creds, field)) {
          diags.error("Missing Credential", msg.credentialRequiredToCreate(field, method, twinOf.get(field)), AttributePath.of("credentials", field));
        }
      }
      // A needed secret must be at hand whenever the credentials object is sent (the API takes it whole).
      if (creating || (req.prior !== null && sendsCredentials(req.prior, resp.planned, req.changed))) {
        for (const field of spec.methods[method]?.required ?? []) {
          if (isNeededSecret(method, field) && !secretGiven(creds, field)) {
            diags.error("Missing Credential", msg.secretRequired(field, twinOf.get(field) as string, method, creating), AttributePath.of("credentials", field));
          }
        }
      }
    }
    spec.modifyPlan?.(req, resp, diags);
  };

  /** Credentials are sent when one changed or the write-only version moved, unless the app's rule says no. */
  const sendsCredentials = (prior: ObjectValue, planned: ObjectValue, changed: readonly AttributePath[]): boolean => {
    const watched = [AttributePath.root("credentials"), AttributePath.root("credentials_wo_version")];
    if (!changed.some((p) => watched.some((w) => p.isWithin(w)))) return false;
    return spec.sendsCredentials ? spec.sendsCredentials(prior, planned) : true;
  };

  /** Only what changed; the whole credentials object when any credential changed. */
  const updateBody = (prior: ObjectValue, planned: ObjectValue): UpdateConnectionBody => {
    const changed = diffPaths(attributes, prior, planned);
    const did = (name: string): boolean => changed.some((p) => p.isWithin(AttributePath.root(name)));
    const body: UpdateConnectionBody = {};
    if (did("name")) body.name = planned.name as string;
    if (did("description")) body.description = (planned.description as string | null) ?? null;
    if (did("gateway_id")) body.gatewayId = (planned.gateway_id as string | null) ?? null;
    const switchingOn = prior.is_platform_managed_credentials !== true && planned.is_platform_managed_credentials === true;
    if (switchingOn) {
      // The server needs credentials with the switch; the flag is sent only when switching it on.
      body.isPlatformManagedCredentials = true;
      body.credentials = credentialsBody(planned);
    } else if (sendsCredentials(prior, planned, changed)) {
      body.credentials = credentialsBody(planned);
    }
    const enabled = planned.is_auto_rotation_enabled === true;
    if (did("is_auto_rotation_enabled") || (enabled && did("rotation"))) {
      body.isAutoRotationEnabled = enabled;
      const rotation = planned.rotation;
      if (enabled && isObject(rotation)) body.rotation = toApi(attributes.rotation.kind === "nested" ? attributes.rotation.attributes : {}, rotation) as CreateConnectionBody["rotation"];
    }
    return body;
  };

  const createBody = (planned: ObjectValue): CreateConnectionBody => {
    const body: CreateConnectionBody = {
      name: planned.name as string,
      method: planned.method as string,
      credentials: credentialsBody(planned),
    };
    if (planned.description !== null) body.description = planned.description as string;
    if (planned.project_id !== null) body.projectId = planned.project_id as string;
    if (planned.gateway_id !== null) body.gatewayId = planned.gateway_id as string;
    if (planned.is_platform_managed_credentials === true) body.isPlatformManagedCredentials = true;
    if (planned.is_auto_rotation_enabled === true && isObject(planned.rotation)) {
      body.isAutoRotationEnabled = true;
      body.rotation = toApi(attributes.rotation.kind === "nested" ? attributes.rotation.attributes : {}, planned.rotation) as CreateConnectionBody["rotation"];
    }
    return body;
  };

  /** After a create whose answer was lost: asked for by name, never from a list that may predate that create. */
  const findByName = async (ctx: ResourceContext<InfisicalClient>, name: string, projectId: string | null): Promise<AppConnection | null> => {
    try {
      return await ctx.client.getConnectionByName(spec.app, name, projectId ?? undefined, ctx.signal);
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
  };

  const importIdOf = (planned: ObjectValue): string | null => {
    if (typeof planned.name !== "string") return null;
    return typeof planned.project_id === "string" ? `${planned.project_id}/${planned.name}` : planned.name;
  };

  const definition: ResourceDefinition<InfisicalClient> = {
    typeName: spec.typeName,
    description: spec.description,
    attributes,
    validateConfig,
    modifyPlan,
    dataSource: connectionDataSource(spec.app, spec.typeName, attributes, (c) => stateFromApi(c, null)),
    adoption: {
      async list(ctx, filter) {
        const all = await ctx.client.allConnections(ctx.signal);
        return all.filter((c) => c.app === spec.app && (filter.projectId === undefined || c.projectId === filter.projectId)).map((c) => stateFromApi(c, null));
      },
      // The secrets sent with the credentials, as their write-only twins; a create-only OAuth code is not one.
      secrets: (state) => {
        const method = typeof state.method === "string" ? state.method : spec.defaultMethod ?? "";
        return (spec.methods[method]?.required ?? []).filter((f) => twinOf.has(f)).map((f) => AttributePath.of("credentials", twinOf.get(f) as string));
      },
    },

    async create(ctx, planned) {
      const body = createBody(planned);
      const conn = await createWithRecovery({
        what: `${display} Connection "${body.name}"`,
        importId: importIdOf(planned) ?? undefined,
        typeName: spec.typeName,
        log: ctx.log,
        signal: ctx.signal,
        create: () => ctx.client.createConnection(spec.app, body, ctx.signal),
        findByName: () => findByName(ctx, body.name, body.projectId ?? null),
      });
      return fillUnknowns(planned, stateFromApi(conn, planned)) as ObjectValue;
    },

    async read(ctx, prior, diags) {
      const conn = await ctx.client.readConnection(spec.app, prior.id as string, ctx.signal);
      if (conn === null) return null;
      const state = stateFromApi(conn, prior);
      const hashMoved = prior.credentials_hash !== null && state.credentials_hash !== prior.credentials_hash;
      if (!hashMoved || spec.serverOwnsSecret(state)) return state;
      const creds = attr(state, "credentials");
      if (!isObject(creds)) return state;
      if (!twins.some(([field]) => creds[field] !== null)) {
        // Write-only (or never imported) secrets cannot be re-sent from state: say how to re-send them.
        diags.warning("Credentials Changed Outside Terraform", msg.credentialsDriftWriteOnly(display), AttributePath.root("credentials_wo_version"));
        return state;
      }
      // The stored secret was replaced outside: forget ours so the plan re-sends the configured one.
      diags.warning("Credentials Changed Outside Terraform", msg.credentialsDrift(display), AttributePath.root("credentials"));
      const cleared: Record<string, Value> = { ...creds };
      for (const name of Object.keys(credentialAttrs)) if (isSecret(name)) cleared[name] = null;
      return withAttributes(state, { credentials: cleared });
    },

    async update(ctx, prior, planned) {
      const body = updateBody(prior, planned);
      const conn =
        Object.keys(body).length === 0
          ? await ctx.client.getConnection(spec.app, prior.id as string, ctx.signal)
          : await ctx.client.updateConnection(spec.app, prior.id as string, body, ctx.signal);
      return fillUnknowns(planned, stateFromApi(conn, planned)) as ObjectValue;
    },

    async delete(ctx, prior) {
      await ctx.client.deleteConnection(spec.app, prior.id as string, ctx.signal);
    },

    importIds: [
      { format: "<uuid>", example: "3c90c3cc-0d44-4b50-8888-8dd25736052a", finds: `the ${display} connection with that ID` },
      { format: "<name>", example: "orders-db", finds: `the organization-level ${display} connection of that name` },
      { format: "<project_id>/<name>", example: "b19acad1-7447-47f9-aea9-5e4e94deb69b/orders-db", finds: `the ${display} connection of that name in that project` },
    ],

    importIdOf,

    async importState(ctx, importId, diags) {
      const parsed = parseImportId(importId);
      if (parsed.kind === "invalid") {
        diags.error("Invalid Import ID", msg.importIdInvalid(display, importId, parsed.reason));
        return null;
      }
      let conn: AppConnection | null;
      try {
        conn = parsed.kind === "id"
          ? await ctx.client.getConnection(spec.app, parsed.id, ctx.signal)
          : await ctx.client.findConnectionByName(spec.app, parsed.name, parsed.projectId ?? undefined, ctx.signal);
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
        conn = null;
      }
      if (conn === null) {
        diags.error("Cannot Import Non-Existent Remote Object", msg.importNotFound(display, importId));
        return null;
      }
      // Secrets are not importable: they stay null, and the next plan re-sends them from configuration.
      return stateFromApi(conn, null);
    },
  };
  return definition;
}

type ImportId =
  | { kind: "id"; id: string }
  | { kind: "name"; name: string; projectId: string | null }
  | { kind: "invalid"; reason: string };

/**
 * `<uuid>`, `<name>` (organization scope) or `<project_id>/<name>`. What can name no connection (blank, a name
 * that is not a slug, a project id of the wrong form) is refused here, before any call.
 */
export function parseImportId(raw: string): ImportId {
  const s = raw.trim();
  if (s === "") return { kind: "invalid", reason: "it is blank" };
  if (UUID_PATTERN.test(s)) return { kind: "id", id: s };
  const slash = s.lastIndexOf("/");
  const projectId = slash >= 0 ? s.slice(0, slash) : null;
  const name = s.slice(slash + 1);
  if (projectId !== null && !PROJECT_ID_PATTERN.test(projectId)) return { kind: "invalid", reason: `the part before the last "/" is not a project ID, which is ${PROJECT_ID_FORMAT}` };
  if (name.length > NAME_MAX || !SLUG_PATTERN.test(name)) return { kind: "invalid", reason: `the name part is not a connection name (a lowercase slug of 1–${NAME_MAX} characters)` };
  return { kind: "name", name, projectId };
}
