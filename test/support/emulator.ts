/** Starts an in-process emulator on a free port and gives tests one-line access to each of its APIs. */
import { startEmulator, type EmulatorOptions, type FaultRule, type RequestLogEntry, type RunningEmulator } from "../../src/emulator";
import type { Logger } from "../../src/framework/resource";
import { call, pickString, type CallOptions, type HttpResult } from "./http";

export class TestEmulator {
  private token: string | undefined;

  private constructor(readonly emulator: RunningEmulator) {}

  static async start(options: EmulatorOptions = {}): Promise<TestEmulator> {
    return new TestEmulator(await startEmulator({ port: 0, ...options }));
  }

  get url(): string {
    return this.emulator.url;
  }

  /** Logs in with the configured universal-auth credentials (once; `fresh` forces a new token). */
  async login(fresh = false): Promise<string> {
    if (this.token === undefined || fresh) {
      const res = await call(this.url, "POST", "/api/v1/auth/universal-auth/login", {
        body: { clientId: this.emulator.infisical.clientId, clientSecret: this.emulator.infisical.clientSecret },
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
      this.token = pickString(res.body, "accessToken");
    }
    return this.token;
  }

  /** An Infisical call with a valid token; `path` is absolute (`/api/v1/...`). */
  async infisical(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<HttpResult> {
    return call(this.url, method, path, { body, bearer: await this.login(), ...options });
  }

  /** A ScrapEngine call with the API key; `path` is relative to the base URL (`/vault-integrations...`). */
  scrapengine(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<HttpResult> {
    return call(this.emulator.scrapengine.baseUrl, method, path, {
      body,
      bearer: this.emulator.scrapengine.apiKey,
      ...options,
    });
  }

  /** A control API call; `path` is relative to `/__emulator`. */
  control(method: string, path: string, body?: unknown): Promise<HttpResult> {
    return call(this.url, method, `/__emulator${path}`, { body });
  }

  async reset(): Promise<void> {
    const res = await this.control("POST", "/reset");
    if (res.status !== 204) throw new Error(`reset failed: ${res.status} ${res.text}`);
    this.token = undefined;
  }

  /** Replaces the fault rules (see src/emulator/faults.ts); a `seed` makes their probability draws repeatable. */
  async faults(rules: FaultRule[], seed?: number): Promise<void> {
    await this.expectOk(this.control("PUT", "/faults", { rules, ...(seed === undefined ? {} : { seed }) }));
  }

  /** The request log: method, path, status of every API call since the last clear. */
  async requests(): Promise<RequestLogEntry[]> {
    const res = await this.expectOk(this.control("GET", "/requests"));
    return (res.body as { requests: RequestLogEntry[] }).requests;
  }

  async clearRequests(): Promise<void> {
    await this.expectOk(this.control("DELETE", "/requests"));
  }

  close(): Promise<void> {
    return this.emulator.close();
  }

  private async expectOk(pending: Promise<HttpResult>): Promise<HttpResult> {
    const res = await pending;
    if (res.status >= 400) throw new Error(`control call answered ${res.status}: ${res.text}`);
    return res;
  }
}

/** A logger that keeps every line, so tests can assert nothing secret was logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`[${level}] ${message} ${fields ? JSON.stringify(fields) : ""}`);
  };
  return { lines, debug: rec("DEBUG"), info: rec("INFO"), warn: rec("WARN") };
}
