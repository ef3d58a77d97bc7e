/**
 * Terraform's HTTP backend (hashicorp/terraform internal/backend/remote-state/http), as GitLab's managed state
 * serves it: GET the state (200, or 204/404 for none), write it with `update_method` (POST) carrying `?ID=<lock id>`
 * while locked, lock with `lock_method` (LOCK) on `lock_address` — 200 taken, 423/409 held, the holder's lock info
 * in the body — and unlock with `unlock_method` (UNLOCK) on `unlock_address`. Basic auth; TLS verified.
 */
import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Diagnostics } from "../../framework/diagnostics";
import { emptyState, stateDocument, STATE_TERRAFORM_VERSION, type StateDocument } from "../state-file";
import { describeLockHolder, lockHolder } from "../state-lock";
import { type HeldLock, nextSerial, retryUntil, type StateStore } from "./state-store";

export interface HttpSettings {
  readonly address: string;
  readonly updateMethod?: string;
  readonly lockAddress?: string;
  readonly unlockAddress?: string;
  readonly lockMethod?: string;
  readonly unlockMethod?: string;
  readonly username?: string;
  readonly password?: string;
}

export async function openHttpStore(settings: HttpSettings): Promise<StateStore> {
  const { request } = await import("undici");
  const auth = settings.username !== undefined || settings.password !== undefined ? `Basic ${Buffer.from(`${settings.username ?? ""}:${settings.password ?? ""}`).toString("base64")}` : undefined;
  const where = `http backend (${redactUrl(settings.address)})`;
  let lockId: string | undefined;
  const call = async (method: string, url: string, body?: string): Promise<{ status: number; text: string }> => {
    const headers: Record<string, string> = {};
    if (auth) headers.authorization = auth;
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-md5"] = createHash("md5").update(body).digest("base64");
    }
    try {
      const res = await request(url, { method: method as "GET", headers, body, headersTimeout: 30_000, bodyTimeout: 30_000 });
      return { status: res.statusCode, text: await res.body.text() };
    } catch (err) {
      throw new Error(`the ${where} did not answer ${method}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const refuse = (what: string, status: number): Error => new Error(`the ${where} answered ${status} to ${what}${status === 401 || status === 403 ? " (check the backend's username and password)" : ""}`);
  return {
    description: where,
    keepsIntentsInState: true,
    async read() {
      const res = await call("GET", settings.address);
      if (res.status === 204 || res.status === 404 || (res.status === 200 && res.text.trim() === "")) return emptyState();
      if (res.status !== 200) throw refuse("reading the state", res.status);
      const parsed = stateDocument.safeParse(JSON.parse(res.text));
      if (!parsed.success) throw new Error(`the state in the ${where} is not a Terraform state: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      return parsed.data;
    },
    async write(state: StateDocument) {
      const next = nextSerial(state, STATE_TERRAFORM_VERSION);
      const url = new URL(settings.address);
      if (lockId) url.searchParams.set("ID", lockId);
      const res = await call(settings.updateMethod ?? "POST", url.toString(), `${JSON.stringify(next, null, 2)}\n`);
      if (res.status < 200 || res.status > 299) throw refuse("writing the state", res.status);
      return next;
    },
    async lock(operation: string, timeoutMs: number, diags: Diagnostics): Promise<HeldLock | null> {
      const lockAddress = settings.lockAddress;
      if (!lockAddress) return { release: async () => undefined }; // a backend without locking, as terraform treats it
      const info = { ID: randomUUID(), Operation: operation, Info: "", Who: `${process.env.USER ?? "unknown"}@${hostname()}`, Version: "vaultbridge", Created: new Date().toISOString(), Path: "" };
      const body = JSON.stringify(info);
      const result = await retryUntil<true>(timeoutMs, async () => {
        const res = await call(settings.lockMethod ?? "LOCK", lockAddress, body);
        if (res.status === 200) return { ok: true };
        if (res.status === 423 || res.status === 409) {
          let holder = "another run";
          try {
            const parsed = lockHolder.safeParse(JSON.parse(res.text));
            if (parsed.success) holder = describeLockHolder(parsed.data);
          } catch {
            /* a body that is not lock info: the holder stays unnamed */
          }
          return { refused: holder };
        }
        throw refuse("taking the lock", res.status);
      });
      if ("refused" in result) {
        diags.error("State Locked", `The ${where} is locked by ${result.refused}${timeoutMs > 0 ? ` (waited ${Math.round(timeoutMs / 1000)}s)` : ""}. Try again when it finishes, or pass -lock-timeout to wait.`);
        return null;
      }
      lockId = info.ID;
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          lockId = undefined;
          await call(settings.unlockMethod ?? "UNLOCK", settings.unlockAddress ?? lockAddress, body).catch(() => undefined);
        },
      };
    },
    close: async () => undefined,
  };
}

function redactUrl(address: string): string {
  try {
    const u = new URL(address);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(an invalid address)";
  }
}
