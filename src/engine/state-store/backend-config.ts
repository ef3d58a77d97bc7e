/**
 * The stack's `terraform { backend … }` as settings for a state store: `local` (path), `pg` (conn_str or
 * PG_CONN_STR, schema_name, skip_*), `http` (address, lock_address, unlock_address, methods, username, password).
 * Anything else is refused before any API call, advising terraform. Workspaces come from TF_WORKSPACE.
 */
import { z } from "zod";
import type { HttpSettings } from "./http-store";
import type { PgSettings } from "./pg-store";

export type Backend =
  | { readonly kind: "local"; readonly path?: string }
  | { readonly kind: "pg"; readonly settings: Omit<PgSettings, "workspace" | "connStr"> & { readonly connStr?: string } }
  | { readonly kind: "http"; readonly settings: HttpSettings };

const pg = z.looseObject({
  conn_str: z.string().optional(),
  schema_name: z.string().min(1).optional(),
  skip_schema_creation: z.boolean().optional(),
  skip_table_creation: z.boolean().optional(),
  skip_index_creation: z.boolean().optional(),
});
const http = z.looseObject({
  address: z.string().url(),
  update_method: z.string().optional(),
  lock_address: z.string().url().optional(),
  unlock_address: z.string().url().optional(),
  lock_method: z.string().optional(),
  unlock_method: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
});
const local = z.looseObject({ path: z.string().optional(), workspace_dir: z.string().optional() });

/** The backend a stack names, or a reason it cannot be used (never quoting a password). */
export function parseBackend(kind: string, settings: unknown): Backend | { readonly error: string } {
  const fail = (schema: string, issues: z.core.$ZodIssue[]): { error: string } => ({
    error: `the ${schema} backend's settings are invalid: ${issues.map((i) => `${i.path.join(".") || "(block)"}: ${i.message}`).join("; ")}`,
  });
  if (kind === "local") {
    const r = local.safeParse(settings ?? {});
    return r.success ? { kind: "local", path: r.data.path } : fail("local", r.error.issues);
  }
  if (kind === "pg") {
    const r = pg.safeParse(settings ?? {});
    if (!r.success) return fail("pg", r.error.issues);
    return {
      kind: "pg",
      settings: { connStr: r.data.conn_str, schemaName: r.data.schema_name, skipSchemaCreation: r.data.skip_schema_creation, skipTableCreation: r.data.skip_table_creation, skipIndexCreation: r.data.skip_index_creation },
    };
  }
  if (kind === "http") {
    const r = http.safeParse(settings ?? {});
    if (!r.success) return fail("http", r.error.issues);
    const d = r.data;
    return {
      kind: "http",
      settings: { address: d.address, updateMethod: d.update_method, lockAddress: d.lock_address, unlockAddress: d.unlock_address, lockMethod: d.lock_method, unlockMethod: d.unlock_method, username: d.username, password: d.password },
    };
  }
  return { error: `the "${kind}" backend is not supported by the engine (local, pg and http are)` };
}
