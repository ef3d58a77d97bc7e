/**
 * Reattach sockets (TF_REATTACH_PROVIDERS): a provider served in a process terraform did not start, plaintext
 * on a unix socket. Only node:net, node:fs and node:os here, and gRPC types: `vaultbridge terraform` listens
 * with this module before it loads anything else (see listenForReattach).
 */
import { mkdtempSync, rmdirSync, unlinkSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningGrpcServer } from "./grpc-server";

/** One TF_REATTACH_PROVIDERS entry. */
export interface ReattachEntry {
  readonly Protocol: "grpc";
  readonly ProtocolVersion: 6;
  readonly Pid: number;
  readonly Test: true;
  readonly Addr: { readonly Network: "unix"; readonly String: string };
}

export interface ReattachServer {
  readonly source: string;
  readonly entry: ReattachEntry;
  close(): Promise<void>;
}

/** A reattach socket that listens before its provider is loaded (see listenForReattach). */
export interface PendingReattach {
  readonly source: string;
  readonly entry: ReattachEntry;
  /** Serves the provider on this socket; connections made before now are answered from here on. */
  attach(grpc: RunningGrpcServer): ReattachServer;
  /** Stops listening (the attached server's close does it too). */
  close(): Promise<void>;
}

/**
 * Listens on a reattach socket at once, with only node:net loaded, and holds the connections that come before
 * `attach` hands them to the gRPC server. `vaultbridge terraform` starts terraform on these sockets first and
 * loads the providers while terraform starts (their 17 ms of module loading then overlap its own start-up).
 * The sockets read as they would, so what a caller sent early waits in them; node:http2 takes it from there.
 */
export async function listenForReattach(source: string): Promise<PendingReattach> {
  const dir = mkdtempSync(join(tmpdir(), "plugin"));
  const socket = join(dir, "vaultbridge.sock");
  const early: Socket[] = [];
  let deliver = (connection: Socket): void => void early.push(connection);
  const listener = createServer((connection) => deliver(connection));
  await new Promise<void>((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(socket, resolve);
  });
  const stopListening = async (): Promise<void> => {
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    removeSocketDir(dir, socket);
  };
  const entry: ReattachEntry = { Protocol: "grpc", ProtocolVersion: 6, Pid: process.pid, Test: true, Addr: { Network: "unix", String: socket } };
  return {
    source,
    entry,
    attach: (grpc) => {
      deliver = (connection) => void grpc.server.emit("connection", connection);
      for (const connection of early.splice(0)) deliver(connection);
      return { source, entry, close: async () => void (await Promise.all([grpc.close(), stopListening()])) };
    },
    close: stopListening,
  };
}

/**
 * The socket and its folder, which hold nothing else. Not a recursive rmSync: that walks the folder through
 * rimraf, 2.5 ms on the way out of every launch (profiled), after Shutdown was answered.
 */
export function removeSocketDir(dir: string, socket: string): void {
  for (const remove of [() => unlinkSync(socket), () => rmdirSync(dir)]) {
    try {
      remove();
    } catch {
      // Already gone.
    }
  }
}

/** The TF_REATTACH_PROVIDERS value for a set of servers. */
export function reattachValue(servers: readonly ReattachServer[]): string {
  return JSON.stringify(Object.fromEntries(servers.map((s) => [s.source, s.entry])));
}
