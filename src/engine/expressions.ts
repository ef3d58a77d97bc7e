/**
 * The expressions the engine evaluates inside Terraform JSON strings: `${var.name}`, `${type.name.attr...}`,
 * `${type.name[0].attr}`, `${count.index}`, and literal text around them. Anything else (functions, operators,
 * splats, locals, data sources, modules) is refused up front with advice to run the stack with Terraform.
 */
import { VaultbridgeError } from "../framework/vaultbridge-error";

export type Reference =
  | { readonly kind: "var"; readonly name: string }
  | { readonly kind: "count.index" }
  | { readonly kind: "resource"; readonly type: string; readonly name: string; readonly index?: number; readonly attribute: readonly string[] };

/** A string value as parts: literal text and references, in order. */
export type Template = readonly (string | Reference)[];

export class UnsupportedExpressionError extends VaultbridgeError {
  constructor(
    readonly expression: string,
    why: string,
  ) {
    super(`\${${expression}} is not supported by the vaultbridge engine (${why}); run this stack with Terraform instead.`, "VB_UNSUPPORTED");
  }
}

const IDENT = "[A-Za-z_][A-Za-z0-9_-]*";
const VAR = new RegExp(`^var\\.(${IDENT})$`);
const RESOURCE = new RegExp(`^(${IDENT})\\.(${IDENT})(?:\\[(\\d+)\\])?((?:\\.${IDENT})*)$`);
/** `data.<type>.<name>.<attribute…>`; a list element as `.<n>` or `[<n>]`. */
const DATA = new RegExp(`^data\\.(${IDENT})\\.(${IDENT})((?:\\.${IDENT}|\\.\\d+|\\[\\d+\\])*)$`);

/** Splits a string into literal text and `${...}` references; `$${` is an escaped literal `${`. */
export function parseTemplate(s: string): Template {
  const parts: (string | Reference)[] = [];
  let text = "";
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("$${", i)) {
      text += "${";
      i += 3;
    } else if (s.startsWith("%%{", i)) {
      text += "%{";
      i += 3;
    } else if (s.startsWith("%{", i)) {
      throw new UnsupportedExpressionError(s.slice(i, s.indexOf("}", i) + 1 || s.length), "template directives");
    } else if (s.startsWith("${", i)) {
      const end = s.indexOf("}", i + 2);
      if (end < 0) throw new UnsupportedExpressionError(s.slice(i + 2), "an unterminated interpolation");
      if (text) parts.push(text);
      text = "";
      parts.push(parseReference(s.slice(i + 2, end).trim()));
      i = end + 1;
    } else {
      text += s[i];
      i++;
    }
  }
  if (text || parts.length === 0) parts.push(text);
  return parts;
}

export function parseReference(expr: string): Reference {
  if (expr === "count.index") return { kind: "count.index" };
  const v = VAR.exec(expr);
  if (v) return { kind: "var", name: v[1] };
  const d = DATA.exec(expr);
  if (d) return { kind: "resource", type: `data.${d[1]}`, name: d[2], attribute: d[3] ? d[3].replace(/\[(\d+)\]/g, ".$1").slice(1).split(".") : [] };
  if (/^(local|data|module|path|terraform|each|self)\./.test(expr)) {
    throw new UnsupportedExpressionError(expr, `${expr.split(".")[0]} references`);
  }
  const r = RESOURCE.exec(expr);
  if (r && r[4]) {
    return { kind: "resource", type: r[1], name: r[2], index: r[3] === undefined ? undefined : Number(r[3]), attribute: r[4].slice(1).split(".") };
  }
  if (/\(/.test(expr)) throw new UnsupportedExpressionError(expr, "function calls");
  if (/\[\*\]|\.\*/.test(expr)) throw new UnsupportedExpressionError(expr, "splat expressions");
  throw new UnsupportedExpressionError(expr, "only var.<name>, <type>.<name>[.<attribute>] and count.index are understood");
}

/** Every reference inside a configuration value (strings walked through objects and arrays). */
export function referencesIn(value: unknown): Reference[] {
  if (typeof value === "string") return parseTemplate(value).filter((p): p is Reference => typeof p !== "string");
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === "object") return Object.values(value as Record<string, unknown>).flatMap(referencesIn);
  return [];
}
