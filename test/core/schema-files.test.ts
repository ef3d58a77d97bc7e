/** schemas/*.json are generated from the declarations; a stale committed file fails here. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { schemaFiles } from "../../src/cli/commands/schema";

describe("committed schema files", () => {
  test.each(Object.entries(schemaFiles()))("%s is up to date (run `npx vaultbridge schema` to regenerate)", (file, expected) => {
    const committed = readFileSync(join(__dirname, "..", "..", "schemas", file), "utf8");
    expect(committed).toBe(expected);
  });

  test("nested attributes stay nested, secrets are sensitive, force-new attributes say so", () => {
    const doc = JSON.parse(schemaFiles()["infisical.json"]);
    const pg = doc.provider_schemas["registry.terraform.io/vaultbridge/infisical"].resource_schemas.infisical_app_connection_postgres.block.attributes;
    expect(pg.credentials.nested_type.nesting_mode).toBe("single");
    expect(pg.credentials.required).toBe(true);
    expect(pg.credentials.nested_type.attributes.password).toMatchObject({ type: "string", optional: true, sensitive: true });
    expect(pg.credentials.nested_type.attributes.password_wo).toMatchObject({ type: "string", optional: true, sensitive: true, write_only: true });
    expect(pg.credentials.nested_type.attributes.port).toMatchObject({ type: "number", optional: true, computed: true });
    expect(pg.id).toMatchObject({ type: "string", computed: true });
    expect(pg.id.optional).toBeUndefined();
  });
});

describe("committed reference docs", () => {
  test("docs/ matches the declarations (run `npx vaultbridge docs` to regenerate)", async () => {
    const { docFiles } = await import("../../src/cli/commands/docs");
    for (const [file, expected] of Object.entries(await docFiles())) {
      expect([file, readFileSync(join(__dirname, "..", "..", "docs", file), "utf8")]).toEqual([file, expected]);
    }
  });
});
