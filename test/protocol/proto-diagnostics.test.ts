/** Diagnostics and attribute paths to and from tfplugin6, through the real message codec. */
import { Diagnostics } from "../../src/framework/diagnostics";
import { AttributePath } from "../../src/framework/path";
import { CodecError } from "../../src/protocol/codec-error";
import { DiagnosticSeverity, decodeMessage, encodeMessage } from "../../src/protocol/messages";
import { fromProtoPath, toProtoDiagnostic, toProtoDiagnostics, toProtoPath } from "../../src/protocol/proto-diagnostics";

const mixed = AttributePath.root("rotation").atName("rotate_at_utc").atMapKey("k").atListIndex(3);

describe("attribute paths", () => {
  test("each step kind maps to its selector", () => {
    expect(toProtoPath(mixed)).toEqual({
      steps: [{ attribute_name: "rotation" }, { attribute_name: "rotate_at_utc" }, { element_key_string: "k" }, { element_key_int: 3 }],
    });
    expect(toProtoPath(AttributePath.empty)).toEqual({ steps: [] });
  });

  test("round-trip through the wire (decoded steps carry `selector`)", () => {
    const decoded = decodeMessage("tfplugin6.AttributePath", encodeMessage("tfplugin6.AttributePath", toProtoPath(mixed)));
    expect(decoded.steps?.map((s) => s.selector)).toEqual(["attribute_name", "attribute_name", "element_key_string", "element_key_int"]);
    expect(fromProtoPath(decoded).equals(mixed)).toBe(true);
    expect(String(fromProtoPath(decoded))).toBe('rotation.rotate_at_utc["k"][3]');
  });

  test("an empty-string attribute name and index 0 are kept (oneof members are sent even when default)", () => {
    const path = AttributePath.root("").atListIndex(0);
    const bytes = encodeMessage("tfplugin6.AttributePath", toProtoPath(path));
    expect(fromProtoPath(decodeMessage("tfplugin6.AttributePath", bytes)).equals(path)).toBe(true);
  });

  test("a step with no selector is refused", () => {
    // steps: [ {} ] — field 1, length 0
    const decoded = decodeMessage("tfplugin6.AttributePath", Buffer.from([0x0a, 0x00]));
    expect(() => fromProtoPath(decoded)).toThrow(CodecError);
    expect(() => fromProtoPath(decoded)).toThrow("the object: attribute path step 0 sets no selector");
  });
});

describe("diagnostics", () => {
  test("an error on a top-level attribute keeps its path", () => {
    const d = toProtoDiagnostic({ severity: "error", summary: "Invalid Attribute Value", detail: "Too long.", path: AttributePath.root("name") });
    expect(d).toEqual({ severity: DiagnosticSeverity.ERROR, summary: "Invalid Attribute Value", detail: "Too long.", attribute: { steps: [{ attribute_name: "name" }] } });
    expect(decodeMessage("tfplugin6.Diagnostic", encodeMessage("tfplugin6.Diagnostic", d))).toEqual({
      ...d,
      attribute: { steps: [{ attribute_name: "name", selector: "attribute_name" }] },
    });
  });

  // Terraform cannot place a nested path on its line (hashicorp/terraform#33491): it gets the top-level attribute.
  test("a nested path: Terraform gets the top-level attribute, the detail the full path", () => {
    const d = toProtoDiagnostic({ severity: "error", summary: "Invalid Attribute Value", detail: "Too long.", path: AttributePath.of("credentials", "password") });
    expect(d).toEqual({
      severity: DiagnosticSeverity.ERROR,
      summary: "Invalid Attribute Value",
      detail: "credentials.password: Too long.",
      attribute: { steps: [{ attribute_name: "credentials" }] },
    });
    const named = toProtoDiagnostic({ severity: "warning", summary: "W", detail: "rotation.rotate_at_utc.hours is odd.", path: AttributePath.of("rotation", "rotate_at_utc", "hours") });
    expect([named.detail, named.attribute]).toEqual(["rotation.rotate_at_utc.hours is odd.", { steps: [{ attribute_name: "rotation" }] }]);
  });

  test("a warning without a path (or with the empty path) has no attribute", () => {
    const diags = new Diagnostics().warning("Password Change Ignored", "The server owns it.").error("Bad", "Worse.", AttributePath.empty);
    expect(toProtoDiagnostics(diags)).toEqual([
      { severity: DiagnosticSeverity.WARNING, summary: "Password Change Ignored", detail: "The server owns it." },
      { severity: DiagnosticSeverity.ERROR, summary: "Bad", detail: "Worse." },
    ]);
  });

  test("wire bytes: severity is field 1 (ERROR = 1, WARNING = 2)", () => {
    expect(encodeMessage("tfplugin6.Diagnostic", { severity: DiagnosticSeverity.WARNING }).toString("hex")).toBe("0802");
  });
});
