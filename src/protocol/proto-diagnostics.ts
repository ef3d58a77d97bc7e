/**
 * Diagnostics and attribute paths between the framework's values and tfplugin6 messages. A path step is an
 * attribute name, a map key (element_key_string) or a list index (element_key_int).
 */
import type { Diagnostic } from "../framework/diagnostics";
import { AttributePath, type PathStep } from "../framework/path";
import { CodecError } from "./codec-error";
import * as tf from "./messages";

export function toProtoPath(path: AttributePath): tf.AttributePath {
  return { steps: path.steps.map(toProtoStep) };
}

function toProtoStep(step: PathStep): tf.AttributePathStep {
  switch (step.kind) {
    case "attribute":
      return { attribute_name: step.name };
    case "key":
      return { element_key_string: step.key };
    case "index":
      return { element_key_int: step.index };
  }
}

/** Throws `CodecError` for a step with no selector set (a malformed path from the wire). */
export function fromProtoPath(proto: tf.AttributePath): AttributePath {
  let path = AttributePath.empty;
  for (const [i, step] of (proto.steps ?? []).entries()) {
    if ("attribute_name" in step) path = path.atName(step.attribute_name);
    else if ("element_key_string" in step) path = path.atMapKey(step.element_key_string);
    else if ("element_key_int" in step) path = path.atListIndex(Number(step.element_key_int));
    else throw new CodecError(path, `attribute path step ${i} sets no selector`);
  }
  return path;
}

/**
 * Severity ERROR or WARNING, summary, detail, and `attribute` when the diagnostic has a non-empty path.
 *
 * Terraform cannot place a path inside an attribute's value on its source line (hashicorp/terraform#33491): it
 * would underline the resource header. So Terraform gets the top-level attribute (`credentials`, `rotation`), whose
 * `credentials = {` line it shows, and the detail names the full path. Only here: the engine and CDKTF keep it.
 */
export function toProtoDiagnostic(d: Diagnostic): tf.Diagnostic {
  const first = d.path?.steps[0];
  const top = d.path && d.path.steps.length > 1 && first?.kind === "attribute" ? AttributePath.root(first.name) : undefined;
  const full = d.path?.toString() ?? "";
  const shown = top ?? d.path;
  return {
    severity: d.severity === "error" ? tf.DiagnosticSeverity.ERROR : tf.DiagnosticSeverity.WARNING,
    summary: d.summary,
    detail: top && !d.detail.includes(full) ? `${full}: ${d.detail}` : d.detail,
    ...(shown && !shown.isEmpty ? { attribute: toProtoPath(shown) } : {}),
  };
}

export function toProtoDiagnostics(diags: Iterable<Diagnostic>): tf.Diagnostic[] {
  return Array.from(diags, toProtoDiagnostic);
}
