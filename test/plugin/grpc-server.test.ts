/**
 * The gRPC server's calls: a handler's abort signal is made only when the handler asks for it, and it still
 * aborts when the caller goes away (before or after the handler asked). Loopback unix socket only.
 */
import * as http2 from "node:http2";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGrpcServer, listen, type UnaryCall } from "../../src/plugin/grpc-server";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "grpc-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function framed(message: Buffer): Buffer {
  const f = Buffer.alloc(5 + message.length);
  f.writeUInt32BE(message.length, 1);
  message.copy(f, 5);
  return f;
}

test("a request in several chunks arrives whole; a handler that never reads its signal is answered", async () => {
  const server = createGrpcServer({ handlers: new Map([["/t.S/Echo", async (req: Buffer) => Buffer.from(`got ${req.length}`)]]) });
  const socket = join(dir, "echo.sock");
  await listen(server, { path: socket });
  const session = http2.connect("http://localhost", { createConnection: () => require("node:net").connect(socket) });
  try {
    const body = framed(Buffer.alloc(200_000, 7));
    const answer = await new Promise<Buffer>((resolve, reject) => {
      const req = session.request({ ":method": "POST", ":path": "/t.S/Echo", "content-type": "application/grpc" });
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks).subarray(5)));
      req.on("error", reject);
      // Three writes: the server sees more than one data chunk.
      req.write(body.subarray(0, 10));
      req.write(body.subarray(10, 100_000));
      req.end(body.subarray(100_000));
    });
    expect(answer.toString()).toBe("got 200000");
  } finally {
    session.close();
    await server.close();
  }
});

test("the signal aborts when the caller resets the stream, read before or after", async () => {
  const seen: string[] = [];
  let readEarly: (call: UnaryCall) => void = () => undefined;
  const handler = async (_req: Buffer, call: UnaryCall): Promise<Buffer> => {
    readEarly(call);
    // Reads its signal only after the caller has gone.
    await new Promise((r) => setTimeout(r, 100));
    seen.push(`late ${call.signal.aborted}`);
    return Buffer.alloc(0);
  };
  const server = createGrpcServer({ handlers: new Map([["/t.S/Wait", handler]]) });
  const socket = join(dir, "wait.sock");
  await listen(server, { path: socket });
  const session = http2.connect("http://localhost", { createConnection: () => require("node:net").connect(socket) });
  try {
    const cancelOne = (): Promise<void> =>
      new Promise((resolve) => {
        const req = session.request({ ":method": "POST", ":path": "/t.S/Wait", "content-type": "application/grpc" });
        req.on("error", () => undefined);
        req.end(framed(Buffer.from("x")));
        setTimeout(() => {
          req.close(http2.constants.NGHTTP2_CANCEL);
          setTimeout(resolve, 200);
        }, 30);
      });
    await cancelOne();
    readEarly = (call) => call.signal.addEventListener("abort", () => seen.push("early aborted"));
    await cancelOne();
    expect(seen).toEqual(["late true", "early aborted", "late true"]);
  } finally {
    session.close();
    await server.close();
  }
});
