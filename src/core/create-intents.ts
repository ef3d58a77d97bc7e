/**
 * Creates in flight, recorded durably: a run killed between sending a create and recording its answer leaves the
 * object on the server and nothing in state. The intent written before the create lets the next run adopt that
 * object instead of failing "already exists" or making a duplicate. The engine keys intents by resource address
 * (beside its state); the tfplugin6 provider, which never learns addresses, by type, import id and the API it
 * talks to (in Terraform's data directory). One file, so the engine's `<state>.intents.json` format stays as it was.
 *
 * Never holds a secret: only the type, the import id (a name), when, and which process. Safe against concurrent
 * writers (the provider processes of one run, two runs): each change is a read-modify-write under an exclusive
 * lock file, written to a temp file and renamed into place, so a reader never sees half a file.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";

/** Built on first use: the provider's start path must not compile zod (see scripts/bundle-providers.js). */
let schemas: ReturnType<typeof buildSchemas> | undefined;
function buildSchemas() {
  const createIntent = z.object({
    /** Resource type, e.g. `infisical_app_connection_postgres`. */
    type: z.string().min(1),
    /** What `terraform import` takes to find the object (a name, or `<project_id>/<name>`). */
    importId: z.string().min(1),
    /** The engine's provider configuration key (`infisical`, `infisical.eu`). */
    providerKey: z.string().optional(),
    /** When the create was sent (ISO 8601). */
    time: z.string().optional(),
    /** The process that sent it. */
    pid: z.number().int().optional(),
  });
  // Intents by key. Entries are checked one by one, so one bad entry costs only itself.
  return { createIntent, byKey: z.record(z.string(), z.unknown()) };
}

export type CreateIntent = z.infer<ReturnType<typeof buildSchemas>["createIntent"]>;

/** The well-formed intents of a parsed `{ key: intent }` document (a file's, or the one a state carries). */
export function intentsOf(raw: unknown): Map<string, CreateIntent> {
  schemas ??= buildSchemas();
  const out = new Map<string, CreateIntent>();
  const file = schemas.byKey.safeParse(raw);
  if (!file.success) return out;
  for (const [key, value] of Object.entries(file.data)) {
    const intent = schemas.createIntent.safeParse(value);
    if (intent.success) out.set(key, intent.data);
  }
  return out;
}

/**
 * The key of a provider-side intent: what identifies the object to create, and where (`scope`, the API the
 * provider configuration talks to). Two configurations of one provider in one working directory (aliases for the
 * US and EU hosts, say) then never take each other's intents: one's intent for "web" must not let the other adopt
 * a stranger's "web" on its own host. Without a scope, the key intents had before scopes were added.
 */
export function intentKey(type: string, importId: string, scope?: string): string {
  return scope === undefined ? `${type} ${importId}` : `${type} ${importId} @ ${scope}`;
}

/** An API's base URL as an intent scope: origin and path only, so that no user:password or query reaches the file. */
export function apiScope(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return baseUrl.replace(/[?#].*$/, "");
  }
}

/** The provider's intents file in Terraform's data directory (`TF_DATA_DIR`, default `.terraform` in the cwd). */
export function providerIntentsPath(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  return join(cwd, env.TF_DATA_DIR || ".terraform", "vaultbridge", "create-intents.json");
}

const LOCK_WAIT_MS = 5_000;
/** A lock is held for one small read-modify-write; one this old was left by a killed process. */
const LOCK_STALE_MS = 10_000;

export class CreateIntents {
  constructor(readonly path: string) {}

  /** Every well-formed intent, by key; a missing or unreadable file is none. */
  all(): Map<string, CreateIntent> {
    return parse(this.path);
  }

  get(key: string): CreateIntent | undefined {
    return this.all().get(key);
  }

  /** Records (or replaces) an intent, stamped with this process and the time. */
  record(key: string, intent: Pick<CreateIntent, "type" | "importId" | "providerKey">): void {
    this.change((all) => all.set(key, { ...intent, time: new Date().toISOString(), pid: process.pid }));
  }

  /** The create's answer arrived (or its object is in state): forget the intent; the file goes with the last one. */
  settle(key: string): void {
    // The common case (no such intent) costs one read and takes no lock.
    if (!existsSync(this.path) || !this.all().has(key)) return;
    this.change((all) => all.delete(key));
  }

  private change(edit: (all: Map<string, CreateIntent>) => unknown): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    withLock(`${this.path}.lock`, () => {
      const all = parse(this.path);
      edit(all);
      if (all.size === 0) {
        rmSync(this.path, { force: true });
        return;
      }
      const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(tmp, JSON.stringify(Object.fromEntries(all), null, 2), { mode: 0o600 });
      renameSync(tmp, this.path);
    });
  }
}

function parse(path: string): Map<string, CreateIntent> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return new Map();
  }
  return parseIntents(text);
}

/**
 * The intents a file's text holds. A file the engine appends to keeps one entry per line (see
 * engine/intent-journal); one whose last append was cut short by a kill is read line by line, so only the torn
 * entry — whose create was never sent — is lost.
 */
export function parseIntents(text: string): Map<string, CreateIntent> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = salvageLines(text);
  }
  return intentsOf(raw);
}

/** The entries of a one-entry-per-line object (`"key": {…}` or `,"key": {…}`), skipping any line that does not parse. */
function salvageLines(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of text.split("\n")) {
    const entry = line.trim().replace(/^,/, "");
    if (!entry.startsWith('"')) continue;
    try {
      Object.assign(out, JSON.parse(`{${entry}}`));
    } catch {
      /* the torn line */
    }
  }
  return out;
}

/** Runs `fn` holding `lockPath` (created exclusively); takes over a lock whose holder is gone or that is stale. */
function withLock(lockPath: string, fn: () => void): void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (isStale(lockPath)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lockPath} stayed locked for ${LOCK_WAIT_MS / 1000} s`);
      sleepSync(5);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function isStale(lockPath: string): boolean {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(readFileSync(lockPath, "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written right now
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // ESRCH: its holder is gone. ENOENT: released meanwhile (the next try takes it).
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** The lock is held for a few milliseconds: a synchronous pause keeps every intent write atomic for its caller. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
