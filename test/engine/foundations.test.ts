/** Engine foundations: expressions, evaluation, Terraform JSON stacks, state files and the state lock. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluate, variableValues } from "../../src/engine/evaluate";
import { parseTemplate, UnsupportedExpressionError } from "../../src/engine/expressions";
import { loadStack } from "../../src/engine/stack";
import { acquireStateLock, lockPathFor, StateLockedError } from "../../src/engine/state-lock";
import { emptyState, readStateFile, writeStateFile } from "../../src/engine/state-file";
import { Diagnostics } from "../../src/framework/diagnostics";
import { isUnknown } from "../../src/framework/value";

const KNOWN = {
  infisical: { source: "registry.terraform.io/vaultbridge/infisical", resourceTypes: ["infisical_app_connection_heroku", "infisical_app_connection_postgres"], dataSourceTypes: ["infisical_app_connections"] },
  scrapengine: { source: "registry.terraform.io/vaultbridge/scrapengine", resourceTypes: ["scrapengine_vault_integration"], dataSourceTypes: [] },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "vb-engine-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("expressions", () => {
  test("templates split into text and references", () => {
    expect(parseTemplate("pre-${var.x}-${aws.b[2].c.d}")).toEqual([
      "pre-",
      { kind: "var", name: "x" },
      "-",
      { kind: "resource", type: "aws", name: "b", index: 2, attribute: ["c", "d"] },
    ]);
    expect(parseTemplate("$${literal}")).toEqual(["${literal}"]);
  });
  test.each([["${upper(var.x)}", /function calls/], ["${local.a}", /local references/], ["${data.x}", /data references/], ["${module.m.out}", /module references/], ["${a.b[*].c}", /splat/]])(
    "%s is refused with the reason",
    (s, why) => {
      expect(() => parseTemplate(s)).toThrow(UnsupportedExpressionError);
      expect(() => parseTemplate(s)).toThrow(why);
    },
  );
});

describe("evaluation", () => {
  const scope = {
    variables: new Map([["port", 5432], ["name", "db"]] as [string, number | string][]),
    countIndex: 3,
    instance: (a: string) => (a === "t.known" ? { id: "abc", nested: { x: 1 } } : undefined),
    countOf: () => undefined,
  };
  test("a lone reference keeps its type, templates make strings", () => {
    expect(evaluate({ p: "${var.port}", n: "${var.name}-${count.index}", id: "${t.known.id}", x: "${t.known.nested.x}" }, scope)).toEqual({ p: 5432, n: "db-3", id: "abc", x: 1 });
  });
  test("a resource not known yet is unknown, in templates too", () => {
    const v = evaluate({ a: "${t.later.id}", b: "x-${t.later.id}" }, scope) as Record<string, unknown>;
    expect(isUnknown(v.a as never)).toBe(true);
    expect(isUnknown(v.b as never)).toBe(true);
  });
  test("variables: --var beats TF_VAR_, which beats the default; typed; missing reported", () => {
    const r = variableValues(
      [
        { name: "a", type: "number", default: 1, sensitive: false },
        { name: "b", type: "string", sensitive: true },
        { name: "c", type: "bool", default: false, sensitive: false },
        { name: "d", sensitive: false },
      ],
      { a: "7" },
      { TF_VAR_a: "9", TF_VAR_b: "secret", TF_VAR_c: "yes" },
    );
    expect(r.values.get("a")).toBe(7);
    expect(r.values.get("b")).toBe("secret");
    expect(r.missing).toEqual(["d"]);
    expect(r.errors).toEqual(['var.c must be a bool; got "yes"']);
  });
});

describe("stacks", () => {
  const write = (doc: unknown) => writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(doc));

  test("reads providers with aliases, resources, dependencies and lifecycle", () => {
    write({
      terraform: { backend: { local: { path: "state/terraform.tfstate" } } },
      provider: { infisical: [{ host: "${var.host}" }, { alias: "eu", host: "https://eu" }] },
      variable: { host: { type: "string" }, pw: { type: "string", sensitive: true } },
      resource: {
        infisical_app_connection_postgres: {
          db: { "//": { metadata: { path: "app/stack/db" } }, name: "db", credentials: { password: "${var.pw}" }, provider: "infisical.eu", lifecycle: { ignore_changes: ["description"], prevent_destroy: true } },
        },
        infisical_app_connection_heroku: { web: { name: "web-${infisical_app_connection_postgres.db.id}", count: 2, depends_on: ["infisical_app_connection_postgres.db"] } },
      },
      output: { id: { value: "${infisical_app_connection_postgres.db.id}" } },
    });
    const diags = new Diagnostics();
    const stack = loadStack(dir, KNOWN, diags)!;
    expect(diags.toArray()).toEqual([]);
    expect(stack.statePath).toBe(join(dir, "state", "terraform.tfstate"));
    expect(stack.providers.map((p) => p.key)).toEqual(["infisical", "infisical.eu"]);
    const db = stack.resources.find((r) => r.name === "db")!;
    expect(db).toMatchObject({ provider: "infisical.eu", constructPath: "app/stack/db", lifecycle: { preventDestroy: true, ignoreChanges: ["description"] } });
    expect(stack.resources.find((r) => r.name === "web")!.dependencies).toEqual(["infisical_app_connection_postgres.db"]);
  });

  test("refuses what it does not understand, each with its construct path and the advice to use Terraform", () => {
    write({
      data: { aws_ami: { a: {} } },
      module: { m: {} },
      provider: { aws: { region: "eu-west-1" } },
      resource: {
        aws_s3_bucket: { b: { "//": { metadata: { path: "app/stack/bucket" } } } },
        infisical_app_connection_heroku: { web: { "//": { metadata: { path: "app/stack/web" } }, name: "${upper(var.x)}", for_each: {} } },
      },
    });
    const diags = new Diagnostics();
    loadStack(dir, KNOWN, diags);
    const details = diags.errors.map((e) => e.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/data\.aws_ami\.a: data source "aws_ami" does not belong to vaultbridge's providers .*run this stack with Terraform/),
        expect.stringMatching(/"module" blocks \(modules\)/),
        expect.stringMatching(/provider "aws" is not one of vaultbridge's/),
        expect.stringMatching(/^app\/stack\/bucket \(aws_s3_bucket\.b\): resource type "aws_s3_bucket"/),
        expect.stringMatching(/^app\/stack\/web .*"for_each" is not supported/),
        expect.stringMatching(/^app\/stack\/web .*function calls/),
      ]),
    );
  });

  test("references to undeclared things and cycles are errors", () => {
    write({
      resource: {
        infisical_app_connection_heroku: {
          a: { name: "${infisical_app_connection_heroku.b.id}", description: "${var.nope}" },
          b: { name: "${infisical_app_connection_heroku.a.id}" },
          c: { name: "${infisical_app_connection_heroku.zzz.id}" },
        },
      },
    });
    const diags = new Diagnostics();
    loadStack(dir, KNOWN, diags);
    const details = diags.errors.map((e) => e.detail).join("\n");
    expect(details).toContain("var.nope is not declared");
    expect(details).toContain("refers to infisical_app_connection_heroku.zzz");
    expect(details).toMatch(/cycle: infisical_app_connection_heroku\.(a|b) → /);
  });
});

describe("state files", () => {
  test("a missing file is an empty state; writes bump the serial, keep the lineage and a backup", () => {
    const path = join(dir, "terraform.tfstate");
    const s0 = readStateFile(path);
    expect(s0).toMatchObject({ version: 4, serial: 0, resources: [] });
    const s1 = writeStateFile(path, s0);
    const s2 = writeStateFile(path, s1);
    expect(readStateFile(path)).toMatchObject({ serial: 2, lineage: s0.lineage });
    expect(JSON.parse(readFileSync(`${path}.backup`, "utf8")).serial).toBe(1);
    expect(s2.serial).toBe(2);
  });
  test("a state of another format version is refused with a clear message", () => {
    const path = join(dir, "terraform.tfstate");
    writeFileSync(path, JSON.stringify({ ...emptyState(), version: 3 }));
    expect(() => readStateFile(path)).toThrow(/state format version 3; vaultbridge reads version 4/);
  });
});

describe("state lock", () => {
  test("a second run is refused while the first holds the lock; released locks can be taken again", () => {
    const path = join(dir, "terraform.tfstate");
    const first = acquireStateLock(path, "apply");
    expect(() => acquireStateLock(path, "plan")).toThrow(StateLockedError);
    expect(() => acquireStateLock(path, "plan")).toThrow(/locked by apply by .* \(pid \d+/);
    first.release();
    expect(existsSync(lockPathFor(path))).toBe(false);
    acquireStateLock(path, "plan").release();
  });
  test("a lock left by a killed process is taken over", async () => {
    const path = join(dir, "terraform.tfstate");
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    const dead = child.pid!;
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    writeFileSync(lockPathFor(path), JSON.stringify({ ID: "x", Operation: "apply", Who: "w", Created: "c", Pid: dead, Host: require("node:os").hostname() }));
    const lock = acquireStateLock(path, "apply");
    expect(lock.tookOverFrom?.Pid).toBe(dead);
    lock.release();
  });
});
