/**
 * A create under a durable intent (see create-intents): recorded before it is sent, forgotten once its answer
 * arrives. A create answered "already exists" while an earlier intent for the same object is on record is that
 * earlier run's object, committed after its process died: it is adopted (found by its import id, then updated to
 * the planned values) instead of failing. Without such an intent the name belongs to someone else, and the error
 * (see create-with-recovery) says how to import it.
 */
import { ApiError, ConflictError, mayHaveCommitted } from "../client/errors";
import { Diagnostics } from "../framework/diagnostics";
import type { Logger, ResourceContext, ResourceDefinition } from "../framework/resource";
import type { ObjectValue } from "../framework/value";
import { recoveryMessages as msg } from "../resources/messages";
import { type CreateIntents, intentKey } from "./create-intents";

export interface RecordedCreate<Client> {
  readonly resource: ResourceDefinition<Client>;
  readonly ctx: ResourceContext<Client>;
  readonly planned: ObjectValue;
  readonly diags: Diagnostics;
  readonly intents?: CreateIntents;
  /** Where the provider configuration's objects live (ProviderDefinition.intentScope). */
  readonly scope?: string;
  /** Why the object found cannot become the planned one in place (a replacement would be needed), or null. */
  readonly unadoptable: (found: ObjectValue) => string | null;
}

export async function createRecorded<Client>(o: RecordedCreate<Client>): Promise<ObjectValue | null> {
  const r = o.resource;
  const importId = r.importIdOf?.(o.planned) ?? null;
  if (importId === null) return r.create(o.ctx, o.planned, o.diags);
  const key = intentKey(r.typeName, importId, o.scope);
  const earlier = tryIntents(o.ctx.log, () => o.intents?.get(key));
  tryIntents(o.ctx.log, () => o.intents?.record(key, { type: r.typeName, importId }));
  // Settled once a definite answer arrives; kept while the create (or the adoption) may still have committed.
  let answered = false;
  try {
    const state = await r.create(o.ctx, o.planned, o.diags);
    answered = true;
    return state;
  } catch (err) {
    // A refusal is a definite answer; no answer (or a cancelled call) may still have committed.
    answered = err instanceof ApiError && !mayHaveCommitted(err);
    if (!(err instanceof ConflictError)) throw err;
    // Without an earlier intent the name is someone else's: the error already says how to import it.
    if (earlier === undefined) throw err;
    answered = false; // a failed lookup or update leaves the intent for the next run
    const refuse = (why: string): ConflictError => {
      answered = true;
      return err.withAdvice(msg.notAdoptable(importId, r.typeName, why));
    };
    // Not finding it is reported as part of the conflict.
    const found = r.importState ? await r.importState(o.ctx, importId, new Diagnostics()) : null;
    if (found === null) throw refuse(`it could not be found by ${JSON.stringify(importId)}`);
    const why = o.unadoptable(found);
    if (why !== null) throw refuse(why);
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
export function settleRecorded<Client>(
  resource: ResourceDefinition<Client>,
  state: ObjectValue,
  intents: CreateIntents | undefined,
  scope: string | undefined,
  log: Logger,
): void {
  const importId = intents ? (resource.importIdOf?.(state) ?? null) : null;
  if (importId !== null) tryIntents(log, () => intents?.settle(intentKey(resource.typeName, importId, scope)));
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

/** The intents file is a safety net: failing to read or write it must never fail the create itself. */
function tryIntents<T>(log: Logger, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    log.warn("could not update the create-intents file", { error: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}
