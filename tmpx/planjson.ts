import { writeFileSync } from "node:fs";
import { TestEmulator } from "../test/support/emulator";
import { TerraformWorkspace, resourceBlock, raw } from "../test/support/terraform";
import { blocksFor, PG, HEROKU } from "../test/terraform/helpers";
(async () => {
  const emu = await TestEmulator.start();
  const ws = new TerraformWorkspace();
  const main = (desc: string, extra = "") => `${blocksFor(emu, PG, HEROKU)}
variable "pw" {
  type      = string
  sensitive = true
}
variable "env" {
  type    = string
  default = "prod"
}
${resourceBlock(PG, "db", { name: "db-${var.env}", description: desc, credentials: { host: "h", database: "d", username: "u", password: raw("var.pw") } })}
${resourceBlock(HEROKU, "web", { name: "web", credentials: { auth_token: "HRKU-x" } })}
${extra}
output "db_id" { value = infisical_app_connection_postgres.db.id }
output "pw" {
  value     = var.pw
  sensitive = true
}
`;
  ws.write({ "main.tf": main("one", resourceBlock(HEROKU, "gone", { name: "gone", credentials: { auth_token: "HRKU-y" } })) });
  const env = { TF_VAR_pw: "secretpw" };
  await ws.apply([], { env });
  // drift: change description outside
  const id = String(ws.attributes(`${PG}.db`).id);
  await emu.infisical("PATCH", `/api/v1/app-connections/postgres/${id}`, { description: "changed outside" });
  ws.write({ "main.tf": main("two") });
  await ws.run(["plan", "-out=tfplan"], { env, expectCode: 0 });
  const show = await ws.run(["show", "-json", "tfplan"], { expectCode: 0 });
  writeFileSync("/tmp/tfplan.json", show.stdout);
  const st = await ws.run(["show", "-json"], { expectCode: 0 });
  writeFileSync("/tmp/tfstate-show.json", st.stdout);
  // create-only plan
  const ws2 = new TerraformWorkspace();
  ws2.write({ "main.tf": main("one") });
  await ws2.run(["plan", "-out=tfplan"], { env, expectCode: 0 });
  writeFileSync("/tmp/tfplan-create.json", (await ws2.run(["show", "-json", "tfplan"], { expectCode: 0 })).stdout);
  await emu.close(); ws.cleanup(); ws2.cleanup();
})().catch((e) => { console.error(e); process.exit(1); });
