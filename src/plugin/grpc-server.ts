/**
 * A unary-only gRPC server on node:http2. Hand-written on purpose: loading @grpc/grpc-js costs ~40 ms on every
 * provider launch (Terraform starts three per plan), and unary gRPC is a small, fixed framing: a 5-byte prefix
 * (compressed flag, big-endian length) before each message, and the status in the trailers.
 */
import { X509Certificate } from "node:crypto";
import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";

/** gRPC status codes we answer with. */
export const GrpcStatus = { OK: 0, CANCELLED: 1, INVALID_ARGUMENT: 3, UNIMPLEMENTED: 12, INTERNAL: 13 } as const;

export class GrpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export type UnaryHandler = (request: Buffer, call: UnaryCall) => Promise<Buffer>;

/** What a handler may ask of its call. */
export interface UnaryCall {
  /** Aborted when the caller goes away (made on first read: most handlers never look). */
  readonly signal: AbortSignal;
}

export interface GrpcServerOptions {
  /** Full method path → handler, e.g. "/tfplugin6.Provider/PlanResourceChange". */
  readonly handlers: ReadonlyMap<string, UnaryHandler>;
  /** Mutual TLS: our certificate and key, and the only client certificate we trust. Plaintext when absent. */
  readonly tls?: { readonly certPem: string; readonly keyPem: string; readonly clientCertPem: string };
  /** Called after a handler answered, e.g. to exit after Shutdown. */
  readonly onAnswered?: (method: string) => void;
  readonly onError?: (method: string, err: unknown) => void;
}

export interface RunningGrpcServer {
  readonly server: http2.Http2Server | http2.Http2SecureServer;
  close(): Promise<void>;
}

/** Terraform allows messages up to 2 GiB; state rarely comes near, but never refuse a large one. */
const MAX_MESSAGE = 2 ** 31 - 1;

export function createGrpcServer(options: GrpcServerOptions): RunningGrpcServer {
  const settings: http2.Settings = { maxConcurrentStreams: 1000, initialWindowSize: 4 * 1024 * 1024 };
  const server = options.tls
    ? http2.createSecureServer({
        cert: options.tls.certPem,
        key: options.tls.keyPem,
        // No certificate store at all: building one parses Node's ~140 bundled roots, 16 ms of every launch
        // (measured), to trust a single self-signed certificate. The client must still send a certificate and
        // prove it holds its key (the TLS handshake checks that); which certificate is checked below, by pin.
        ca: [],
        requestCert: true,
        rejectUnauthorized: false,
        minVersion: "TLSv1.2",
        settings,
      })
    : http2.createServer({ settings });
  if (options.tls) {
    const trusted = new X509Certificate(options.tls.clientCertPem).raw;
    // Emitted as the session is made, before any of its frames is read: nothing reaches a handler first.
    server.on("session", (session) => {
      const peer = (session.socket as TLSSocket).getPeerX509Certificate();
      if (!peer || !peer.raw.equals(trusted)) session.destroy();
    });
  }

  server.on("stream", (stream, headers) => {
    const method = String(headers[":path"] ?? "");
    const handler = options.handlers.get(method);
    // A bulk plan opens thousands of streams: each keeps only what it needs (one chunk, usually; no signal
    // until a handler asks for it).
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    const call = new StreamCall();
    stream.on("aborted", () => call.abort());
    stream.on("error", () => call.abort());
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MESSAGE + 5) return;
      if (first === undefined) first = chunk;
      else (more ??= [first]).push(chunk);
    });
    stream.on("end", () => {
      if (!handler) return trailersOnly(stream, GrpcStatus.UNIMPLEMENTED, `method ${method} is not implemented`);
      let message: Buffer;
      try {
        message = unframe(more ? Buffer.concat(more) : (first ?? Buffer.alloc(0)));
      } catch (err) {
        return trailersOnly(stream, GrpcStatus.INVALID_ARGUMENT, err instanceof Error ? err.message : String(err));
      }
      first = more = undefined;
      handler(message, call).then(
        (reply) => {
          if (stream.destroyed) return;
          stream.respond({ ":status": 200, "content-type": "application/grpc+proto" }, { waitForTrailers: true });
          stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(GrpcStatus.OK) }));
          // Only once the trailers are out: a caller may exit the process right after (Shutdown).
          stream.once("close", () => options.onAnswered?.(method));
          stream.end(frame(reply));
        },
        (err: unknown) => {
          options.onError?.(method, err);
          const code = err instanceof GrpcError ? err.code : GrpcStatus.INTERNAL;
          trailersOnly(stream, code, err instanceof Error ? err.message : String(err));
        },
      );
    });
  });
  // A peer that goes away mid-stream must not take the process down.
  server.on("sessionError", () => undefined);

  return {
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function listen(s: RunningGrpcServer, where: { path: string } | { host: string; port: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    s.server.once("error", reject);
    const done = (): void => {
      if ("path" in where) return resolve(where.path);
      const a = s.server.address() as AddressInfo;
      resolve(`${a.address}:${a.port}`);
    };
    if ("path" in where) s.server.listen(where.path, done);
    else s.server.listen(where.port, where.host, done);
  });
}

class StreamCall implements UnaryCall {
  private controller: AbortController | undefined;
  private aborted = false;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort();
    }
    return this.controller.signal;
  }

  abort(): void {
    this.aborted = true;
    this.controller?.abort();
  }
}

function frame(message: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(0, 0);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

function unframe(body: Buffer): Buffer {
  if (body.length < 5) throw new GrpcError(GrpcStatus.INVALID_ARGUMENT, "request has no gRPC message frame");
  if (body.readUInt8(0) !== 0) throw new GrpcError(GrpcStatus.UNIMPLEMENTED, "compressed messages are not supported");
  const length = body.readUInt32BE(1);
  if (body.length < 5 + length) throw new GrpcError(GrpcStatus.INVALID_ARGUMENT, "truncated gRPC message");
  return body.subarray(5, 5 + length);
}

function trailersOnly(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.headersSent) {
    stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
    return;
  }
  stream.respond(
    { ":status": 200, "content-type": "application/grpc+proto", "grpc-status": String(code), "grpc-message": encodeURIComponent(message) },
    { endStream: true },
  );
}
