/** What the infisical provider loads on first configure: its environment schema and the API client. */
import { z } from "zod";

export { InfisicalClient } from "../client/infisical-client";

const env = z.object({
  INFISICAL_HOST: z.string().min(1).optional(),
  INFISICAL_TOKEN: z.string().min(1).optional(),
  INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: z.string().min(1).optional(),
  INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: z.string().min(1).optional(),
});

/** The provider's environment variables; empty values count as unset. */
export function infisicalEnv(raw: NodeJS.ProcessEnv): z.infer<typeof env> {
  const vars = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k.startsWith("INFISICAL_") && v !== ""));
  const parsed = env.safeParse(vars);
  return parsed.success ? parsed.data : {};
}
