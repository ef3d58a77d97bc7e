/**
 * pbjs-static-target.js on a .proto whose names shadow globals (a package, messages, a nested enum): pbjs' own
 * static target breaks on it; ours gives working code that exports every name as written in the .proto.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Generated {
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
  fromObject(object: object): object;
  toObject(message: object, options: object): object;
}
interface PbjsCli {
  pbjs: { main(args: string[], callback: (err: Error | null, output?: string) => void): void };
}

const protocolDir = join(__dirname, "..", "..", "src", "protocol");
const { pbjs } = require("protobufjs-cli") as PbjsCli;
const { STATIC_FLAGS } = require(join(protocolDir, "gen-proto.js")) as { STATIC_FLAGS: string[] };

const PROTO = `syntax = "proto3";
package Map;
message Object {
  enum Kind { A = 0; B = 1; }
  repeated Error errors = 1;
  map<string, Symbol> children = 2;
  Kind kind = 3;
}
message Error { string message = 1; int64 Number = 2; }
message Symbol { oneof v { string s = 1; Object o = 2; } }
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "vb-pbjs-target-"));
  writeFileSync(join(dir, "shadow.proto"), PROTO);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The module pbjs writes with that target, loaded: its root namespace. */
function load(target: string): Record<string, Record<string, Generated>> {
  let code = "";
  pbjs.main(["-t", target, ...STATIC_FLAGS, join(dir, "shadow.proto")], (err, output) => {
    if (err) throw err;
    code = output ?? "";
  });
  const module = { exports: {} };
  // In this realm (not vm's): the code compares `longs` with its own global Number.
  new Function("require", "module", `var $protobuf = require("protobufjs/minimal");\n${code}\nmodule.exports = $root;`)(require, module);
  return module.exports as Record<string, Record<string, Generated>>;
}

const message = { errors: [{ message: "boom", Number: 7 }], children: { a: { s: "x" }, b: { o: { kind: 1 } } }, kind: 1 };
const options = { longs: Number, enums: Number, defaults: false, arrays: true, objects: true, oneofs: true };

test("pbjs' own static target breaks where a class shadows a global", () => {
  expect(() => {
    const Obj = load("static").Map.Object;
    Obj.encode(Obj.fromObject(message)).finish();
  }).toThrow("Object.create is not a function");
});

test("the shadow-safe target round-trips, names as in the .proto", () => {
  const root = load(join(protocolDir, "pbjs-static-target.js"));
  expect(Object.keys(root.Map).sort()).toEqual(["Error", "Object", "Symbol"]);
  const Obj = root.Map.Object;
  const bytes = Obj.encode(Obj.fromObject(message)).finish();
  expect(Obj.toObject(Obj.decode(bytes), options)).toStrictEqual({
    errors: [{ message: "boom", Number: 7 }],
    children: { a: { s: "x", v: "s" }, b: { o: { errors: [], children: {}, kind: 1 }, v: "o" } },
    kind: 1,
  });
  expect(() => Obj.fromObject({ errors: {} })).toThrow(new TypeError(".Map.Object.errors: array expected"));
});
