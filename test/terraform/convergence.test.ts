/**
 * D4 through the real `terraform`: values the server would store differently (an empty namespace it keeps as
 * none, a description it trims) used to be replaced or updated on every apply; they are refused at plan, on
 * their own line, with the reason and what to write instead, before any API call.
 */
import { lineOf, output, ownDiagnostics, resourceBlock } from "../support/terraform";
import { HEROKU, VAULT, blocksFor, isResourceCall, useEmulatorAndWorkspace } from "./helpers";

const ctx = useEmulatorAndWorkspace();

test("an empty namespace and a description with surrounding spaces are refused at plan, on their lines", async () => {
  const { emu, ws } = ctx;
  const main = [
    blocksFor(emu, HEROKU, VAULT),
    resourceBlock(VAULT, "v", { name: "v", address: "https://vault.example.com", namespace: "", role_id: "r", secret_id: "s" }),
    resourceBlock(HEROKU, "h", { name: "h", description: " spaced ", credentials: { auth_token: "HRKU-x" } }),
  ].join("\n");
  ws.write({ "main.tf": main });
  const plan = await ws.plan(1);
  const found = ownDiagnostics(output(plan)).map((d) => ({ summary: d.summary, line: d.line, detail: d.detail }));
  expect(found).toEqual(
    expect.arrayContaining([
      {
        summary: "Value Would Never Converge",
        line: lineOf(main, `${VAULT}.v`, "namespace"),
        detail: "namespace must not be empty: the server stores an empty value as unset, so every plan would show a change. Remove the attribute (or set it to null) for none.",
      },
      {
        summary: "Value Would Never Converge",
        line: lineOf(main, `${HEROKU}.h`, "description"),
        detail: expect.stringMatching(/^description must not start or end with whitespace: the server trims it/),
      },
    ]),
  );
  expect((await emu.requests()).filter((r) => isResourceCall(r.path))).toEqual([]);
}, 60_000);
