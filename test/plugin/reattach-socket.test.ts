/**
 * Reattach sockets listen before their provider is loaded (`vaultbridge terraform` starts terraform on them
 * first): a call made before the gRPC server is attached waits in the socket and is answered once it is.
 * Loopback unix sockets only.
 */
import * as http2 from "node:http2";
import { connect } from "node:net";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { createGrpcServer } from "../../src/plugin/grpc-server";
import { listenForReattach, reattachValue } from "../../src/plugin/reattach-socket";

function call(socket: string, path: string, message: Buffer): { session: http2.ClientHttp2Session; answer: Promise<Buffer> } {
  const session = http2.connect("http://localhost", { createConnection: () => connect(socket) });
  const answer = new Promise<Buffer>((resolve, reject) => {
    const req = session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc" });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).subarray(5)));
    req.on("error", reject);
    const framed = Buffer.alloc(5 + message.length);
    framed.writeUInt32BE(message.length, 1);
    message.copy(framed, 5);
    req.end(framed);
  });
  return { session, answer };
}

test("a call sent before the server is attached is answered once it is; closing removes the socket", async () => {
  const pending = await listenForReattach("registry.terraform.io/vaultbridge/test");
  const socket = pending.entry.Addr.String;
  expect(JSON.parse(reattachValue([pending]))).toEqual({
    "registry.terraform.io/vaultbridge/test": { Protocol: "grpc", ProtocolVersion: 6, Pid: process.pid, Test: true, Addr: { Network: "unix", String: socket } },
  });

  const early = call(socket, "/t.S/Echo", Buffer.from("early"));
  let answered = false;
  void early.answer.then(() => (answered = true));
  // The request has reached the socket (the client wrote it) while nothing serves it yet.
  await new Promise((r) => setTimeout(r, 150));
  expect(answered).toBe(false);

  const served = pending.attach(createGrpcServer({ handlers: new Map([["/t.S/Echo", async (req: Buffer) => Buffer.from(`echo ${req}`)]]) }));
  expect((await early.answer).toString()).toBe("echo early");
  // A connection made after attach goes straight to the server.
  const late = call(socket, "/t.S/Echo", Buffer.from("late"));
  expect((await late.answer).toString()).toBe("echo late");

  early.session.close();
  late.session.close();
  await served.close();
  expect(existsSync(socket)).toBe(false);
  expect(existsSync(dirname(socket))).toBe(false);
});
