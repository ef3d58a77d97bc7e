/** What the scrapengine provider loads on first configure: its environment schema and the API client. */
import { z } from "zod";

export { ScrapEngineClient } from "../client/scrapengine-client";

const env = z.object({
  SCRAPENGINE_BASE_URL: z.string().min(1).optional(),
  SCRAPENGINE_API_KEY: z.string().min(1).optional(),
});

/** The provider's environment variables; empty values count as unset. */
export function scrapengineEnv(raw: NodeJS.ProcessEnv): z.infer<typeof env> {
  const vars = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k.startsWith("SCRAPENGINE_") && v !== ""));
  const parsed = env.safeParse(vars);
  return parsed.success ? parsed.data : {};
}
