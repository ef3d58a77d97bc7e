/** HTTP plumbing shared by both APIs and the control API: replies as values, JSON bodies in and out. */
import type { IncomingMessage, ServerResponse } from "node:http";

/** What a handler answers; the server writes it (or, under a fault rule, withholds it). */
export interface Reply {
  readonly status: number;
  /** JSON-serialisable; absent for 204. */
  readonly body?: unknown;
  /** A body sent as is instead of JSON (fault rules: an HTML page); content-type from `headers`, else text/plain. */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown by handlers to answer an error; the reply is already in the API's error shape. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
    this.name = "ReplyError";
  }
}

/** The request body could not be read as JSON; each API answers this in its own error shape. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole body; an empty body is `undefined`, anything else must be JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(buffer);
  }
  if (tooLarge) throw new BodyError(413, `Request body is too large (more than ${MAX_BODY_BYTES} bytes)`);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, "Body is not valid JSON but content-type is set to 'application/json'");
  }
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.text !== undefined) {
    res.writeHead(reply.status, {
      "content-type": "text/plain; charset=utf-8",
      ...headers,
      "content-length": String(Buffer.byteLength(reply.text)),
    });
    res.end(reply.text);
    return;
  }
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, { ...headers, "content-length": "0" });
    res.end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

/** Answers headers, then chunks of a body that never ends, until the client hangs up. */
export function sendEndless(res: ServerResponse, status: number, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  const chunk = Buffer.alloc(64 * 1024, "x");
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once("drain", pump);
  };
  res.write('{"message":"');
  pump();
}

export function json(status: number, body: unknown, headers?: Readonly<Record<string, string>>): Reply {
  return headers === undefined ? { status, body } : { status, body, headers };
}

/** Injected delays never keep the process alive on their own (a closed emulator exits at once). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms).unref()) : Promise.resolve();
}

/** The bearer token of an `Authorization` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}
