/**
 * The local backend: `terraform.tfstate` beside the stack (or the backend's `path`; another workspace's under
 * `terraform.tfstate.d/<workspace>/`, as terraform keeps them), written atomically, the previous file kept once per
 * run as `.backup`, and locked with a lock file beside it.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Diagnostics } from "../../framework/diagnostics";
import { readStateFile, type StateDocument, writeStateFile } from "../state-file";
import { lockForCommand } from "../state-lock";
import type { HeldLock, StateStore } from "./state-store";

export function localStore(path: string): StateStore {
  let backedUp = false;
  return {
    description: path,
    keepsIntentsInState: false,
    read: async () => readStateFile(path),
    async write(state: StateDocument) {
      mkdirSync(dirname(path), { recursive: true });
      const written = writeStateFile(path, state, !backedUp);
      backedUp = true;
      return written;
    },
    async lock(operation: string, timeoutMs: number, diags: Diagnostics): Promise<HeldLock | null> {
      mkdirSync(dirname(path), { recursive: true });
      const lock = await lockForCommand(path, operation, diags, timeoutMs);
      return lock ? { release: async () => lock.release() } : null;
    },
    close: async () => undefined,
  };
}
