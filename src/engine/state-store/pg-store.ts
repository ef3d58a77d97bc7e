/**
 * Terraform's PostgreSQL backend (hashicorp/terraform internal/backend/remote-state/pg), spoken exactly: schema
 * `terraform_remote_state` (or `schema_name`), table `states (id bigint, name text unique, data text)` with ids from
 * `public.global_states_id_seq`, one row per workspace (`default`, or TF_WORKSPACE). The lock is a session advisory
 * lock on the row's id — with the creation lock `-1` while the row does not exist yet — held on a connection of its
 * own for the whole operation, so terraform and the engine on two machines serialise on one lock.
 */
import type { Client } from "pg";
import type { Diagnostics } from "../../framework/diagnostics";
import { emptyState, type StateDocument, stateDocument, STATE_TERRAFORM_VERSION } from "../state-file";
import { type HeldLock, nextSerial, retryUntil, type StateStore } from "./state-store";

export interface PgSettings {
  readonly connStr: string;
  readonly schemaName?: string;
  readonly workspace: string;
  readonly skipSchemaCreation?: boolean;
  readonly skipTableCreation?: boolean;
  readonly skipIndexCreation?: boolean;
}

export async function openPgStore(settings: PgSettings): Promise<StateStore> {
  const { Client } = await import("pg");
  const schema = quoteIdent(settings.schemaName ?? "terraform_remote_state");
  const connect = async (): Promise<Client> => {
    const c = new Client({ connectionString: settings.connStr });
    try {
      await c.connect();
    } catch (err) {
      throw new Error(`the pg backend could not connect to ${redactConnStr(settings.connStr)}: ${redactMessage(err, settings.connStr)}`);
    }
    return c;
  };
  const db = await connect();
  // The same preparation terraform's backend does, so either may be first on an empty database.
  if (!settings.skipSchemaCreation) {
    const { rows } = await db.query<{ count: string }>("select count(1) from information_schema.schemata where schema_name = $1", [settings.schemaName ?? "terraform_remote_state"]);
    if (Number(rows[0]?.count ?? 0) < 1) await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  }
  if (!settings.skipTableCreation) {
    await db.query("CREATE SEQUENCE IF NOT EXISTS public.global_states_id_seq AS bigint");
    await db.query(`CREATE TABLE IF NOT EXISTS ${schema}.states (id bigint NOT NULL DEFAULT nextval('public.global_states_id_seq') PRIMARY KEY, name text UNIQUE, data text)`);
  }
  if (!settings.skipIndexCreation) await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS states_by_name ON ${schema}.states (name)`);

  const name = settings.workspace;
  const where = `pg backend (schema ${settings.schemaName ?? "terraform_remote_state"}, workspace "${name}", ${redactConnStr(settings.connStr)})`;
  return {
    description: where,
    keepsIntentsInState: true,
    async read() {
      const { rows } = await db.query<{ data: string | null }>(`SELECT data FROM ${schema}.states WHERE name = $1`, [name]);
      const text = rows[0]?.data;
      if (!text) return emptyState();
      const parsed = stateDocument.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`the state in the ${where} is not a Terraform state: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      return parsed.data;
    },
    async write(state: StateDocument) {
      const next = nextSerial(state, STATE_TERRAFORM_VERSION);
      await db.query(`INSERT INTO ${schema}.states (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = $2 WHERE states.name = $1`, [name, `${JSON.stringify(next, null, 2)}\n`]);
      return next;
    },
    async lock(operation: string, timeoutMs: number, diags: Diagnostics): Promise<HeldLock | null> {
      // Advisory locks belong to a session: the lock gets a connection of its own, closed on release.
      const session = await connect();
      const result = await retryUntil<string>(timeoutMs, async () => {
        const { rows } = await session.query<{ id: string; locked: boolean; creating: boolean }>(
          `SELECT states.id::text AS id, pg_try_advisory_lock(states.id) AS locked, pg_try_advisory_lock(-1) AS creating FROM ${schema}.states WHERE states.name = $1`,
          [name],
        );
        const row = rows[0];
        if (!row) {
          const { rows: created } = await session.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(-1) AS locked");
          return created[0]?.locked ? { ok: "-1" } : { refused: `Already locked for workspace creation: ${name}` };
        }
        if (!row.locked) {
          if (row.creating) await session.query("SELECT pg_advisory_unlock(-1)");
          return { refused: `Workspace is already locked: ${name}` };
        }
        if (!row.creating) {
          await session.query(`SELECT pg_advisory_unlock(${Number(row.id)})`);
          return { refused: `Cannot lock workspace; already locked for workspace creation: ${name}` };
        }
        await session.query("SELECT pg_advisory_unlock(-1)");
        return { ok: row.id };
      });
      if ("refused" in result) {
        await session.end().catch(() => undefined);
        diags.error("State Locked", `${result.refused} — the ${where} is locked by another run (terraform or vaultbridge) for "${operation}"${timeoutMs > 0 ? `; waited ${Math.round(timeoutMs / 1000)}s` : ""}. Try again when it finishes, or pass -lock-timeout to wait.`);
        return null;
      }
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await session.query(`SELECT pg_advisory_unlock(${Number(result.ok)})`).catch(() => undefined);
          await session.end().catch(() => undefined);
        },
      };
    },
    close: () => db.end(),
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`; key=value strings lose their password too. */
export function redactConnStr(connStr: string): string {
  return connStr.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@").replace(/(password\s*=\s*)(\S+)/gi, "$1***");
}

function redactMessage(err: unknown, connStr: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const password = /\/\/[^:/@]+:([^@]*)@/.exec(connStr)?.[1] ?? /password\s*=\s*(\S+)/i.exec(connStr)?.[1];
  return password ? message.split(password).join("***") : message;
}
