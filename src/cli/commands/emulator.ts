/**
 * `vaultbridge emulator`: runs the local Infisical + ScrapEngine emulator (DESIGN §3). Prints exactly one JSON line
 * on stdout when ready and nothing else there; optional request logging goes to stderr. The emulator module is
 * loaded only when the command runs, so the rest of the CLI stays quick to start.
 */
import { Option, type Command } from "commander";
import { z } from "zod";
import {
  DEFAULT_API_KEY,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_HOST,
  DEFAULT_TOKEN_TTL_SECONDS,
} from "../../emulator/options";
import { followPackageRunner } from "../../plugin/exit-with-parent";

/** The parsed flags (commander's camelCase keys). */
const emulatorFlags = z.object({
  port: z.coerce
    .number({ error: "--port must be a number" })
    .int("--port must be an integer")
    .min(0, "--port must be between 0 and 65535")
    .max(65535, "--port must be between 0 and 65535"),
  host: z.string().trim().min(1, "--host must not be empty"),
  data: z.string().trim().min(1, "--data must name a file").optional(),
  clientId: z.string().min(1, "--client-id must not be empty"),
  clientSecret: z.string().min(1, "--client-secret must not be empty"),
  apiKey: z.string().min(1, "--api-key must not be empty"),
  checkPostgres: z.boolean().default(false),
  tokenTtl: z.coerce.number({ error: "--token-ttl must be a number of seconds" }).min(0, "--token-ttl must be >= 0"),
  logRequests: z.boolean().default(false),
});

export function registerEmulatorCommand(program: Command): void {
  program
    .command("emulator")
    .description(
      "Run the local Infisical + ScrapEngine API emulator. When ready it prints one JSON line on stdout: " +
        '{"url", "orgId", "projectId", "gatewayId", "infisical": {"clientId", "clientSecret"}, ' +
        '"scrapengine": {"baseUrl", "apiKey"}, "identities": {"oidc", "kubernetes", "awsIam", "aws": ' +
        '{"accessKeyId", "secretAccessKey"}}, "subOrganization": {"slug", "id"}}. Stops on SIGINT or SIGTERM, ' +
        "and, when run through npx or npm, when that npx or npm process ends.",
    )
    .addOption(new Option("--port <n>", "TCP port to listen on; 0 picks a free port").default("0"))
    .addOption(new Option("--host <address>", "interface to listen on").default(DEFAULT_HOST))
    .addOption(
      new Option("--data <file>", "persist the state to this JSON file and reload it on start (in memory otherwise)"),
    )
    .addOption(
      new Option("--client-id <id>", "Infisical universal-auth client id to accept").default(DEFAULT_CLIENT_ID),
    )
    .addOption(
      new Option("--client-secret <secret>", "Infisical universal-auth client secret to accept").default(
        DEFAULT_CLIENT_SECRET,
      ),
    )
    .addOption(new Option("--api-key <key>", "ScrapEngine API key to accept").default(DEFAULT_API_KEY))
    .addOption(
      new Option(
        "--check-postgres",
        "check PostgreSQL credentials for real (connect and SELECT 1, 10 s timeout) " +
          "instead of refusing only passwords containing 'invalid'",
      ),
    )
    .addOption(
      new Option("--token-ttl <seconds>", "lifetime of Infisical access tokens in seconds; 0 = never expire").default(
        String(DEFAULT_TOKEN_TTL_SECONDS),
      ),
    )
    .addOption(
      new Option(
        "--log-requests",
        "log every API request to stderr (method, path, status, duration; never a header or a body)",
      ),
    )
    .action(async (raw: unknown) => {
      const flags = parseFlags(raw);
      const { startEmulator } = await import("../../emulator");
      const emulator = await startEmulator({
        port: flags.port,
        host: flags.host,
        dataFile: flags.data,
        clientId: flags.clientId,
        clientSecret: flags.clientSecret,
        apiKey: flags.apiKey,
        checkPostgres: flags.checkPostgres,
        tokenTtlSeconds: flags.tokenTtl,
        onRequest: flags.logRequests
          ? (e) => process.stderr.write(`${e.time} ${e.method} ${e.path} ${e.status ?? "dropped"} ${e.durationMs}ms\n`)
          : undefined,
      });
      process.stdout.write(`${JSON.stringify(emulator.readyLine())}\n`);
      const stop = (): void => {
        emulator.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      followPackageRunner(stop);
    });
}

function parseFlags(raw: unknown): z.infer<typeof emulatorFlags> {
  const parsed = emulatorFlags.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}
