/**
 * Terraform's state format, version 4, read and written the way Terraform's local backend does, so either tool
 * can take over a stack from the other: lineage kept, serial bumped on every write, sensitive attribute paths
 * recorded, the file replaced atomically (temp file + rename) so a crash never leaves half a state.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { z } from "zod";
import { VaultbridgeError } from "../framework/vaultbridge-error";

const pathStep = z.object({ type: z.string(), value: z.union([z.string(), z.number()]) });

const instance = z.looseObject({
  index_key: z.union([z.number(), z.string()]).optional(),
  schema_version: z.number(),
  // Checked as an object, not copied key by key: a state of 10,000 instances is read on every plan.
  attributes: z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "expected an object"),
  sensitive_attributes: z.array(z.array(pathStep)).optional(),
  private: z.string().optional(),
  dependencies: z.array(z.string()).optional(),
  create_before_destroy: z.boolean().optional(),
  /** Terraform marks instances it deposed while replacing create-before-destroy. */
  deposed: z.string().optional(),
});
export type StateInstance = z.infer<typeof instance>;

const resource = z.looseObject({
  module: z.string().optional(),
  mode: z.enum(["managed", "data"]),
  type: z.string(),
  name: z.string(),
  each: z.enum(["list", "map"]).optional(),
  provider: z.string(),
  instances: z.array(instance),
});
export type StateResource = z.infer<typeof resource>;

const output = z.looseObject({ value: z.unknown(), type: z.unknown(), sensitive: z.boolean().optional() });

export const stateDocument = z.looseObject({
  version: z.literal(4),
  terraform_version: z.string(),
  serial: z.number().int().nonnegative(),
  lineage: z.string().min(1),
  outputs: z.record(z.string(), output),
  resources: z.array(resource),
  check_results: z.unknown().optional(),
});
export type StateDocument = z.infer<typeof stateDocument>;

/** The Terraform version we write as `terraform_version`: the one we are tested against. */
export const STATE_TERRAFORM_VERSION = "1.11.4";

export function emptyState(): StateDocument {
  return { version: 4, terraform_version: STATE_TERRAFORM_VERSION, serial: 0, lineage: randomUUID(), outputs: {}, resources: [], check_results: null };
}

export class StateFileError extends VaultbridgeError {
  constructor(message: string) {
    super(message, "VB_STATE");
  }
}

export function readStateFile(path: string): StateDocument {
  if (!existsSync(path)) return emptyState();
  const text = readFileSync(path, "utf8");
  if (text.trim() === "") return emptyState();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StateFileError(`${path} is not valid JSON (${err instanceof Error ? err.message : String(err)})${restoreAdvice(path)}`);
  }
  const version = raw !== null && typeof raw === "object" ? (raw as { version?: unknown }).version : undefined;
  if (version !== 4) {
    // An older or newer format is no damage: the backup would hold the same. Say which tool reads it.
    if (typeof version === "number" && Number.isInteger(version)) {
      const fix = version < 4 ? "let Terraform ≥ 0.12 rewrite it first (terraform apply -refresh-only)" : "it was written by a newer tool; upgrade vaultbridge";
      throw new StateFileError(`${path} has state format version ${version}; vaultbridge reads version 4 (Terraform ≥ 0.12): ${fix}.`);
    }
    throw new StateFileError(`${path} has ${version === undefined ? "no" : "an invalid"} state format version; vaultbridge reads version 4 (Terraform ≥ 0.12)${restoreAdvice(path)}`);
  }
  const parsed = stateDocument.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFileError(`${path} is not a Terraform state: ${issue.path.join(".") || "(top level)"}: ${issue.message}${restoreAdvice(path)}`);
  }
  return parsed.data;
}

/** Advice to restore the backup, only when there is one to restore. */
function restoreAdvice(path: string): string {
  const backup = `${path}.backup`;
  return existsSync(backup) ? `; restore it from ${basename(backup)} (the state before the last run that wrote it), or fix it by hand.` : "; fix it by hand (there is no backup beside it).";
}

/**
 * Writes the next serial of `state` atomically. With `backup` (once per run, like Terraform's local backend) the
 * previous file is kept as `<path>.backup`. Returns the state as written (serial bumped).
 */
export function writeStateFile(path: string, state: StateDocument, backup = true): StateDocument {
  const next: StateDocument = { ...state, serial: state.serial + 1, terraform_version: state.terraform_version || STATE_TERRAFORM_VERSION };
  const text = `${JSON.stringify(next, null, 2)}\n`;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text, { mode: 0o600 });
  if (backup && existsSync(path)) writeFileSync(`${path}.backup`, readFileSync(path), { mode: 0o600 });
  renameSync(tmp, path);
  return next;
}
