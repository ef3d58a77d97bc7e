/**
 * A create under a durable intent (see create-intents): recorded before it is sent, forgotten once its answer
 * arrives. A create answered "already exists" while an earlier intent for the same object is on record is that
 * earlier run's object, committed after its process died: it is adopted (found by its import id, then updated to
 * the planned values) instead of failing. Without such an intent the name belongs to someone else, and the error
 * says how to import it.
 */
import { ApiError, ConflictError, ServerError, VaultbridgeError } from "../client/errors";
import { Diagnostics } from "../framework/diagnostics";
import type { Logger, ResourceContext, ResourceDefinition } from "../framework/resource";
import type { ObjectValue } from "../framework/value";
import { type CreateIntents, intentKey } from "./create-intents";

export interface RecordedCreate<Client> {
  readonly resource: ResourceDefinition<Client>;
  readonly ctx: ResourceContext<Client>;
  readonly planned: ObjectValue;
  readonly diags: Diagnostics;
  readonly intents?: CreateIntents;
  /** Why the object found cannot become the planned one in place (a replacement would be needed), or null. */
  readonly unadoptable: (found: ObjectValue) => string | null;
}

export async function createRecorded<Client>(o: RecordedCreate<Client>): Promise<ObjectValue | null> {
  const r = o.resource;
  const importId = r.importIdOf?.(o.planned) ?? null;
  if (importId === null) return r.create(o.ctx, o.planned, o.diags);
  const key = intentKey(r.typeName, importId);
  const earlier = tryIntents(o.ctx.log, () => o.intents?.get(key));
  tryIntents(o.ctx.log, () => o.intents?.record(key, { type: r.typeName, importId }));
  // Settled once a definite answer arrives; kept while the create (or the adoption) may still have committed.
  let answered = false;
  try {
    const state = await r.create(o.ctx, o.planned, o.diags);
    answered = true;
    return state;
  } catch (err) {
    answered = err instanceof ApiError && !(err instanceof ServerError);
    if (!(err instanceof ConflictError)) throw err;
    if (earlier === undefined) throw new VaultbridgeError(alreadyExists(err, r.typeName, importId), "VB_CONFLICT", { cause: err });
    answered = false; // a failed lookup or update leaves the intent for the next run
    // Not finding it is reported as part of the conflict.
    const found = r.importState ? await r.importState(o.ctx, importId, new Diagnostics()) : null;
    const why = found === null ? `it could not be found by "${importId}"` : o.unadoptable(found);
    if (found === null || why !== null) {
      answered = true;
      const reason = `An interrupted earlier run was creating it, but it cannot be adopted: ${why}.`;
      throw new VaultbridgeError(alreadyExists(err, r.typeName, importId, reason), "VB_CONFLICT", { cause: err });
    }
    const state = await adopt(o, importId, found);
    answered = true;
    return state;
  } finally {
    if (answered) tryIntents(o.ctx.log, () => o.intents?.settle(key));
  }
}

/**
 * Terraform holds `state` in its state: an intent left for it (the process died between the create's answer and
 * forgetting the intent) is forgotten now, so that it can never adopt another object of that name later.
 */
export function settleRecorded<Client>(resource: ResourceDefinition<Client>, state: ObjectValue, intents: CreateIntents | undefined, log: Logger): void {
  const importId = intents ? (resource.importIdOf?.(state) ?? null) : null;
  if (importId !== null) tryIntents(log, () => intents?.settle(intentKey(resource.typeName, importId)));
}

/** Brings the object an interrupted run created to the planned values (secrets included: they are re-sent). */
async function adopt<Client>(o: RecordedCreate<Client>, importId: string, found: ObjectValue): Promise<ObjectValue | null> {
  const r = o.resource;
  o.ctx.log.info(`creating ${r.typeName} "${importId}": adopting the object an interrupted earlier run created`);
  const state = await r.update(o.ctx, found, o.planned, o.diags);
  o.diags.warning(
    "Adopted An Interrupted Create",
    `${r.typeName} "${importId}" was created by an earlier run that stopped before Terraform recorded it. That object is adopted and brought to this configuration instead of being created again.`,
  );
  return state;
}

/**
 * The API's "already exists", why it is not adopted, and the exact command that brings the object under
 * management. The provider never learns the resource's address: Terraform prints it above the message.
 */
export function alreadyExists(err: ConflictError, typeName: string, importId: string, why = "No run of this configuration created it, so it is not adopted."): string {
  return (
    `${err.message.replace(/\.$/, "")}. ${why} To manage it with Terraform, import it into this resource's address ` +
    `(shown above after "with"): terraform import '${typeName}.<NAME>' ${shellQuote(importId)} (or an import block with ` +
    `id = ${JSON.stringify(importId)}; \`vaultbridge import\` takes the same arguments). Or give this resource another name.`
  );
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9._\/-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** The intents file is a safety net: failing to read or write it must never fail the create itself. */
function tryIntents<T>(log: Logger, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    log.warn("could not update the create-intents file", { error: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}
