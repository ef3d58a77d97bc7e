/**
 * Hosting a provider the way go-plugin expects: check the magic cookie, agree on protocol 6, serve gRPC on a
 * unix socket (mutual TLS when Terraform sends its certificate), print the handshake line, ignore Ctrl-C (Terraform
 * calls StopProvider instead) and exit at once on the controller's Shutdown, or when Terraform is gone.
 *
 * Reattach mode (`--debug`, or `serveForReattach` in-process) serves without Terraform having started us:
 * plaintext, and Terraform finds it through TF_REATTACH_PROVIDERS; one process then serves every command.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPluginCertificate } from "./certificate";
import { exitWithParent } from "./exit-with-parent";
import { createGrpcServer, listen, type RunningGrpcServer, type UnaryHandler } from "./grpc-server";
import { listenForReattach, reattachValue, removeSocketDir, type ReattachServer } from "./reattach-socket";

export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
export const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
export const SHUTDOWN_METHOD = "/plugin.GRPCController/Shutdown";

export interface ServeOptions {
  /** Terraform source address, e.g. registry.terraform.io/vaultbridge/infisical. */
  readonly source: string;
  /** Executable name, for the message shown when run by hand. */
  readonly executable: string;
  readonly handlers: ReadonlyMap<string, UnaryHandler>;
  readonly argv?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly onError?: (method: string, err: unknown) => void;
}

/** Serves a provider in this process for TF_REATTACH_PROVIDERS: plaintext, Shutdown answered but ignored. */
export async function serveForReattach(o: Pick<ServeOptions, "source" | "handlers" | "onError">): Promise<ReattachServer> {
  return (await listenForReattach(o.source)).attach(reattachGrpcServer(o));
}

/** The gRPC server of a reattached provider: Shutdown is answered, and ignored (it serves every command). */
export function reattachGrpcServer(o: Pick<ServeOptions, "handlers" | "onError">): RunningGrpcServer {
  const handlers = new Map(o.handlers);
  handlers.set(SHUTDOWN_METHOD, async () => Buffer.alloc(0));
  return createGrpcServer({ handlers, onError: o.onError });
}

export async function servePlugin(o: ServeOptions): Promise<void> {
  const env = o.env ?? process.env;
  if ((o.argv ?? process.argv.slice(2)).includes("--debug")) {
    const server = await serveForReattach(o);
    process.stdout.write(
      `${o.executable} is serving. Point Terraform at it with:\n\n  export TF_REATTACH_PROVIDERS='${reattachValue([server])}'\n\nCtrl-C stops it.\n`,
    );
    process.on("SIGINT", () => void server.close().then(() => process.exit(0)));
    return;
  }
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write(
      `This binary is a plugin. These are not meant to be executed directly.\n` +
        `Terraform runs ${o.executable} itself: install it with \`vaultbridge provider install\`, or run\n` +
        `\`${o.executable} --debug\` (or \`vaultbridge provider serve\`) and export the TF_REATTACH_PROVIDERS value it prints.\n`,
    );
    process.exit(1);
  }
  const versions = (env.PLUGIN_PROTOCOL_VERSIONS ?? "6").split(",").map((v) => v.trim());
  if (!versions.includes("6")) {
    process.stderr.write(`${o.executable} speaks plugin protocol 6 only; Terraform offered ${versions.join(",")}. Use Terraform ≥ 1.0.\n`);
    process.exit(1);
  }

  const clientCertPem = env.PLUGIN_CLIENT_CERT;
  const cert = clientCertPem ? createPluginCertificate() : undefined;
  const dir = mkdtempSync(join(tmpdir(), "plugin"));
  const socket = join(dir, "vaultbridge.sock");
  const exit = (code: number): never => {
    removeSocketDir(dir, socket);
    process.exit(code);
  };

  const handlers = new Map(o.handlers);
  // Reply, then exit at once: Terraform otherwise waits 2 s per process.
  handlers.set(SHUTDOWN_METHOD, async () => Buffer.alloc(0));
  const server = createGrpcServer({
    handlers,
    tls: cert && clientCertPem ? { certPem: cert.certPem, keyPem: cert.keyPem, clientCertPem } : undefined,
    onError: o.onError,
    onAnswered: (method) => {
      if (method === SHUTDOWN_METHOD) exit(0);
    },
  });
  await listen(server, { path: socket });
  process.on("SIGTERM", () => exit(0));
  // Ctrl-C reaches the whole process group; Terraform answers it with StopProvider and waits for us.
  process.on("SIGINT", () => undefined);
  // Nobody is left to call Shutdown when terraform itself was killed: go with it.
  exitWithParent(() => exit(0));
  const certField = cert ? cert.der.toString("base64").replace(/=+$/, "") : "";
  process.stdout.write(`1|6|unix|${socket}|grpc|${certField}\n`);
}
