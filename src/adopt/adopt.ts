/**
 * `vaultbridge adopt`: every App Connection of the three types and every vault integration the credentials see
 * (from the environment, as the providers read it), written as a stack that imports them. One list call per API,
 * whatever the number of objects. Never writes a secret: the APIs never return one.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ProviderCore } from "../core/provider-core";
import { type Diagnostic, Diagnostics } from "../framework/diagnostics";
import type { Logger, ProviderDefinition } from "../framework/resource";
import { providers } from "../providers";
import { adoptedStack, type AdoptedStack, type FoundObject } from "./adopted-stack";
import { cdktfFiles } from "./write-cdktf";
import { hclFiles } from "./write-hcl";

export type AdoptFormat = "hcl" | "cdktf";

export interface AdoptOptions {
  readonly out: string;
  readonly format: AdoptFormat;
  readonly projectId?: string;
  readonly force?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: Logger;
}

export interface AdoptResult {
  readonly stack: AdoptedStack | null;
  readonly files: readonly string[];
  /** Per provider: how many objects of each type, or why the provider was skipped. */
  readonly summary: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export async function adopt(options: AdoptOptions): Promise<AdoptResult> {
  const diags = new Diagnostics();
  if (existsSync(options.out) && readdirSync(options.out).length > 0 && !options.force) {
    diags.error("Output Folder Not Empty", `${options.out} is not empty; choose another --out, or pass --force to write into it (files of the same name are replaced).`);
    return { stack: null, files: [], summary: [], diagnostics: diags.toArray() };
  }
  const found: FoundObject[] = [];
  const summary: string[] = [];
  let configured = 0;
  for (const def of Object.values(providers) as ProviderDefinition<unknown>[]) {
    const core = new ProviderCore(def, { env: options.env ?? process.env, log: options.log });
    const configure = core.configure({});
    if (configure.hasError()) {
      summary.push(`${def.name}: skipped (${configure.errors[0]?.detail ?? "not configured"})`);
      continue;
    }
    configured++;
    try {
      for (const r of def.resources) {
        if (!r.adoption) continue;
        const listed = await core.listExisting(r.typeName, { projectId: options.projectId });
        diags.addAll(listed.diagnostics);
        for (const state of listed.states) found.push({ provider: def.name, type: r.typeName, attributes: r.attributes, state, secrets: r.adoption.secrets(state) });
        summary.push(`${r.typeName}: ${listed.states.length}`);
      }
    } finally {
      await core.close();
    }
  }
  if (configured === 0) diags.error("No Credentials", "Neither provider is configured: set INFISICAL_HOST with INFISICAL_TOKEN or INFISICAL_UNIVERSAL_AUTH_CLIENT_ID/_CLIENT_SECRET, and/or SCRAPENGINE_BASE_URL with SCRAPENGINE_API_KEY.");
  if (diags.hasError()) return { stack: null, files: [], summary, diagnostics: diags.toArray() };

  const stack = adoptedStack(found);
  const files = options.format === "cdktf" ? cdktfFiles(stack) : hclFiles(stack);
  mkdirSync(options.out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(options.out, name), text);
  return { stack, files: Object.keys(files).map((f) => join(options.out, f)), summary, diagnostics: diags.toArray() };
}
