/** Starts the emulator in-process on a free loopback port and drives its control API over HTTP. */
import { request } from "undici";
import { startEmulator, type EmulatorOptions, type FaultRule, type RunningEmulator } from "../../src/emulator";
import type { Logger } from "../../src/framework/resource";

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

export class TestEmulator {
  private constructor(readonly running: RunningEmulator) {}

  static async start(options: EmulatorOptions = {}): Promise<TestEmulator> {
    return new TestEmulator(await startEmulator({ port: 0, ...options }));
  }

  get url(): string {
    return this.running.url;
  }

  async control(method: "GET" | "PUT" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
    const res = await request(`${this.url}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode >= 400) throw new Error(`control ${method} ${path} answered ${res.statusCode}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  faults(rules: FaultRule[]): Promise<unknown> {
    return this.control("PUT", "/faults", { rules });
  }

  async requests(): Promise<LoggedRequest[]> {
    const res = (await this.control("GET", "/requests")) as { requests: LoggedRequest[] };
    return res.requests;
  }

  clearRequests(): Promise<unknown> {
    return this.control("DELETE", "/requests");
  }

  reset(): Promise<unknown> {
    return this.control("POST", "/reset");
  }

  close(): Promise<void> {
    return this.running.close();
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
