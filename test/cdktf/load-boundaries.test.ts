/**
 * cdktf is for CDKTF apps only: the provider executables and the emulator must never load it (cdktf and constructs
 * cost ~120 ms of start-up; the provider's launch budget is a fraction of that). Checked on the module graph
 * (esbuild, as the bundles are built) and on what the built emulator actually loads.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";

const run = promisify(execFile);
const root = join(__dirname, "..", "..");
const FORBIDDEN = /^(cdktf|cdktn|constructs|@cdktf\/.*|@cdktn\/.*)$/;

test.each(["src/bin/terraform-provider-infisical.ts", "src/bin/terraform-provider-scrapengine.ts", "src/emulator/index.ts"])(
  "%s never reaches cdktf, constructs or src/cdktf",
  async (entry) => {
    const { metafile } = await build({
      entryPoints: [join(root, entry)],
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      format: "cjs",
      packages: "external",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.filter((p) => p.startsWith("src/cdktf/") || p.startsWith("src/cdktn/"))).toEqual([]);
    const packages = Object.values(metafile.inputs).flatMap((i) => i.imports.filter((imp) => imp.external).map((imp) => imp.path));
    expect(packages.filter((p) => FORBIDDEN.test(p))).toEqual([]);
  },
);

test("the built emulator loads no cdktf module", async () => {
  const script = `require(${JSON.stringify(join(root, "dist", "emulator"))}); process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => /node_modules[\\\\/](cdktf|cdktn|constructs)[\\\\/]/.test(f))));`;
  const { stdout } = await run(process.execPath, ["-e", script], { cwd: root });
  expect(JSON.parse(stdout)).toEqual([]);
});
