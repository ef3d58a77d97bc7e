/**
 * A throwaway PostgreSQL 15 for tests: a fresh cluster in a temp dir, password (scram-sha-256) auth for a test user,
 * listening on 127.0.0.1 only on a free port, with its socket in the temp dir. PostgreSQL refuses to run as root, so
 * as root the binaries run as the `postgres` user through `runuser` (notes/machine.md).
 */
import { execFile } from "node:child_process";
import { accessSync, chownSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestPostgres {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password: string;
  stop(): Promise<void>;
}

const FALLBACK_BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/local/pgsql/bin"];

/** The directory holding `initdb` and `pg_ctl`: on PATH, or where Debian puts them. */
export function findPostgresBin(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), ...FALLBACK_BIN_DIRS];
  return dirs.find((dir) => ["initdb", "pg_ctl"].every((tool) => isExecutable(join(dir, tool))));
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (bin === undefined)
    throw new Error("PostgreSQL binaries (initdb, pg_ctl) not found on PATH nor in /usr/lib/postgresql/15/bin");
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : undefined;
  const dir = mkdtempSync(join(tmpdir(), "vaultbridge-pg-"));
  const data = join(dir, "data");
  const socketDir = join(dir, "socket");
  const pwfile = join(dir, "pwfile");
  const user = "vaultbridge_test";
  const password = "vb-test-password-8c1e";
  const port = await freePort();
  mkdirSync(socketDir);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner !== undefined) for (const path of [dir, socketDir, pwfile]) chownSync(path, owner.uid, owner.gid);

  const exec = (tool: string, args: readonly string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args]) : run(join(bin, tool), [...args]);

  try {
    await exec("initdb", [
      "-D",
      data,
      "-U",
      user,
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "-E",
      "UTF8",
      "--no-sync",
    ]);
    await exec("pg_ctl", [
      "-D",
      data,
      "-l",
      join(dir, "server.log"),
      "-w",
      "-t",
      "30",
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${socketDir} -c fsync=off`,
      "start",
    ]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  return {
    host: "127.0.0.1",
    port,
    database: "postgres",
    user,
    password,
    stop: async () => {
      try {
        await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** A loopback port free right now (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
