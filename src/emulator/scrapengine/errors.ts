/** ScrapEngine's error replies, `{ statusCode, error, message }`, and every message the emulator answers with. */
import { STATUS_CODES } from "node:http";
import type { z } from "zod";
import { ReplyError, type Reply } from "../http";

export function scrapengineErrorReply(
  status: number,
  message: string | readonly string[],
  headers?: Readonly<Record<string, string>>,
): Reply {
  const body = { statusCode: status, error: STATUS_CODES[status] ?? "Error", message };
  return headers === undefined ? { status, body } : { status, body, headers };
}

const fail = (status: number, message: string | readonly string[]) =>
  new ReplyError(scrapengineErrorReply(status, message));

export const messages = {
  unauthorized: () => "Invalid or missing API key",
  notFound: (id: string) => `Vault integration ${id} not found`,
  duplicateName: (name: string) => `A vault integration named "${name}" already exists`,
  routeNotFound: (method: string, path: string) => `Cannot ${method} ${path}`,
} as const;

export const errors = {
  unauthorized: () => fail(401, messages.unauthorized()),
  notFound: (id: string) => fail(404, messages.notFound(id)),
  duplicateName: (name: string) => fail(409, messages.duplicateName(name)),
  /** 400 with one sentence per issue, each naming its field (never the value). */
  invalidBody: (issues: readonly z.core.$ZodIssue[]) => fail(400, issues.map(describeIssue)),
} as const;

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join(".");
  if (field === "" || issue.message.startsWith(field)) return issue.message;
  return `${field}: ${issue.message}`;
}
