/**
 * Fault injection: rules matched against each API request (first rule that matches and fires wins). A rule may
 * delay, answer a status instead of handling, drop the connection before handling, or handle (commit) and then drop
 * the connection or answer an error, a limited number of times or with some probability. The answer of a rule may
 * echo the request (as some real servers' error messages do), be raw text (an HTML error page), or never end. The
 * probability draws come from a seeded generator when the rules are set with a `seed`, so a faulty run can be replayed.
 */
import { z } from "zod";

const status = z.number().int().min(100).max(599);

export const faultRule = z
  .object({
    /** HTTP method, case-insensitive; any when absent. */
    method: z.string().trim().min(1).optional(),
    /** Regular expression tested against the path (without query); any when absent. */
    path: z.string().min(1).refine(isRegExp, "path must be a valid regular expression").optional(),
    /** Answer this status without handling the request. */
    status: status.optional(),
    /** Body of the `status` or `failAfterCommit` answer; the API's error body when absent. */
    body: z.unknown().optional(),
    /** Extra response headers of the `status` or `failAfterCommit` answer. */
    headers: z.record(z.string(), z.string()).optional(),
    /** The `status` or `failAfterCommit` answer's message quotes the request body (JSON), as a careless server does. */
    echoBody: z.boolean().optional(),
    /** The message quotes the request headers too (`authorization` included), as a debugging proxy might. */
    echoHeaders: z.boolean().optional(),
    /** The `status` or `failAfterCommit` answer's body as raw text (e.g. an HTML page; set content-type in headers). */
    text: z.string().optional(),
    /** The `status` or `failAfterCommit` answer's body never ends (chunks until the client hangs up). */
    endlessBody: z.boolean().optional(),
    /** Wait this long before going on. */
    delayMs: z.number().int().min(0).max(600_000).optional(),
    /** Handle (commit) the request, then wait this long before answering: a server that commits but answers slowly. */
    delayAfterCommitMs: z.number().int().min(0).max(600_000).optional(),
    /** Close the connection without answering, before handling or after committing the change. */
    drop: z.enum(["before", "after"]).optional(),
    /** Handle (commit) the request, then answer this status instead of the real answer. */
    failAfterCommit: status.optional(),
    /** Fire this many times, then never again; unlimited when absent. */
    times: z.number().int().min(0).optional(),
    /** Chance of firing on each matching request; 1 when absent. */
    probability: z.number().min(0).max(1).optional(),
  })
  .refine(
    (r) => [r.status, r.drop, r.failAfterCommit].filter((x) => x !== undefined).length <= 1,
    "a rule takes at most one of status, drop and failAfterCommit",
  )
  .refine(
    (r) => [r.body, r.text, r.endlessBody || undefined, r.echoBody || r.echoHeaders || undefined].filter((x) => x !== undefined).length <= 1,
    "a rule takes at most one of body, text, endlessBody and echoBody/echoHeaders",
  )
  .refine(
    (r) => (r.body === undefined && r.text === undefined && !r.endlessBody && !r.echoBody && !r.echoHeaders) || r.status !== undefined || r.failAfterCommit !== undefined,
    "body, text, endlessBody, echoBody and echoHeaders shape the answer of status or failAfterCommit; give one of those",
  );
export type FaultRule = z.infer<typeof faultRule>;

export const faultRules = z.object({
  rules: z.array(faultRule),
  /** Seeds the draws of `probability`: the same seed and requests fire the same faults. Math.random when absent. */
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
});

interface ActiveRule {
  readonly rule: FaultRule;
  readonly pattern: RegExp | undefined;
  remaining: number | undefined;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: () => number = Math.random;

  /** Replaces every rule; a `seed` makes the probability draws repeatable. */
  set(rules: readonly FaultRule[], seed?: number): void {
    this.random = seed === undefined ? Math.random : seededRandom(seed);
    this.rules = rules.map((rule) => ({
      rule,
      pattern: rule.path === undefined ? undefined : new RegExp(rule.path),
      remaining: rule.times,
    }));
  }

  /** The rules with what remains of their `times`. */
  list(): FaultRule[] {
    return this.rules.map((r) => (r.remaining === undefined ? r.rule : { ...r.rule, times: r.remaining }));
  }

  /** The rule that fires for this request, if any; firing uses up one of its `times`. */
  take(method: string, path: string, random: () => number = this.random): FaultRule | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (active.pattern !== undefined && !active.pattern.test(path)) continue;
      if (active.remaining !== undefined && active.remaining <= 0) continue;
      if (rule.probability !== undefined && random() >= rule.probability) continue;
      if (active.remaining !== undefined) active.remaining -= 1;
      return rule;
    }
    return undefined;
  }
}

/** mulberry32: tiny, fast, and good enough to spread faults; not for anything secret. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export function injectedFaultMessage(status: number): string {
  return `Injected fault: the emulator answered ${status} by rule`;
}

/** What an echoing rule's message adds: the request as the server received it. */
export function echoedRequest(rule: FaultRule, body: unknown, headers: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  if (rule.echoHeaders) parts.push(`headers ${JSON.stringify(headers)}`);
  if (rule.echoBody || rule.echoHeaders) parts.push(`body ${JSON.stringify(body ?? null)}`);
  return parts.length ? `; the request was: ${parts.join(", ")}` : "";
}
