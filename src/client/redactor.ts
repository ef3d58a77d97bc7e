/**
 * Removes every secret an API client knows from text a server sent back: a server that echoes the request body
 * in an error message must not put a password into terraform's output or a log. The client feeds it its
 * credentials, the access tokens it obtains, and the secret fields of every request body it sends.
 *
 * Each secret is matched as written, JSON-escaped (once, and twice for a body quoted inside a JSON string),
 * URL-encoded (`password=hunter2` in a form echo), line by line when it spans lines (PEM), and as a prefix cut off
 * at the end of a truncated message.
 */

/** What a secret is replaced with; free of quotes and backslashes, so redacted JSON text stays JSON. */
export const REDACTED = "(redacted)";

/** Below this length a secret is matched as a whole word only, so a short one cannot shred every message. */
const WHOLE_WORD_BELOW = 6;
/** The shortest cut-off prefix that counts as a leak at the end of a truncated message. */
const MIN_PREFIX = 6;
/** Lines of a multi-line secret shorter than this (or PEM armour lines) are not secrets on their own. */
const MIN_LINE = 8;

export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly forms = new Set<string>();
  private pattern: RegExp | null = null;

  /** Adds secrets (empty and missing values are ignored). */
  add(...secrets: readonly (string | null | undefined)[]): void {
    for (const secret of secrets) {
      if (!secret || this.secrets.has(secret)) continue;
      this.secrets.add(secret);
      for (const form of formsOf(secret)) this.forms.add(form);
      this.pattern = null;
    }
  }

  /** `text` with every known secret replaced by {@link REDACTED}. */
  redact(text: string): string {
    if (this.forms.size === 0 || text === "") return text;
    this.pattern ??= compile([...this.forms]);
    return this.redactCutOff(text.replace(this.pattern, REDACTED));
  }

  /** A message truncated in the middle of a secret ends with its first characters (maybe with an ellipsis). */
  private redactCutOff(text: string): string {
    // "\u2026" (…) escaped: esbuild copies regex literals as they are, and one character beyond Latin-1 anywhere in a
    // provider bundle makes V8 hold the whole 1 MB source as a two-byte string for the life of the process.
    const tail = /(?:\.\.\.|\u2026)?["']?\s*$/.exec(text);
    const end = tail ? tail.index : text.length;
    for (const form of this.forms) {
      for (let len = Math.min(form.length - 1, end); len >= MIN_PREFIX; len--) {
        if (text.startsWith(form.slice(0, len), end - len)) return `${text.slice(0, end - len)}${REDACTED}${text.slice(end)}`;
      }
    }
    return text;
  }
}

/** The spellings of one secret a server's answer may carry. */
function formsOf(secret: string): string[] {
  const pieces = [secret];
  if (/[\r\n]/.test(secret)) {
    for (const line of secret.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed.length >= MIN_LINE && !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(trimmed)) pieces.push(trimmed);
    }
  }
  const forms = new Set<string>();
  for (const piece of pieces) {
    const once = JSON.stringify(piece).slice(1, -1);
    forms.add(piece);
    forms.add(once);
    forms.add(JSON.stringify(once).slice(1, -1));
    forms.add(encodeURIComponent(piece));
  }
  return [...forms];
}

/** One pattern for every form, longest first so a secret wins over a line of itself. */
function compile(forms: string[]): RegExp {
  const alternatives = forms
    .sort((a, b) => b.length - a.length)
    .map((f) => {
      const escaped = f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return f.length < WHOLE_WORD_BELOW ? `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])` : escaped;
    });
  return new RegExp(alternatives.join("|"), "g");
}

/** Every string under one of `fields` anywhere in a request body (nested objects and arrays walked). */
export function secretsIn(body: unknown, fields: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const walk = (v: unknown, key: string | undefined): void => {
    if (typeof v === "string") {
      if (key !== undefined && fields.has(key)) found.push(v);
    } else if (Array.isArray(v)) {
      for (const item of v) walk(item, key);
    } else if (v !== null && typeof v === "object") {
      for (const [k, inner] of Object.entries(v)) walk(inner, k);
    }
  };
  if (fields.size > 0) walk(body, undefined);
  return found;
}
